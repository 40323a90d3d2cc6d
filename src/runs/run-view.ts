// The live view of one run: an incremental fold over its events. The UI applies each event as it
// streams, so apply() does O(1) work: text deltas are pushed onto arrays and joined only when
// read, and joined text is cached so reading it every frame stays cheap.
import { addUsage, type AgentEvent, type StopReason, type ToolProgress, type ToolStatus, type Usage } from '../core/index.ts'
import type { DeltaRun } from './packed-events.ts'
import type { RunRecord } from './types.ts'
import { TokenRate } from './token-rate.ts'
import { LiveUsageCounter, type LiveUsage } from './live-usage.ts'

/** Consecutive text deltas of one turn: the first, how many, the latest time, their texts joined. */
export type TextRun = Pick<DeltaRun, 'first' | 'count' | 'lastT' | 'text'>

/** One model turn as the transcript shows it. */
export interface TurnView {
  turn: number
  /** The turn's streamed text (joined lazily). */
  readonly text: string
  /** The model's thinking in this turn, as streamed (joined lazily); '' when it showed none. */
  readonly reasoning: string
  startMs: number
  modelStartMs?: number
  modelEndMs?: number
  /** Time to first token of this model call, from its model-start. */
  ttftMs?: number
  /** Time to first thought of this model call, from its model-start. */
  firstThoughtMs?: number
  /** From the model-start to the latest thought: how long the model has been thinking. */
  thinkingMs?: number
  finish?: string
  usage?: Usage
  toolCallIds: string[]
  /** Retries and fallback switches of the model call, in order. */
  notices: TurnNotice[]
}

/** A retry of a failed model call (after `delayMs` of backoff), or a switch to the fallback. */
export type TurnNotice =
  | { kind: 'retry'; attempt: number; model: string; delayMs: number; reason: string }
  | { kind: 'fallback'; from: string; to: string; reason: string }

/** A tool call's card: what the timeline and the transcript show for it. */
export interface ToolCard {
  callId: string
  name: string
  turn: number
  args: unknown
  progress: { t: number; progress: ToolProgress }[]
  /** The last progress fraction (0–1) reported, if any. */
  fraction?: number
  status: 'running' | ToolStatus | 'routed'
  startMs: number
  endMs?: number
  durationMs?: number
  output?: string
}

/** 'interrupted': the record says the run was cut off (a reload mid-run) before its run-end. */
export type RunViewStatus = 'running' | 'done' | 'aborted' | 'error' | 'interrupted'

/** The folded state of a run; read its fields after any apply(). */
export interface RunView {
  readonly turns: readonly TurnView[]
  readonly tools: ReadonlyMap<string, ToolCard>
  /** Call ids in start order. */
  readonly toolOrder: readonly string[]
  readonly usage: Usage
  /** Usage that moves while a call streams: an estimate for the open call until it reports. */
  readonly liveUsage: LiveUsage
  readonly status: RunViewStatus
  readonly stopReason?: StopReason
  readonly error?: { name: string; message: string }
  readonly runId?: string
  readonly model?: string
  readonly executor?: string
  /** First text token since run start. */
  readonly ttftMs?: number
  /** First thought since run start. */
  readonly firstThoughtMs?: number
  /** Output tokens (or text deltas) per second of streaming, live. */
  readonly tokensPerSecond: number | undefined
  /** Time of the last event seen. */
  readonly lastT: number
  /** Bumped by every apply(): a cheap change signal for renderers. */
  readonly version: number
  /** The text of the latest turn that produced text (the answer so far). */
  readonly answer: string
  apply(event: AgentEvent): void
  /**
   * Apply consecutive text deltas of one turn at once (a run read from a packed batch): the same
   * result as applying each, with one append instead of one per token.
   */
  applyText(run: TextRun): void
}

class Turn implements TurnView {
  private pieces: string[] = []
  private joined = ''
  private thoughts: string[] = []
  private thoughtsJoined = ''
  startMs: number
  modelStartMs?: number
  modelEndMs?: number
  ttftMs?: number
  firstThoughtMs?: number
  thinkingMs?: number
  finish?: string
  usage?: Usage
  toolCallIds: string[] = []
  notices: TurnNotice[] = []
  hasText = false

  constructor(readonly turn: number, t: number) {
    this.startMs = t
  }

  push(text: string): void {
    this.pieces.push(text)
    this.hasText = true
  }

  get text(): string {
    if (this.pieces.length) {
      // String concatenation makes a rope in V8, so this costs the new pieces, not the whole text.
      this.joined += this.pieces.join('')
      this.pieces = []
    }
    return this.joined
  }

  think(t: number, text: string): void {
    const start = this.modelStartMs ?? this.startMs
    if (this.firstThoughtMs === undefined) this.firstThoughtMs = t - start
    this.thinkingMs = t - start
    this.thoughts.push(text)
  }

  get reasoning(): string {
    if (this.thoughts.length) {
      this.thoughtsJoined += this.thoughts.join('')
      this.thoughts = []
    }
    return this.thoughtsJoined
  }
}

class View implements RunView {
  turns: Turn[] = []
  tools = new Map<string, ToolCard>()
  toolOrder: string[] = []
  usage: Usage = { inputTokens: 0, outputTokens: 0 }
  status: RunViewStatus = 'running'
  stopReason?: StopReason
  error?: { name: string; message: string }
  runId?: string
  model?: string
  executor?: string
  ttftMs?: number
  firstThoughtMs?: number
  lastT = 0
  version = 0
  private readonly byNumber = new Map<number, Turn>()
  private lastTextTurn: Turn | undefined
  private readonly rate = new TokenRate()
  private readonly counter: LiveUsageCounter

