// Tokens per second of model streaming, shared by the live view and the metrics so both agree.
// A turn counts from its first streamed token (a thought or text) to its model-end; tokens are the
// turn's reported output tokens, or its number of deltas when the provider reports no usage. When
// the reasoning was billed but never streamed (hidden thinking), its tokens are left out: they
// were produced before the window began.

/** An O(1)-per-event accumulator of streaming rate over model turns. */
export class TokenRate {
  private doneTokens = 0
  private doneMs = 0
  private deltas = 0
  private firstT: number | undefined
  private thought = false

  /** A model call began: forget the previous call's partial state. */
  modelStart(): void {
    this.deltas = 0
    this.firstT = undefined
    this.thought = false
  }

  /** `count` reasoning deltas arrived, the first at `t`: streamed thinking counts as streaming. */
  thinking(t: number, count = 1): void {
    this.thought = true
    this.delta(t, count)
  }

  /** `count` text deltas arrived, the first at `t`. */
  delta(t: number, count = 1): void {
    if (this.firstT === undefined) this.firstT = t
    this.deltas += count
  }

  /** The model call ended at `t`, with its reported output (and reasoning) tokens if any. */
  modelEnd(t: number, outputTokens: number | undefined, reasoningTokens = 0): void {
    if (this.firstT !== undefined) {
      const visible = outputTokens === undefined ? undefined : this.thought ? outputTokens : Math.max(0, outputTokens - reasoningTokens)
      this.doneTokens += visible ?? this.deltas
      this.doneMs += Math.max(0, t - this.firstT)
    }
    this.modelStart()
  }

  /** Tokens per second so far, counting a call still streaming up to `now`. */
  perSecond(now: number): number | undefined {
    let tokens = this.doneTokens
    let ms = this.doneMs
    if (this.firstT !== undefined) {
      tokens += this.deltas
      ms += Math.max(0, now - this.firstT)
    }
    if (tokens === 0 || ms <= 0) return undefined
    return (tokens * 1000) / ms
  }
}
