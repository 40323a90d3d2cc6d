import { newRunId } from './clock.ts'
import { AbortedError, describeError } from './errors.ts'
import { EventStream } from './event-stream.ts'
import { executorLabel, executorLimit } from './executor.ts'
import type { Tool } from './tool.ts'
import { ToolPhase, type PendingCall } from './tool-phase.ts'
import type {
  AgentEvent, AgentHooks, Clock, ContentPart, ExecutorSpec, Message, Model, RunResult, StopReason,
  ToolCallRecord, ToolSpec, Usage,
} from './types.ts'

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

/**
 * One run of the agent loop: model turn, tool phase, repeat. A producer pushes events into an
 * EventStream as they happen; `run-end` is always the last event. Abort (or the consumer
 * leaving) closes the run at once from the state it has, so the run never waits for a tool or a
 * model that ignores its signal; the producer notices and stops at its next step.
 */
class Run {
  readonly stream: EventStream
  private readonly controller = new AbortController()
  private readonly origin: number
  private readonly runId = newRunId()
  private readonly specs: ToolSpec[]
  private readonly toolNames: string[]
  private readonly usage: Usage = { inputTokens: 0, outputTokens: 0 }
  private readonly toolCalls: ToolCallRecord[] = []
  private readonly seenIds = new Set<string>()
  private finished = false
  private turns = 0
  private text = ''
  private lastTool: { name: string; args: unknown } | undefined
  // The turn in progress, so an abort can close it properly.
  private phase: 'idle' | 'model' | 'tools' = 'idle'
  private turnPieces: string[] = []
  private toolPhase: ToolPhase | undefined

  constructor(private readonly config: LoopConfig, private readonly conversation: Message[], private readonly signal: AbortSignal | undefined, private readonly onDone: () => void) {
    this.origin = config.now()
    this.specs = [...config.tools.values()].map((tool) => tool.spec)
    this.toolNames = this.specs.map((spec) => spec.name)
    this.stream = new EventStream(() => this.abort(new AbortedError('The consumer stopped reading the run.')))
  }

  private t(): number {
    return this.config.now() - this.origin
  }

  private emit(event: AgentEvent): void {
    if (this.finished) return
    const hook = this.config.hooks?.[event.type] as ((e: AgentEvent) => void) | undefined
    if (hook) {
      try {
        hook(event)
      } catch (error) {
        console.error(`Lanes: the ${event.type} hook threw:`, describeError(error).message)
      }
    }
    this.stream.push(event)
  }

  start(): void {
    this.emit({ type: 'run-start', t: 0, runId: this.runId, model: this.config.model.id, executor: executorLabel(this.config.executor) })
    const onAbort = (): void => this.abort(this.signal?.reason)
    if (this.signal?.aborted) return this.abort(this.signal.reason)
    this.signal?.addEventListener('abort', onAbort, { once: true })
    this.loop().then(
      (reason) => this.close(reason),
      (error: unknown) => this.close(this.controller.signal.aborted ? 'aborted' : 'error', error),
    ).finally(() => this.signal?.removeEventListener('abort', onAbort))
  }

  abort(reason: unknown): void {
    if (this.finished) return
    this.controller.abort(reason ?? new AbortedError())
    this.close('aborted')
  }

  private async loop(): Promise<StopReason> {
    const limit = executorLimit(this.config.executor)
    for (let turn = 1; ; turn++) {
      if (this.finished) return 'aborted'
      if (turn > this.config.maxTurns) return 'max-turns'
      this.turns = turn
      this.emit({ type: 'turn-start', t: this.t(), turn })
      const calls = await this.modelTurn(turn)
      if (this.finished) return 'aborted'
      if (calls.length === 0) {
        this.endTurn(turn)
        return 'done'
      }
      if (this.config.routingOnly) {
        const chosen = calls[0]!
        this.lastTool = { name: chosen.name, args: chosen.args }
        const at = this.t()
        for (const call of calls) this.toolCalls.push({ id: call.id, name: call.name, args: call.args, status: 'routed', startT: at, endT: at })
        this.endTurn(turn)
        return 'routed'
      }
      this.phase = 'tools'
      this.toolPhase = new ToolPhase({
        turn, runId: this.runId, calls, tools: this.config.tools, toolNames: this.toolNames, limit,
        toolTimeoutMs: this.config.toolTimeoutMs, maxToolOutputChars: this.config.maxToolOutputChars,
        t: () => this.t(), emit: (event) => this.emit(event),
      })
      const { results, records } = await this.toolPhase.run()
      if (this.finished) return 'aborted'
      this.toolPhase = undefined
      for (const record of records) this.toolCalls.push(record)
      const last = calls[calls.length - 1]!
      this.lastTool = { name: last.name, args: last.args }
      this.conversation.push({ role: 'tool', content: results })
      this.endTurn(turn)
    }
  }

