import { newRunId } from './clock.ts'
import { AbortedError, describeError } from './errors.ts'
import { EventStream } from './event-stream.ts'
import { executorLabel, executorLimit } from './executor.ts'
import { HookRunner } from './hook-runner.ts'
import { ModelCall } from './model-call.ts'
import { newRunState, nextClosingEvent, trackEvent } from './run-state.ts'
import type { Tool } from './tool.ts'
import { notRunResults, ToolPhase, type PendingCall } from './tool-phase.ts'
import type { AgentEvent, AgentHooks, Clock, ContentPart, ExecutorSpec, Message, Model, RunResult, StopReason, ToolSpec } from './types.ts'

export interface LoopConfig {
  model: Model
  tools: ReadonlyMap<string, Tool>
  system: string | undefined
  executor: ExecutorSpec
  maxTurns: number
  routingOnly: boolean
  toolTimeoutMs: number | undefined
  maxToolOutputChars: number
  hooks: AgentHooks | undefined
  now: Clock
}

const ROUTED = 'Not run: routing-only mode reports the chosen tool without running it.'

/**
 * One run of the agent loop: model turn, tool phase, repeat. Events go into the log as they
 * happen, then their hooks run (a hook may abort the run). Abort, from the caller's signal, a hook
 * or a consumer that leaves, closes the run at once from the state it has: the log gets the
 * closing events (core's `nextClosingEvent`), `run-end` last, and the conversation gets a result
 * for every tool call the assistant made, so the next request is well formed. The run never waits
 * for a tool or a model that ignores its signal; the producer notices and stops at its next step.
 */
class Run {
  readonly stream: EventStream
  private readonly controller = new AbortController()
  private readonly origin: number
  private readonly runId = newRunId()
  private readonly specs: ToolSpec[]
  private readonly toolNames: string[]
  private readonly seenIds = new Set<string>()
  private readonly state = newRunState()
  private readonly hooks: HookRunner | undefined
  /** Set as closing begins; read by the model call at each event. */
  closing = false
  private finished = false
  private result: RunResult | undefined
  // The turn in progress, so closing can leave the conversation well formed.
  private modelCall: ModelCall | undefined
  /** Tool calls the assistant made that have no results in the conversation yet. */
  private unanswered: readonly PendingCall[] = []
  private toolPhase: ToolPhase | undefined
  private readonly onAbort = (): void => this.abort(this.signal?.reason)

  constructor(private readonly config: LoopConfig, private readonly conversation: Message[], private readonly signal: AbortSignal | undefined, private readonly onDone: () => void) {
    this.origin = config.now()
    this.specs = [...config.tools.values()].map((tool) => tool.spec)
    this.toolNames = this.specs.map((spec) => spec.name)
    this.hooks = config.hooks ? new HookRunner(config.hooks) : undefined
    this.stream = new EventStream(() => this.abort(new AbortedError('The consumer stopped reading the run.')))
  }

  t(): number {
    return this.config.now() - this.origin
  }

  /** Into the log first, then the hook: a hook that aborts cannot put its event after run-end. */
  emit(event: AgentEvent): void {
    if (this.finished) return
    // The log's times never go backwards, whatever the injected clock does.
    if (event.t < this.state.lastT) event.t = this.state.lastT
    // The hot path: a text delta only moves the clock here; its text is kept once, by the model
    // call, and handed to the state when the call ends or the run closes.
    if (event.type === 'text-delta') this.state.lastT = event.t
    else trackEvent(this.state, event)
    if (event.type === 'run-end') {
      this.finished = true
      this.result = event.result
    }
    this.stream.push(event)
    this.hooks?.after(event)
  }

  start(): void {
    this.emit({ type: 'run-start', t: 0, runId: this.runId, model: this.config.model.id, executor: executorLabel(this.config.executor) })
    if (this.finished) return // a run-start hook aborted
    if (this.signal?.aborted) return this.abort(this.signal.reason)
    this.signal?.addEventListener('abort', this.onAbort, { once: true })
    this.loop().then(
      (reason) => this.close(reason),
      (error: unknown) => this.close(this.controller.signal.aborted ? 'aborted' : 'error', error),
    )
  }

  abort(reason: unknown): void {
    if (this.closing) return
    this.controller.abort(reason ?? new AbortedError())
    this.close('aborted')
  }

