// Token pieces and their pacing: time to first token, then a steady rate. The rate is kept by
// schedule (token i is due at start + i / rate), so timer overshoot is caught up, not compounded.

/** Sleep that rejects (or resolves early) when the signal aborts. */
export type ModelSleep = (ms: number, signal: AbortSignal) => Promise<void>

export interface Pacing {
  ttftMs: number
  /** 0 or Infinity: unlimited, no waits at all. */
  tokensPerSecond: number
  sleep: ModelSleep
  now: () => number
}

const PIECE = /\s*[\p{L}\p{N}_'’]+|\s*[^\p{L}\p{N}_'’\s]|\s+/gu

/**
 * Split text into word-ish pieces: a word with its leading space, or one punctuation mark. The
 * pieces join back to the exact text, so Markdown survives streaming.
 */
export function splitTokens(text: string): string[] {
  return text.match(PIECE) ?? []
}

/** Whether a rate means "no pacing". */
export function isUnlimited(tokensPerSecond: number): boolean {
  return !(tokensPerSecond > 0) || !Number.isFinite(tokensPerSecond)
}

/** A stream clock shared by every piece of one model turn. */
export interface PaceClock {
  /** True when pieces need no waiting: the caller may skip `next()` (and its microtask hop). */
  readonly unlimited: boolean
  /** Wait for the time to first token; false when aborted. */
  start(): Promise<boolean>
  /** Wait until the next piece is due; false when aborted. */
  next(): Promise<boolean>
}

/** Create the pacing clock for one model turn. */
export function createPaceClock(pacing: Pacing, signal: AbortSignal): PaceClock {
  const unlimited = isUnlimited(pacing.tokensPerSecond)
  const interval = unlimited ? 0 : 1000 / pacing.tokensPerSecond
  let base = 0
  let index = 0
  const pause = async (ms: number): Promise<boolean> => {
    if (signal.aborted) return false
    if (ms <= 0) return true
    try {
      await pacing.sleep(ms, signal)
    } catch {
      return false
    }
    return !signal.aborted
  }
  return {
    unlimited,
    async start() {
      const ok = await pause(pacing.ttftMs)
      base = pacing.now()
      return ok
    },
    async next() {
      if (unlimited) return !signal.aborted
      const due = base + index * interval
      index++
      return pause(due - pacing.now())
    },
  }
}

const WORDS = [
  'streaming', 'tokens', 'arrive', 'one', 'by', 'one', 'while', 'the', 'agent', 'measures', 'time', 'to', 'first',
  'token', 'and', 'throughput', 'for', 'every', 'model', 'turn', 'in', 'the', 'run', 'record',
]

/**
 * Exactly `count` pieces of filler prose for throughput tests: sentences of words, a paragraph
 * break every 100 pieces. Generated lazily so a million tokens cost no memory up front.
 */
export function* longAnswerPieces(count: number, offset = 0): Generator<string> {
  for (let i = 0; i < count; i++) {
    const word = WORDS[(i + offset) % WORDS.length]!
    const end = i === count - 1 || i % 12 === 11 ? '.' : ''
    const lead = i === 0 ? '' : i % 100 === 0 ? '\n\n' : ' '
    const text = i % 12 === 0 || lead === '\n\n' ? capitalize(word) : word
    yield `${lead}${text}${end}`
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