  /** Stream one model call; returns its tool calls (the assistant message is appended). */
  private async modelTurn(turn: number): Promise<PendingCall[]> {
    this.phase = 'model'
    this.turnPieces = []
    this.emit({ type: 'model-start', t: this.t(), turn })
    const calls: PendingCall[] = []
    let finish = 'stop'
    let turnUsage: Usage | undefined
    const request = { ...(this.config.system !== undefined ? { system: this.config.system } : {}), messages: [...this.conversation], tools: this.specs }
    for await (const event of this.config.model.stream(request, { signal: this.controller.signal })) {
      if (this.finished) return calls
      switch (event.type) {
        case 'text-delta':
          this.turnPieces.push(event.text)
          this.emit({ type: 'text-delta', t: this.t(), turn, text: event.text })
          break
        case 'tool-call':
          calls.push({ id: uniqueId(event.id, this.seenIds, turn, calls.length), name: event.name, args: parseArgs(event.args) })
          break
        case 'usage':
          turnUsage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens }
          this.usage.inputTokens += event.inputTokens
          this.usage.outputTokens += event.outputTokens
          break
        case 'finish':
          finish = event.reason
          break
        case 'retry':
          this.emit({ type: 'model-retry', t: this.t(), turn, model: event.model, attempt: event.attempt, delayMs: event.delayMs, reason: event.reason })
          break
        case 'fallback':
          this.emit({ type: 'model-fallback', t: this.t(), turn, from: event.from, to: event.to, reason: event.reason })
          break
        default:
          assertNever(event)
      }
    }
    if (this.finished) return calls
    const turnText = this.takeTurnText()
    this.phase = 'idle'
    this.emit({ type: 'model-end', t: this.t(), turn, finish, ...(turnUsage ? { usage: turnUsage } : {}) })
    const assistant: ContentPart[] = turnText ? [{ type: 'text', text: turnText }] : []
    for (const call of calls) assistant.push({ type: 'tool-call', id: call.id, name: call.name, args: call.args })
    if (assistant.length) this.conversation.push({ role: 'assistant', content: assistant })
    return calls
  }

  private takeTurnText(): string {
    const turnText = this.turnPieces.join('')
    this.turnPieces = []
    if (turnText) this.text = turnText
    return turnText
  }

  private endTurn(turn: number): void {
    this.phase = 'idle'
    this.emit({ type: 'turn-end', t: this.t(), turn })
  }

  /** Close the run from the state it has: finish the open turn, then run-end. Idempotent. */
  private close(stopReason: StopReason, failure?: unknown): void {
    if (this.finished) return
    const turn = this.turns
    if (this.phase === 'model') {
      const turnText = this.takeTurnText()
      this.emit({ type: 'model-end', t: this.t(), turn, finish: stopReason === 'aborted' ? 'aborted' : 'error' })
      if (turnText) this.conversation.push({ role: 'assistant', content: [{ type: 'text', text: turnText }] })
      this.endTurn(turn)
    } else if (this.phase === 'tools' && this.toolPhase) {
      const { results, records } = this.toolPhase.abort()
      for (const record of records) this.toolCalls.push(record)
      this.conversation.push({ role: 'tool', content: results })
      this.endTurn(turn)
    }
    if (!this.controller.signal.aborted) this.controller.abort(new AbortedError('The run ended.'))
    const result: RunResult = {
      text: this.text, turns: this.turns, durationMs: this.t(), stopReason, toolCalls: this.toolCalls, usage: { ...this.usage },
      ...(stopReason === 'error' ? { error: describeError(failure) } : {}),
      ...(this.lastTool ? { lastTool: this.lastTool } : {}),
    }
    this.emit({ type: 'run-end', t: result.durationMs, result })
    this.finished = true
    this.stream.close(result)
    this.onDone()
  }
}

/** Start a run; consume the returned stream for its events. */
export function startRun(config: LoopConfig, conversation: Message[], signal: AbortSignal | undefined, onDone: () => void): EventStream {
  const run = new Run(config, conversation, signal, onDone)
  run.start()
  return run.stream
}

/** Adapters pass unparsed argument strings through; parse them once here when they are JSON. */
function parseArgs(args: unknown): unknown {
  if (typeof args !== 'string') return args
  if (args.trim() === '') return {}
  try {
    return JSON.parse(args) as unknown
  } catch {
    return args // left as text: the tool phase reports the parse error to the model
  }
}

/** Call ids must be unique within a run: the timeline and the Gantt key on them. */
function uniqueId(id: string, seen: Set<string>, turn: number, index: number): string {
  const base = id || `call_${turn}_${index}`
  let candidate = base
  for (let n = 2; seen.has(candidate); n++) candidate = `${base}#${n}`
  seen.add(candidate)
  return candidate
}

function assertNever(value: never): never {
  throw new TypeError(`Unhandled model event: ${JSON.stringify(value)}`)
}
