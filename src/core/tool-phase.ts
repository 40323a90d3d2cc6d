import { AbortedError, ToolTimeoutError } from './errors.ts'
import { AsyncQueue } from './queue.ts'
import type { Tool } from './tool.ts'
import { errorOutput, runToolCall, type ToolSignal } from './tool-runner.ts'
import { truncateForModel } from './messages.ts'
import type { AgentEvent, ContentPart, ToolCallRecord, ToolStatus } from './types.ts'

export interface PendingCall {
  id: string
  name: string
  args: unknown
}

export interface ToolPhaseOptions {
  turn: number
  runId: string
  calls: readonly PendingCall[]
  tools: ReadonlyMap<string, Tool>
  toolNames: readonly string[]
  limit: number
  toolTimeoutMs: number | undefined
  maxToolOutputChars: number
  runSignal: AbortSignal
  /** Milliseconds since the run started. */
  t: () => number
  /** Lets the run's abort listener wake this phase's queue. */
  onQueue: (queue: AsyncQueue<PhaseSignal>) => void
}

export type PhaseSignal = ToolSignal | { kind: 'abort' }

interface CallState {
  call: PendingCall
  controller: AbortController
  timer: ReturnType<typeof setTimeout> | undefined
  startT: number
  endT: number
  status: ToolStatus | undefined
  output: string
}

export interface ToolPhaseResult {
  /** One tool-result part per call, in the model's call order. */
  results: ContentPart[]
  records: ToolCallRecord[]
}

/**
 * Run the tool calls of one model turn under a concurrency limit (Infinity for concurrent, 1 for
 * sequential) and yield their events as they happen. Calls start in the model's order; each one
 * gets exactly one tool-end. Every signal is O(1) work, so thousands of calls cost linear time.
 */
export async function* runToolPhase(options: ToolPhaseOptions): AsyncGenerator<AgentEvent, ToolPhaseResult> {
  const { calls, limit, t, turn } = options
  const queue = new AsyncQueue<PhaseSignal>()
  options.onQueue(queue)
  const push = (signal: PhaseSignal): void => queue.push(signal)
  const states: CallState[] = []
  let running = 0
  let finished = 0

  const start = (): AgentEvent => {
    const index = states.length
    const call = calls[index]!
    const state: CallState = { call, controller: new AbortController(), timer: undefined, startT: t(), endT: 0, status: undefined, output: '' }
    states.push(state)
    running++
    const tool = options.tools.get(call.name)
    const timeoutMs = tool?.timeoutMs ?? options.toolTimeoutMs
    if (timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      state.timer = setTimeout(() => {
        const error = new ToolTimeoutError(call.name, timeoutMs)
        push({ kind: 'tool-done', index, status: 'timeout', output: errorOutput(error) })
        state.controller.abort(error)
      }, timeoutMs)
    }
    const event: AgentEvent = { type: 'tool-start', t: state.startT, turn, callId: call.id, name: call.name, args: call.args }
    runToolCall({
      index,
      name: call.name,
      args: call.args,
      tool,
      availableNames: options.toolNames,
      ctx: { signal: state.controller.signal, callId: call.id, runId: options.runId },
      push,
    })
    return event
  }

  const end = (state: CallState, status: ToolStatus, output: string): AgentEvent => {
    if (state.timer !== undefined) clearTimeout(state.timer)
    state.status = status
    state.output = output
    state.endT = t()
    running--
    finished++
    return { type: 'tool-end', t: state.endT, callId: state.call.id, name: state.call.name, status, output }
  }

  while (states.length < calls.length && running < limit) yield start()
  while (finished < states.length) {
    if (options.runSignal.aborted) {
      // Do not wait for tools that ignore their signal: end every running call now.
      const reason = errorOutput(new AbortedError('The run was stopped before this tool finished.'))
      for (const state of states) {
        if (state.status !== undefined) continue
        state.controller.abort(new AbortedError())
        yield end(state, 'aborted', reason)
      }
      break
    }
    const signal = await queue.shift()
    if (signal.kind === 'abort') continue
    const state = states[signal.index]!
    if (state.status !== undefined) continue // a late report from a call already ended (timeout)
    if (signal.kind === 'tool-progress') {
      yield { type: 'tool-progress', t: t(), callId: state.call.id, progress: signal.progress }
      continue
    }
    yield end(state, signal.status, signal.output)
    while (states.length < calls.length && running < limit && !options.runSignal.aborted) yield start()
  }

  const notRun = errorOutput(new AbortedError('Not run: the run was stopped first.'))
  const results: ContentPart[] = calls.map((call, index) => {
    const state = states[index]
    const output = state?.status !== undefined ? state.output : notRun
    return {
      type: 'tool-result',
      callId: call.id,
      name: call.name,
      output: truncateForModel(output, options.maxToolOutputChars),
      isError: state?.status !== 'ok',
    }
  })
  const records: ToolCallRecord[] = states.map((state) => ({
    id: state.call.id,
    name: state.call.name,
    args: state.call.args,
    status: state.status ?? 'aborted',
    startT: state.startT,
    endT: state.endT,
  }))
  return { results, records }
}
