import { ToolInputError, ToolOutputError, UnknownToolError, describeError } from './errors.ts'
import { isAsyncGenerator, type Tool } from './tool.ts'
import type { ToolContext, ToolProgress, ToolStatus } from './types.ts'

/** What a running tool reports back to the agent loop, tagged with its call's position. */
export type ToolSignal =
  | { kind: 'tool-progress'; index: number; progress: ToolProgress }
  | { kind: 'tool-done'; index: number; status: ToolStatus; output: string }

export interface ToolCallJob {
  index: number
  name: string
  args: unknown
  tool: Tool | undefined
  availableNames: readonly string[]
  ctx: ToolContext
  push: (signal: ToolSignal) => void
}

/**
 * Run one tool call to completion and report progress and the outcome through `push`. Never
 * throws: a bad call, a throwing tool or a non-serializable result all end as `tool-done` with
 * status 'error' and a message the model can read.
 */
export function runToolCall(job: ToolCallJob): void {
  const { tool, index, push } = job
  if (!tool) {
    push({ kind: 'tool-done', index, status: 'error', output: errorOutput(new UnknownToolError(job.name, job.availableNames)) })
    return
  }
  const parsed = validateArgs(tool, job.args)
  if (!parsed.ok) {
    push({ kind: 'tool-done', index, status: 'error', output: errorOutput(parsed.error) })
    return
  }
  void execute(tool, parsed.value, job)
}

async function execute(tool: Tool, args: unknown, job: ToolCallJob): Promise<void> {
  const { index, push, ctx } = job
  try {
    const returned = tool.run(args, ctx)
    let result: unknown
    if (isAsyncGenerator(returned)) {
      let step = await returned.next()
      while (!step.done) {
        if (ctx.signal.aborted) {
          // The agent has already ended this call; let the generator run its finally blocks.
          void returned.return(undefined).catch(() => undefined)
          return
        }
        push({ kind: 'tool-progress', index, progress: step.value })
        step = await returned.next()
      }
      result = step.value
    } else {
      result = await returned
    }
    const output = serializeOutput(tool.name, result)
    push({ kind: 'tool-done', index, status: output.ok ? 'ok' : 'error', output: output.ok ? output.value : errorOutput(output.error) })
  } catch (error) {
    push({ kind: 'tool-done', index, status: ctx.signal.aborted ? 'aborted' : 'error', output: errorOutput(error) })
  }
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: Error }

/** Parse JSON-string arguments and check them against the tool's schema. */
export function validateArgs(tool: Tool, raw: unknown): Parsed<unknown> {
  let args = raw
  if (typeof raw === 'string') {
    if (raw.trim() === '') {
      args = {}
    } else {
      try {
        args = JSON.parse(raw) as unknown
      } catch (error) {
        const reason = error instanceof Error ? error.message : 'unparseable'
        return { ok: false, error: new ToolInputError(tool.name, `the arguments are not valid JSON (${reason}). Send one JSON object that matches the tool's schema.`) }
      }
    }
  }
  if (args === undefined || args === null) args = {}
  const result = tool.input.safeParse(args)
  if (result.success) return { ok: true, value: result.data }
  const issues = result.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ')
  return { ok: false, error: new ToolInputError(tool.name, `${issues}. Call it again with arguments that match the schema.`) }
}

/** Text for the model: strings as they are, anything else as JSON. */
export function serializeOutput(toolName: string, value: unknown): Parsed<string> {
  if (typeof value === 'string') return { ok: true, value }
  if (value === undefined) return { ok: true, value: '' }
  try {
    const json = JSON.stringify(value)
    if (json === undefined) return { ok: false, error: new ToolOutputError(toolName, `a ${typeof value} has no JSON form`) }
    return { ok: true, value: json }
  } catch (error) {
    return { ok: false, error: new ToolOutputError(toolName, describeError(error).message) }
  }
}

export function errorOutput(error: unknown): string {
  return `Error: ${describeError(error).message}`
}
