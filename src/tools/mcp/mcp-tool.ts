// One tool of an MCP server as an ordinary core Tool: progress notifications become yields,
// the call's signal (Stop, the tool's time limit) cancels the request on the server, and an
// `isError` result ends the call as an error the model can read.
import { z } from 'zod'
import { AsyncQueue, LanesError, type Tool, type ToolContext, type ToolProgress } from '../../core/index.ts'
import { splitResult } from './content.ts'

/** A tool as `tools/list` describes it. */
export interface McpToolInfo {
  name: string
  title?: string | undefined
  description?: string | undefined
  inputSchema: object
}

/** MCP's progress notification params (the progress token is the SDK's business). */
export interface McpProgress {
  progress: number
  total?: number
  message?: string
}

export interface McpCallResult {
  content: unknown[]
  structuredContent?: unknown
  isError?: boolean
}

/** The one client method a tool needs; the SDK's Client.callTool fits it. */
export type CallTool = (
  params: { name: string; arguments: Record<string, unknown> },
  options: { signal: AbortSignal; onprogress: (progress: McpProgress) => void; timeout: number },
) => Promise<McpCallResult>

/** A tool result with `isError: true`: the server's own words go to the model. */
export class McpToolError extends LanesError {
  override name = 'McpToolError'
  constructor(readonly toolName: string, message: string) {
    super(message)
  }
}

// The core's timeout and Stop end a call through its signal; the SDK's own default (60 s) would
// cut long tools short, so it is pushed out of the way (setTimeout's maximum is ~24.8 days).
const NO_SDK_TIMEOUT = 2_147_483_647

// The server validates arguments against its own schema and answers a bad call with an
// `isError` result the model reads; locally any JSON object passes.
const ANY_ARGS = z.record(z.string(), z.unknown())

type Item =
  | { kind: 'progress'; progress: McpProgress }
  | { kind: 'result'; result: McpCallResult }
  | { kind: 'error'; error: unknown }

/**
 * The core Tool for one MCP tool. `name` is the provider-safe name; `info.name` goes on the wire.
 * `redact` scrubs the connection's secrets from every text the tool produces.
 */
export function mcpTool(info: McpToolInfo, callTool: CallTool, name: string = info.name, redact: (text: string) => string = (text) => text): Tool {
  const description = info.description ?? info.title ?? info.name
  async function* run(args: unknown, ctx: ToolContext): AsyncGenerator<ToolProgress, string, void> {
    const queue = new AsyncQueue<Item>()
    callTool(
      { name: info.name, arguments: (args ?? {}) as Record<string, unknown> },
      { signal: ctx.signal, timeout: NO_SDK_TIMEOUT, onprogress: (progress) => queue.push({ kind: 'progress', progress }) },
    ).then(
      (result) => queue.push({ kind: 'result', result }),
      (error: unknown) => queue.push({ kind: 'error', error }),
    )
    for (;;) {
      const item = await queue.shift()
      if (item.kind === 'progress') {
        const tick = toProgress(item.progress)
        yield tick.message === undefined ? tick : { ...tick, message: redact(tick.message) }
        continue
      }
      if (item.kind === 'error') {
        // Stop and time limits end the call as the core decides; anything else gets our words.
        if (ctx.signal.aborted) throw item.error
        throw new McpToolError(info.name, redact(callFailure(info.name, item.error)))
      }
      const { text, display } = splitResult(item.result.content, item.result.structuredContent)
      if (display) yield { message: 'Non-text content', data: display }
      if (item.result.isError) throw new McpToolError(info.name, redact(text) || `${info.name} failed without saying why.`)
      return redact(text)
    }
  }
  return { name, description, input: ANY_ARGS, spec: { name, description, inputSchema: info.inputSchema }, run }
}

/**
 * Why a call failed, for the model and the record. HTTP failures are described from their status
 * alone (a reply body may quote the request); JSON-RPC errors keep the server's message.
 */
function callFailure(tool: string, error: unknown): string {
  const status = (error as { httpStatus?: unknown }).httpStatus
  if (typeof status === 'number') {
    const hint = status === 404 ? ' Its session may have ended: reconnect the server.'
      : status === 401 || status === 403 ? ' Check the token or headers for this server.' : ''
    return `The MCP server answered HTTP ${status} to ${tool}.${hint}`
  }
  if (error instanceof TypeError) return `The MCP server did not answer ${tool}. Check that it is still running.`
  return error instanceof Error ? error.message : String(error)
}

/** MCP progress as a lane tick: the fraction only when the server sent a total. */
export function toProgress(progress: McpProgress): { message?: string; fraction?: number } {
  const { total, message } = progress
  const fraction = total !== undefined && Number.isFinite(total) && total > 0
    ? Math.min(1, Math.max(0, progress.progress / total))
    : undefined
  const tick: { message?: string; fraction?: number } = {}
  if (message !== undefined) tick.message = message
  else if (fraction === undefined) tick.message = `Progress: ${progress.progress}`
  if (fraction !== undefined) tick.fraction = fraction
  return tick
}