  private async loop(): Promise<StopReason> {
    const limit = executorLimit(this.config.executor)
    for (let turn = 1; ; turn++) {
      if (this.closing) return 'aborted'
      if (turn > this.config.maxTurns) return 'max-turns'
      this.emit({ type: 'turn-start', t: this.t(), turn })
      const calls = await this.modelTurn(turn)
      if (this.closing) return 'aborted'
      if (calls.length === 0) {
        this.emit({ type: 'turn-end', t: this.t(), turn })
        return 'done'
      }
      if (this.config.routingOnly) return this.route(turn, calls)
      this.toolPhase = new ToolPhase({
        turn, runId: this.runId, calls, tools: this.config.tools, toolNames: this.toolNames, limit,
        toolTimeoutMs: this.config.toolTimeoutMs, maxToolOutputChars: this.config.maxToolOutputChars,
        t: () => this.t(), emit: (event) => this.emit(event),
      })
      const { results } = await this.toolPhase.run()
      if (this.closing) return 'aborted'
      this.answer(results)
      this.emit({ type: 'turn-end', t: this.t(), turn })
    }
  }

  /** Stream one model call; its assistant message goes into the conversation before model-end. */
  private async modelTurn(turn: number): Promise<PendingCall[]> {
    const call = new ModelCall({ turn, model: this.config.model, seenIds: this.seenIds, host: this })
    this.modelCall = call
    this.emit({ type: 'model-start', t: this.t(), turn })
    const request = { ...(this.config.system !== undefined ? { system: this.config.system } : {}), messages: [...this.conversation], tools: this.specs }
    await call.stream(request, this.controller.signal)
    if (this.closing) return []
    this.modelCall = undefined
    this.say(call.parts(true), call.calls)
    this.state.turnText = call.textPieces()
    this.emit({ type: 'model-end', t: this.t(), turn, finish: call.finish, ...(call.usage ? { usage: call.usage } : {}) })
    return call.calls
  }

  /** Routing-only: report the chosen tool, run nothing, and say so in the conversation. */
  private route(turn: number, calls: readonly PendingCall[]): StopReason {
    const at = this.t()
    for (const call of calls) this.state.toolCalls.push({ id: call.id, name: call.name, args: call.args, status: 'routed', startT: at, endT: at })
    this.state.lastTool = { name: calls[0]!.name, args: calls[0]!.args }
    this.answer(calls.map((call) => ({ type: 'tool-result', callId: call.id, name: call.name, output: ROUTED, isError: false })))
    this.emit({ type: 'turn-end', t: this.t(), turn })
    return 'routed'
  }

  private say(parts: ContentPart[], calls: readonly PendingCall[]): void {
    if (parts.length) this.conversation.push({ role: 'assistant', content: parts })
    this.unanswered = calls
  }

  private answer(results: ContentPart[]): void {
    this.conversation.push({ role: 'tool', content: results })
    this.unanswered = []
    this.toolPhase = undefined
  }

  /**
   * Close the run from the state it has: keep what the open model call said, answer every tool
   * call of the assistant (results of those that ran, "stopped" for the rest), end the open work
   * in the log, then run-end. Idempotent, and safe to reach from a hook.
   */
  private close(stopReason: StopReason, failure?: unknown): void {
    if (this.closing) return
    this.closing = true
    this.signal?.removeEventListener('abort', this.onAbort)
    if (!this.controller.signal.aborted) this.controller.abort(new AbortedError('The run ended.'))
    const open = this.modelCall
    if (open) {
      this.modelCall = undefined
      this.say(open.parts(false), [])
      this.state.turnText = open.textPieces()
    }
    if (this.toolPhase) this.answer(this.toolPhase.abort().results) // ends its running tools in the log
    else if (this.unanswered.length) this.answer(notRunResults(this.unanswered))
    const closing = {
      t: this.t(), stopReason,
      ...(stopReason === 'error' ? { error: describeError(failure) } : {}),
      ...(open?.usage ? { openUsage: open.usage } : {}),
    }
    for (let next = nextClosingEvent(this.state, closing); next && !this.finished; next = nextClosingEvent(this.state, closing)) {
      this.emit(next)
    }
    this.stream.close(this.result!)
    this.onDone()
  }
}

/** Start a run; consume the returned stream for its events. */
export function startRun(config: LoopConfig, conversation: Message[], signal: AbortSignal | undefined, onDone: () => void): EventStream {
  const run = new Run(config, conversation, signal, onDone)
  run.start()
  return run.stream
}
