// The SDKs time out only the wait for headers (wire-formats.md §3.4); a server that sends headers
// and then stalls would hang a run forever. This aborts the request when no chunk arrives in time.
import { ProviderError } from './errors.ts'

/** Default idle limit, also used for the first token. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000

/** An abort signal for one request that fires on the caller's abort or on silence. */
export interface Watchdog {
  readonly signal: AbortSignal
  /** Call on every chunk: restarts the idle timer. */
  kick(): void
  /** The idle error when the timer fired, else undefined. */
  readonly timedOut: ProviderError | undefined
  dispose(): void
}

/** Start a watchdog: `firstMs` until the first kick, then `idleMs` between kicks. */
export function startWatchdog(outer: AbortSignal, provider: string, firstMs: number, idleMs: number): Watchdog {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  let timedOut: ProviderError | undefined
  const onAbort = (): void => controller.abort(outer.reason)
  if (outer.aborted) onAbort()
  else outer.addEventListener('abort', onAbort, { once: true })
  const arm = (ms: number): void => {
    if (timer) clearTimeout(timer)
    if (!Number.isFinite(ms) || ms <= 0) return
    timer = setTimeout(() => {
      const seconds = Math.round(ms / 100) / 10
      timedOut = new ProviderError(
        `No data from ${provider} for ${seconds} s; the server may be stalled. Try again or raise the idle timeout.`,
        { kind: 'idle-timeout', provider },
      )
      controller.abort(timedOut)
    }, ms)
  }
  arm(firstMs)
  return {
    signal: controller.signal,
    kick: () => arm(idleMs),
    get timedOut() {
      return timedOut
    },
    dispose: () => {
      if (timer) clearTimeout(timer)
      outer.removeEventListener('abort', onAbort)
    },
  }
}
