import { parseJsonOrRaw } from './json.ts'
import { addUsage } from './run-state.ts'
import type { PendingCall } from './tool-phase.ts'
import type { AgentEvent, ContentPart, Model, ModelRequest, Usage } from './types.ts'

/** The run a model call reports to: called once or twice per streamed delta, so plain methods, not closures. */
export interface ModelCallHost {
  /** True once the run has closed: stop reading the model. */
  readonly closing: boolean
  /** Milliseconds since the run started. */
  t(): number
  emit(event: AgentEvent): void
}

export interface ModelCallOptions {
  turn: number
  model: Model
  /** Call ids already used in this run: ids must be unique within a run. */
  seenIds: Set<string>
  host: ModelCallHost
}

/**
 * One streamed model call. It turns model events into agent events as they arrive and keeps what
 * the assistant said (thinking blocks, text, tool calls), so the run can put it in the
 * conversation when the call ends, or keep the part said so far when the run is closed first.
 */
export class ModelCall {
  readonly calls: PendingCall[] = []
  finish = 'stop'
  /** Usage the model reported in this call, if any. */
  usage: Usage | undefined
  private readonly reasoning: ContentPart[] = []
  private thinking: string[] = []
  private readonly text: string[] = []

  constructor(private readonly o: ModelCallOptions) {}

  /** Read the model to its end (or until the run closes). Throws what the model throws. */
  async stream(request: ModelRequest, signal: AbortSignal): Promise<void> {
    const { turn, host } = this.o
    for await (const event of this.o.model.stream(request, { signal })) {
      if (host.closing) return
      switch (event.type) {
        case 'text-delta':
          this.text.push(event.text)
          host.emit({ type: 'text-delta', t: host.t(), turn, text: event.text })
          break
        case 'reasoning-delta':
          this.thinking.push(event.text)
          host.emit({ type: 'reasoning-delta', t: host.t(), turn, text: event.text })
          break
        case 'reasoning-end':
          this.closeThinking(event.signature, event.data)
          break
        case 'tool-call':
          this.calls.push({ id: uniqueCallId(event.id, this.o.seenIds, turn, this.calls.length), name: event.name, args: typeof event.args === 'string' ? parseJsonOrRaw(event.args) : event.args })
          break
        case 'usage': {
          const { type: _type, ...usage } = event
          this.usage ??= { inputTokens: 0, outputTokens: 0 }
          addUsage(this.usage, usage)
          break
        }
        case 'finish':
          this.finish = event.reason
          break
        case 'retry':
          host.emit({ type: 'model-retry', t: host.t(), turn, model: event.model, attempt: event.attempt, delayMs: event.delayMs, reason: event.reason })
          break
        case 'fallback':
          host.emit({ type: 'model-fallback', t: host.t(), turn, from: event.from, to: event.to, reason: event.reason })
          break
        default:
          assertNever(event)
      }
    }
  }

  /** The text streamed so far, in pieces (the run's state takes them when the call ends). */
  textPieces(): string[] {
    return this.text
  }

  /**
   * The assistant message's parts: thinking blocks in the order they came, then the text, then
   * (when `withCalls`) the tool calls. Thinking still open counts as a block without a signature.
   */
  parts(withCalls: boolean): ContentPart[] {
    if (this.thinking.length) this.closeThinking(undefined, undefined)
    const parts: ContentPart[] = [...this.reasoning]
    const text = this.text.join('')
    if (text) parts.push({ type: 'text', text })
    if (withCalls) for (const call of this.calls) parts.push({ type: 'tool-call', id: call.id, name: call.name, args: call.args })
    return parts
  }

  private closeThinking(signature: string | undefined, data: string | undefined): void {
    const text = this.thinking.join('')
    this.thinking = []
    if (!text && signature === undefined && data === undefined) return
    this.reasoning.push({
      type: 'reasoning', text, provider: this.o.model.id,
      ...(signature !== undefined ? { signature } : {}), ...(data !== undefined ? { data } : {}),
    })
  }
}

const VALID_ID = /^[a-zA-Z0-9_-]+$/

/**
 * A call id unique within the run. Ids the core makes up (for a call without one, or to tell two
 * calls with the same id apart) fit every provider's rule, `^[a-zA-Z0-9_-]+$`.
 */
function uniqueCallId(id: string, seen: Set<string>, turn: number, index: number): string {
  const base = id || `call_${turn}_${index}`
  let candidate = base
  const stem = VALID_ID.test(base) ? base : `call_${turn}_${index}`
  for (let n = 2; seen.has(candidate); n++) candidate = `${stem}_${n}`
  seen.add(candidate)
  return candidate
}

function assertNever(value: never): never {
  throw new TypeError(`Unhandled model event: ${JSON.stringify(value)}`)
}