  constructor(promptChars: number) {
    this.counter = new LiveUsageCounter(promptChars)
  }

  get liveUsage(): LiveUsage {
    return this.counter.current(this.usage)
  }

  get answer(): string {
    return this.lastTextTurn?.text ?? ''
  }

  get tokensPerSecond(): number | undefined {
    return this.rate.perSecond(this.lastT)
  }

  private turnOf(n: number, t: number): Turn {
    let turn = this.byNumber.get(n)
    if (!turn) {
      turn = new Turn(n, t)
      this.byNumber.set(n, turn)
      this.turns.push(turn)
    }
    return turn
  }

  applyText({ first, count, lastT, text }: TextRun): void {
    if (count < 1) return
    this.version += count
    if (lastT > this.lastT) this.lastT = lastT
    const turn = this.turnOf(first.turn, first.t)
    if (turn.ttftMs === undefined) turn.ttftMs = first.t - (turn.modelStartMs ?? turn.startMs)
    if (this.ttftMs === undefined) this.ttftMs = first.t
    turn.push(text)
    this.lastTextTurn = turn
    this.rate.delta(first.t, count)
    this.counter.streamed(text.length, count)
  }

  apply(event: AgentEvent): void {
    if (event.type === 'text-delta') {
      this.applyText({ first: event, count: 1, lastT: event.t, text: event.text })
      return
    }
    this.version++
    if (event.t > this.lastT) this.lastT = event.t
    switch (event.type) {
      case 'run-start':
        this.runId = event.runId
        this.model = event.model
        this.executor = event.executor
        break
      case 'turn-start':
        this.turnOf(event.turn, event.t)
        break
      case 'model-start':
        this.turnOf(event.turn, event.t).modelStartMs = event.t
        this.rate.modelStart()
        this.counter.modelStart()
        break
      case 'reasoning-delta':
        this.turnOf(event.turn, event.t).think(event.t, event.text)
        if (this.firstThoughtMs === undefined) this.firstThoughtMs = event.t
        this.rate.thinking(event.t)
        this.counter.streamed(event.text.length, 1)
        break
      case 'model-retry':
        this.turnOf(event.turn, event.t).notices.push({ kind: 'retry', attempt: event.attempt, model: event.model, delayMs: event.delayMs, reason: event.reason })
        break
      case 'model-fallback':
        this.turnOf(event.turn, event.t).notices.push({ kind: 'fallback', from: event.from, to: event.to, reason: event.reason })
        break
      case 'model-end': {
        const turn = this.turnOf(event.turn, event.t)
        turn.modelEndMs = event.t
        turn.finish = event.finish
        if (event.usage) {
          turn.usage = event.usage
          const total = { ...this.usage }
          addUsage(total, event.usage)
          this.usage = total
        }
        this.rate.modelEnd(event.t, event.usage?.outputTokens, event.usage?.reasoningTokens)
        this.counter.modelEnd(event.usage)
        break
      }
      case 'tool-start': {
        const existing = this.tools.get(event.callId)
        if (existing) break
        this.tools.set(event.callId, { callId: event.callId, name: event.name, turn: event.turn, args: event.args, progress: [], status: 'running', startMs: event.t })
        this.toolOrder.push(event.callId)
        this.turnOf(event.turn, event.t).toolCallIds.push(event.callId)
        this.counter.added(event.name.length + argsLength(event.args))
        break
      }
      case 'tool-progress': {
        const card = this.tools.get(event.callId)
        if (!card) break
        card.progress.push({ t: event.t, progress: event.progress })
        if (typeof event.progress === 'object' && typeof event.progress.fraction === 'number') card.fraction = event.progress.fraction
        break
      }
      case 'tool-end': {
        const card = this.tools.get(event.callId)
        if (!card) break
        card.status = event.status
        card.endMs = event.t
        card.durationMs = event.t - card.startMs
        card.output = event.output
        this.counter.added(event.output.length)
        break
      }
      case 'turn-end':
        break
      case 'run-end': {
        const { result } = event
        this.stopReason = result.stopReason
        this.status = result.stopReason === 'aborted' ? 'aborted' : result.stopReason === 'error' ? 'error' : 'done'
        if (result.error) this.error = result.error
        this.usage = result.usage
        // Routing-only calls never start, so they appear only in the result.
        for (const call of result.toolCalls) {
          if (this.tools.has(call.id)) continue
          this.tools.set(call.id, { callId: call.id, name: call.name, turn: this.turns.at(-1)?.turn ?? 1, args: call.args, progress: [], status: call.status === 'routed' ? 'routed' : 'running', startMs: call.startT, endMs: call.endT, durationMs: call.endT - call.startT })
          this.toolOrder.push(call.id)
        }
        break
      }
      default: {
        // Exhaustive at compile time; an event from a newer build is ignored, not fatal, live.
        const unknownEvent: never = event
        void unknownEvent
      }
    }
  }
}

/** A tool call's arguments as sent back to the model: their JSON's length. */
function argsLength(args: unknown): number {
  try {
    return JSON.stringify(args)?.length ?? 0
  } catch {
    return 0
  }
}

/**
 * An empty view to fold a streaming run into, one apply() per event. `promptChars` (the prompt,
 * system prompt and history it is sent with) seeds the input estimate of its first model call.
 */
export function createRunView(promptChars = 0): RunView {
  return new View(promptChars)
}

/** The view of a whole record (every event folded). */
export function viewOf(record: Pick<RunRecord, 'events'> & { status?: RunRecord['status'] }): RunView {
  const view = new View(0)
  for (const event of record.events) view.apply(event)
  if (record.status === 'interrupted' && view.status === 'running') view.status = 'interrupted'
  return view
}
