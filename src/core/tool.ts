import { z } from 'zod'
import type { ToolContext, ToolProgress, ToolSpec } from './types.ts'

/** What a tool's `run` may return: a value, a Promise, or an async generator of progress. */
export type ToolReturn<R> = R | Promise<R> | AsyncGenerator<ToolProgress, R, void>

export interface ToolDefinition<S extends z.ZodType, R> {
  name: string
  description: string
  /** Zod schema of the arguments; turned into JSON Schema for providers. */
  input: S
  /** Each `yield` is progress; the return value (or resolved value) is the result. */
  run: (args: z.infer<S>, ctx: ToolContext) => ToolReturn<R>
  /** Per-tool time limit; overrides the agent-wide `toolTimeoutMs`. */
  timeoutMs?: number
}

/** A tool with its types erased, as the agent holds it. Build one with `defineTool`. */
export interface Tool {
  readonly name: string
  readonly description: string
  readonly input: z.ZodType
  readonly spec: ToolSpec
  readonly timeoutMs?: number
  run(args: unknown, ctx: ToolContext): ToolReturn<unknown>
}

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/

/** Define a tool. The name must suit every provider: letters, digits, _ and -, at most 64. */
export function defineTool<S extends z.ZodType, R>(definition: ToolDefinition<S, R>): Tool {
  if (!TOOL_NAME.test(definition.name)) {
    throw new TypeError(`Tool name "${definition.name}" must match ${TOOL_NAME.source} (provider limits).`)
  }
  // The JSON Schema is made when a provider first reads it, not here: a page builds every demo
  // tool to list them, and converting all their schemas held up the start of each run.
  let inputSchema: object | undefined
  const spec: ToolSpec = {
    name: definition.name,
    description: definition.description,
    get inputSchema() {
      inputSchema ??= toInputSchema(definition.input)
      return inputSchema
    },
  }
  const tool: Tool = {
    name: definition.name,
    description: definition.description,
    input: definition.input,
    spec,
    // The agent validates with `input` before calling, so the cast only restores the erased type.
    run: (args, ctx) => definition.run(args as z.infer<S>, ctx),
    ...(definition.timeoutMs !== undefined ? { timeoutMs: definition.timeoutMs } : {}),
  }
  return tool
}

/** JSON Schema of a tool's input, without the `$schema` key providers reject. */
export function toInputSchema(schema: z.ZodType): object {
  const json: Record<string, unknown> = { ...z.toJSONSchema(schema, { target: 'draft-7', unrepresentable: 'any' }) }
  delete json['$schema']
  if (json['type'] === undefined) json['type'] = 'object'
  return json
}

/** Whether a tool's return value is an async generator (progress, then a result). */
export function isAsyncGenerator(value: unknown): value is AsyncGenerator<ToolProgress, unknown, void> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { next?: unknown }).next === 'function' &&
    typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function'
  )
}
