// What a run's events say about it so far, folded one event at a time (O(1) each), and the one
// way to close a run from that state: the agent loop closes its runs with it, and so does the page
// when an agent worker dies and cannot close its own. A closed run has no open model call, no
// running tool and no open turn, so no view of it (transcript, Gantt, history) shows work going on.
import type { AgentEvent, RunResult, StopReason, ToolCallRecord, Usage } from './types.ts'

export interface RunState {
  /** Latest turn started (0 before the first). */
  turn: number
  turnOpen: boolean
  modelOpen: boolean
  /** Text of the open model call, in pieces (joined once, at its end). */
  turnText: string[]
  /** Text of the latest model call that produced text: the answer, or the partial answer. */
  text: string
  /** Every started tool call, in start order; a running one has status 'running'. */
  toolCalls: ToolCallRecord[]
  running: Map<string, ToolCallRecord>
  lastTool: { name: string; args: unknown } | undefined
  usage: Usage
  lastT: number
  ended: boolean
}

/** How a run is being closed. */
export interface RunClosing {
  /** When it ends, on the run's clock; never before its last event. */
  t: number
  stopReason: StopReason
  error?: { name: string; message: string }
  /** Usage already reported by the open model call, if the closer knows it. */
  openUsage?: Usage
}

export function newRunState(): RunState {
  return {
    turn: 0, turnOpen: false, modelOpen: false, turnText: [], text: '', toolCalls: [], running: new Map(),
    lastTool: undefined, usage: { inputTokens: 0, outputTokens: 0 }, lastT: 0, ended: false,
  }
}

/** Fold one event into the state. */
export function trackEvent(state: RunState, event: AgentEvent): void {
  if (event.t > state.lastT) state.lastT = event.t
  switch (event.type) {
    case 'turn-start':
      state.turn = event.turn
      state.turnOpen = true
      break
    case 'model-start':
      state.modelOpen = true
      state.turnText = []
      break
    case 'text-delta':
      state.turnText.push(event.text)
      break
    case 'model-end': {
      state.modelOpen = false
      const text = state.turnText.join('')
      state.turnText = []
      if (text) state.text = text
      if (event.usage) addUsage(state.usage, event.usage)
      break
    }
    case 'tool-start': {
      const record: ToolCallRecord = { id: event.callId, name: event.name, args: event.args, status: 'running', startT: event.t, endT: event.t }
      state.toolCalls.push(record)
      state.running.set(event.callId, record)
      state.lastTool = { name: event.name, args: event.args }
      break
    }
    case 'tool-end': {
      const record = state.running.get(event.callId)
      if (!record) break
      record.status = event.status
      record.endT = event.t
      state.running.delete(event.callId)
      break
    }
    case 'turn-end':
      state.turnOpen = false
      break
    case 'run-end':
      state.ended = true
      break
    case 'run-start': case 'reasoning-delta': case 'model-retry': case 'model-fallback': case 'tool-progress':
      break
    default:
      assertNever(event)
  }
}

/** Add `more` into `total`, details included. */
export function addUsage(total: Usage, more: Usage): void {
  total.inputTokens += more.inputTokens
  total.outputTokens += more.outputTokens
  if (more.reasoningTokens !== undefined) total.reasoningTokens = (total.reasoningTokens ?? 0) + more.reasoningTokens
  if (more.cacheReadTokens !== undefined) total.cacheReadTokens = (total.cacheReadTokens ?? 0) + more.cacheReadTokens
  if (more.cacheWriteTokens !== undefined) total.cacheWriteTokens = (total.cacheWriteTokens ?? 0) + more.cacheWriteTokens
}

/**
 * The next event that closing needs, given the state: a tool-end for each running tool, then the
 * open model call's model-end, the open turn's turn-end, and last run-end. Undefined once the run
 * has ended. The caller folds each one in before asking for the next.
 */
export function nextClosingEvent(state: RunState, closing: RunClosing): AgentEvent | undefined {
  if (state.ended) return undefined
  const t = Math.max(closing.t, state.lastT)
  const stopped = closing.stopReason === 'aborted'
  for (const record of state.running.values()) {
    const output = stopped ? 'Error: The run was stopped before this tool finished.' : `Error: ${closing.error?.message ?? 'The run ended before this tool finished.'}`
    return { type: 'tool-end', t, callId: record.id, name: record.name, status: stopped ? 'aborted' : 'error', output }
  }
  if (state.modelOpen) {
    return { type: 'model-end', t, turn: state.turn, finish: stopped ? 'aborted' : 'error', ...(closing.openUsage ? { usage: closing.openUsage } : {}) }
  }
  if (state.turnOpen) return { type: 'turn-end', t, turn: state.turn }
  return { type: 'run-end', t, result: resultOf(state, t, closing) }
}

/** The result a run-end carries, from the state. */
export function resultOf(state: RunState, t: number, closing: Omit<RunClosing, 't'>): RunResult {
  return {
    text: state.text,
    turns: state.turn,
    durationMs: t,
    stopReason: closing.stopReason,
    ...(closing.error ? { error: closing.error } : {}),
    toolCalls: state.toolCalls.map((record) => ({ ...record })),
    ...(state.lastTool ? { lastTool: state.lastTool } : {}),
    usage: { ...state.usage },
  }
}

/**
 * Close a run from its events so far: the events to append so that every started tool has ended,
 * the open model call and turn are closed, and `run-end` comes last. Empty for a run that ended.
 */
export function closeRun(events: Iterable<AgentEvent>, closing: RunClosing): AgentEvent[] {
  const state = newRunState()
  for (const event of events) trackEvent(state, event)
  const closingEvents: AgentEvent[] = []
  for (let next = nextClosingEvent(state, closing); next; next = nextClosingEvent(state, closing)) {
    trackEvent(state, next)
    closingEvents.push(next)
  }
  return closingEvents
}

function assertNever(value: never): never {
  throw new TypeError(`Unhandled agent event: ${JSON.stringify(value)}`)
}
