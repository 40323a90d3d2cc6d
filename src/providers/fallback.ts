// A chain of models with visible retries: the SDKs' own retries are off (maxRetries: 0) so every
// wait and every switch shows up in the run as model-retry / model-fallback events.
import { sleep, type Model, type ModelEvent, type ModelRequest } from '../core/index.ts'
import { toProviderError, type ProviderError, type ProviderErrorKind } from './errors.ts'

/** Options of `createFallbackModel`. */
export interface FallbackOptions {
  /** Retries per model before moving on. Default 2. */
  retries?: number
  /** First backoff delay. Default 500 ms. */
  baseDelayMs?: number
  /** Backoff cap (a server's retry-after may ask for more, up to 60 s). Default 8000 ms. */
  maxDelayMs?: number
  /** Waits `ms`, rejecting when `signal` aborts. Injectable so tests need no real time. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>
  /** Jitter source in [0, 1). Default Math.random. */
  random?: () => number
  /**
   * How long a model that failed all its retries is skipped (the circuit breaker stays open).
   * Default: for as long as this chain lives, which is one run. After it, one attempt without
   * retries decides whether the model is back.
   */
  reopenAfterMs?: number
  /** Clock in ms for the breaker. Injectable for tests; default performance.now. */
  now?: () => number
}

/** Errors that no retry or other model can fix: the user must act. */
const FATAL: ReadonlySet<ProviderErrorKind> = new Set(['auth', 'permission', 'bad-request', 'not-found', 'context-length'])
/** Errors worth retrying on the same model. */
const RETRYABLE: ReadonlySet<ProviderErrorKind> = new Set(['rate-limit', 'overloaded', 'server', 'network', 'idle-timeout'])
const RETRY_AFTER_CAP_MS = 60_000

/** Wait `ms`, or reject at once when the signal aborts (core's sleep, kept under its old name). */
export const abortableSleep: (ms: number, signal: AbortSignal) => Promise<void> = sleep

/**
 * A Model that tries `models` in order. Before the first event of an attempt, retryable failures
 * (408/409/429/5xx, network, stall) are retried with exponential backoff that honours
 * retry-after, then the chain moves to the next model; auth and request errors fail at once.
 * Once an attempt has produced an event, its errors are rethrown: replaying would duplicate text.
 * A circuit breaker remembers a model that failed all its retries: later calls (the run's next
 * turns) go straight to the next model, with a `fallback` event that says so, instead of paying
 * the retries again on every turn. The last model of the chain is always tried.
 */
export function createFallbackModel(models: readonly Model[], options: FallbackOptions = {}): Model {
  if (models.length === 0) throw new RangeError('createFallbackModel needs at least one model.')
  const retries = options.retries ?? 2
  const base = options.baseDelayMs ?? 500
  const cap = options.maxDelayMs ?? 8000
  const sleep = options.sleep ?? abortableSleep
  const random = options.random ?? Math.random
  const now = options.now ?? (() => performance.now())
  const reopenAfterMs = options.reopenAfterMs ?? Number.POSITIVE_INFINITY
  // Open breakers: the model's index, when it was given up on, and why.
  const open = new Map<number, { at: number; reason: string }>()

  const delayFor = (error: ProviderError, attempt: number): number => {
    if (error.retryAfterMs !== undefined) return Math.min(error.retryAfterMs, RETRY_AFTER_CAP_MS)
    const backoff = Math.min(cap, base * 2 ** attempt)
    return Math.round(backoff * (1 - 0.25 * random()))
  }

  return {
    id: models.map((model) => model.id).join(' → '),
    async *stream(req: ModelRequest, { signal }): AsyncGenerator<ModelEvent> {
      let lastError: ProviderError | undefined
      for (let m = 0; m < models.length; m++) {
        const model = models[m]!
        const next = models[m + 1]
        const breaker = open.get(m)
        // Half-open after the wait: one attempt, no retries, decides whether the model is back.
        const probing = breaker !== undefined && now() - breaker.at >= reopenAfterMs
        if (breaker && !probing && next) {
          yield { type: 'fallback', from: model.id, to: next.id, reason: `${model.id} failed all its retries earlier in this run (${breaker.reason}), so it is skipped` }
          continue
        }
        let gaveUp: boolean
        for (let attempt = 0; ; attempt++) {
          let started = false
          try {
            for await (const event of model.stream(req, { signal })) {
              started = true
              yield event
            }
            open.delete(m)
            return
          } catch (thrown) {
            if (signal.aborted || started) throw thrown
            const error = toProviderError(thrown, { provider: model.id })
            lastError = error
            if (FATAL.has(error.kind)) throw error
            if (!RETRYABLE.has(error.kind) || attempt >= (probing ? 0 : retries)) {
              gaveUp = RETRYABLE.has(error.kind)
              break
            }
            const delayMs = delayFor(error, attempt)
            yield { type: 'retry', model: model.id, attempt: attempt + 1, delayMs, reason: error.message }
            await sleep(delayMs, signal)
          }
        }
        if (gaveUp && lastError) open.set(m, { at: now(), reason: lastError.message })
        if (next && lastError) yield { type: 'fallback', from: model.id, to: next.id, reason: lastError.message }
      }
      if (lastError) throw lastError
    },
  }
}
