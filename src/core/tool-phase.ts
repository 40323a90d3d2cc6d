import { AbortedError, ToolTimeoutError } from './errors.ts'
import { AsyncQueue } from './queue.ts'
import type { Tool } from './tool.ts'
import { errorOutput, runToolCall, type ToolSignal } from './tool-runner.ts'
import { truncateForModel } from './messages.ts'
import type { AgentEvent, ContentPart, ToolStatus } from './types.ts'

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
  /** Milliseconds since the run started. */
  t: () => number
  emit: (event: AgentEvent) => void
}

type PhaseSignal = ToolSignal | { kind: 'wake' }

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
}

/**
 * The tool calls of one model turn, run under a concurrency limit (Infinity for concurrent, 1 for
 * sequential). Calls start in the model's order; each started call gets exactly one tool-end.
 * Every signal is O(1) work, so thousands of calls cost linear time. `abort()` ends the running
 * calls at once, without waiting for tools that ignore their signal.
 */
export class ToolPhase {
  private readonly queue = new AsyncQueue<PhaseSignal>()
  private readonly states: CallState[] = []
  private running = 0
  private finished = 0
  private stopped = false

  constructor(private readonly o: ToolPhaseOptions) {}

  /** Run every call; resolves when all have ended (or the phase was aborted). */
  async run(): Promise<ToolPhaseResult> {
    const { calls, limit } = this.o
    while (!this.stopped && this.states.length < calls.length && this.running < limit) this.start()
    while (this.finished < this.states.length && !this.stopped) {
      const signal = await this.queue.shift()
      if (this.stopped || signal.kind === 'wake') continue
      const state = this.states[signal.index]!
      if (state.status !== undefined) continue // a late report from a call already ended (timeout)
      if (signal.kind === 'tool-progress') {
        this.o.emit({ type: 'tool-progress', t: this.o.t(), callId: state.call.id, progress: signal.progress })
        continue
      }
      this.end(state, signal.status, signal.output)
      while (!this.stopped && this.states.length < calls.length && this.running < limit) this.start()
    }
    return this.result()
  }

  /** End every running call as aborted, now, and stop starting new ones. */
  abort(): ToolPhaseResult {
    if (!this.stopped) {
      this.stopped = true
      const reason = errorOutput(new AbortedError('The run was stopped before this tool finished.'))
      for (const state of this.states) {
        if (state.status !== undefined) continue
        state.controller.abort(new AbortedError())
        this.end(state, 'aborted', reason)
      }
      this.queue.push({ kind: 'wake' })
    }
    return this.result()
  }

  private start(): void {
    const index = this.states.length
    const call = this.o.calls[index]!
    const state: CallState = { call, controller: new AbortController(), timer: undefined, startT: this.o.t(), endT: 0, status: undefined, output: '' }
    this.states.push(state)
    this.running++
    this.o.emit({ type: 'tool-start', t: state.startT, turn: this.o.turn, callId: call.id, name: call.name, args: call.args })
    // The tool-start hook may have stopped the run: the call has ended already, and never runs.
    if (this.stopped) return
    const tool = this.o.tools.get(call.name)
    const timeoutMs = tool?.timeoutMs ?? this.o.toolTimeoutMs
    if (timeoutMs !== undefined && timeoutMs > 0 && Number.isFinite(timeoutMs)) {
      state.timer = setTimeout(() => {
        const error = new ToolTimeoutError(call.name, timeoutMs)
        this.queue.push({ kind: 'tool-done', index, status: 'timeout', output: errorOutput(error) })
        state.controller.abort(error)
      }, timeoutMs)
    }
    runToolCall({
      index,
      name: call.name,
      args: call.args,
      tool,
      availableNames: this.o.toolNames,
      ctx: { signal: state.controller.signal, callId: call.id, runId: this.o.runId },
      push: (signal) => this.queue.push(signal),
    })
  }

  private end(state: CallState, status: ToolStatus, output: string): void {
    if (state.timer !== undefined) clearTimeout(state.timer)
    state.status = status
    state.output = output
    state.endT = this.o.t()
    this.running--
    this.finished++
    this.o.emit({ type: 'tool-end', t: state.endT, callId: state.call.id, name: state.call.name, status, output })
  }

  private result(): ToolPhaseResult {
    const results: ContentPart[] = this.o.calls.map((call, index) => {
      const state = this.states[index]
      if (state?.status === undefined) return notRunResult(call)
      return { type: 'tool-result', callId: call.id, name: call.name, output: truncateForModel(state.output, this.o.maxToolOutputChars), isError: state.status !== 'ok' }
    })
    return { results }
  }
}

/** The result of a call that never started because the run was stopped first. */
function notRunResult(call: PendingCall): ContentPart {
  return { type: 'tool-result', callId: call.id, name: call.name, output: errorOutput(new AbortedError('Not run: the run was stopped before this tool started.')), isError: true }
}

/** Results for calls that never started: the conversation must answer every call it holds. */
export function notRunResults(calls: readonly PendingCall[]): ContentPart[] {
  return calls.map(notRunResult)
}
