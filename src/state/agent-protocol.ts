// The messages between the page and the agent worker. Events cross in batches packed by column
// (runs/packed-events.ts): a batch of 10,000 text deltas is a few typed arrays and one string,
// which structured clone copies in a few memcpys instead of 10,000 objects.
import type { AgentEvent, ContentPart, Message } from '../core/index.ts'
import type { PackedEvents } from '../runs/packed-events.ts'
import type { AgentJob } from './agent-job.ts'
import type { ApprovalRequest } from '../tools/approval.ts'

type ImagePart = Extract<ContentPart, { type: 'image' }>

/** Page to worker. */
export type ToWorker =
  | { type: 'warm' }
  | { type: 'start'; id: number; job: AgentJob }
  | { type: 'abort'; id: number }
  | { type: 'ocr-result'; request: number; text?: string; error?: string }
  /** The user's answer to an approval prompt. */
  | { type: 'approval'; request: number; allowed: boolean }
  /** Connect to an MCP server to list its tools (the MCP client lives in the worker). */
  | { type: 'list-server'; request: number; url: string; headers?: Record<string, string> }
  /** Benchmark: run this job's agent here, reading its events with no UI; answer its time. */
  | { type: 'time-alone'; id: number; job: AgentJob }

/** Worker to page. */
export type FromWorker =
  /** Its module has loaded: from now on an error is a crash, not a refusal to load. */
  | { type: 'up' }
  /** The model loaded; events follow. */
  | { type: 'ready'; id: number }
  /** The model could not be loaded (no events follow). */
  | { type: 'failed'; id: number; message: string }
  | { type: 'events'; id: number; packed: PackedEvents }
  /** The run is over: every event has been sent; `messages` is the conversation at its end. */
  | { type: 'end'; id: number; messages?: Message[] }
  | { type: 'ocr'; request: number; part: ImagePart }
  /** A tool call waits for the user's approval (a server with the "ask" policy). */
  | { type: 'approve'; request: number; call: ApprovalRequest }
  /** That call no longer waits (Stop, its time limit): close its prompt. */
  | { type: 'approval-closed'; request: number }
  | { type: 'server-listed'; request: number; listing: ServerListing }
  /** `ms` is missing when the run could not be timed (its model did not load). */
  | { type: 'timed'; id: number; ms?: number }

/** What an MCP server says about itself, or why it could not be reached (words for the user). */
export type ServerListing =
  | { ok: true; name: string; version?: string; tools: { name: string; description: string; inputSchema: object }[] }
  | { ok: false; error: string }

/** A packed batch's typed arrays, to transfer (move) rather than copy. */
export function transferablesOf(packed: PackedEvents): Transferable[] {
  return [packed.deltaT.buffer, packed.deltaTurn.buffer, packed.deltaLength.buffer, packed.otherAt.buffer]
}

/**
 * A tool may put anything in its arguments, progress or output, and the same arguments come back
 * in the run's result: a function, a class instance or a cycle would make the whole batch fail
 * to clone. Such an event is sent as its JSON form instead: BigInt as a string, an object met
 * again (a cycle) as "[seen above]", functions dropped.
 */
export function cloneable(event: AgentEvent): AgentEvent {
  if (event.type !== 'tool-start' && event.type !== 'tool-progress' && event.type !== 'run-end') return event
  try {
    structuredClone(event)
    return event
  } catch {
    try {
      return JSON.parse(JSON.stringify(event, jsonSafe())) as AgentEvent
    } catch (error) {
      // Even its JSON form fails (a toJSON that throws): say so in place of the values.
      const note = `[not serializable: ${error instanceof Error ? error.message : String(error)}]`
      if (event.type === 'tool-start') return { ...event, args: note }
      if (event.type === 'tool-progress') return { ...event, progress: note }
      const { lastTool, ...result } = event.result
      return { ...event, result: { ...result, toolCalls: result.toolCalls.map((call) => ({ ...call, args: note })), ...(lastTool ? { lastTool: { name: lastTool.name, args: note } } : {}) } }
    }
  }
}

/** A JSON.stringify replacer that never throws on BigInt or cycles. */
function jsonSafe(): (key: string, value: unknown) => unknown {
  const seen = new WeakSet<object>()
  return (_key, value) => {
    if (typeof value === 'bigint') return value.toString()
    if (typeof value === 'object' && value !== null) {
      if (seen.has(value)) return '[seen above]'
      seen.add(value)
    }
    return value
  }
}
