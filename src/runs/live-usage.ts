// Token counts that move while a model call streams. Providers report usage when a call ends
// (OpenAI) or only its input at the start (Anthropic, which the adapters fold into the end), so
// the live figures of an open call are estimates from the text itself, about four characters a
// token, replaced by the provider's count as soon as the call ends. O(1) per event.
import type { Usage } from '../core/index.ts'

const CHARS_PER_TOKEN = 4

/** Tokens in and out so far; `estimated` while an open call's share is a guess. */
export interface LiveUsage {
  inputTokens: number
  outputTokens: number
  estimated: boolean
}

const tokensOf = (chars: number): number => Math.ceil(chars / CHARS_PER_TOKEN)

export class LiveUsageCounter {
  /** Characters of everything the next model call is sent: prompt, answers, tool calls and results. */
  private contextChars: number
  /** The last reported input count and the context size it was reported for. */
  private anchor: { tokens: number; chars: number } | undefined
  private open: { inputTokens: number; chars: number; deltas: number } | undefined
  /** Estimates of calls that ended without a count (stopped, failed, or a server that sends none). */
  private unreported = { inputTokens: 0, outputTokens: 0 }

  constructor(promptChars = 0) {
    this.contextChars = promptChars
  }

  modelStart(): void {
    // Known input grows by what was added since the last reported count; with none yet, the
    // whole context by its length.
    const inputTokens = this.anchor ? this.anchor.tokens + tokensOf(Math.max(0, this.contextChars - this.anchor.chars)) : tokensOf(this.contextChars)
    this.open = { inputTokens, chars: 0, deltas: 0 }
  }

  /** Streamed text or thinking: it counts as output now and as input of the next call. */
  streamed(chars: number, deltas: number): void {
    this.contextChars += chars
    if (this.open) {
      this.open.chars += chars
      this.open.deltas += deltas
    }
  }

  /** A tool call's arguments or its result, sent back with the next call. */
  added(chars: number): void {
    this.contextChars += chars
  }

  modelEnd(usage: Usage | undefined): void {
    if (usage && usage.inputTokens > 0) this.anchor = { tokens: usage.inputTokens + usage.outputTokens, chars: this.contextChars }
    else if (!usage && this.open && this.open.deltas > 0) {
      // Stopped mid-stream, or never counted: what was sent and streamed stays, as an estimate.
      // A call that failed before its first token is not counted: providers don't bill those.
      this.unreported.inputTokens += this.open.inputTokens
      this.unreported.outputTokens += this.outputOf(this.open)
    }
    this.open = undefined
  }

  /** A delta is about a token for the live providers; one that sends long chunks is counted by length. */
  private outputOf(open: { chars: number; deltas: number }): number {
    return Math.max(open.deltas, tokensOf(open.chars))
  }

  /** The run's usage so far: the reported totals plus the open call's estimate. */
  current(reported: Usage): LiveUsage {
    const input = reported.inputTokens + this.unreported.inputTokens + (this.open?.inputTokens ?? 0)
    const output = reported.outputTokens + this.unreported.outputTokens + (this.open ? this.outputOf(this.open) : 0)
    const estimated = this.open !== undefined || this.unreported.inputTokens + this.unreported.outputTokens > 0
    return { inputTokens: input, outputTokens: output, estimated }
  }
}
