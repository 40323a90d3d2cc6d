import { AbortedError, LanesError } from './errors.ts'

/**
 * Wait `ms` on the real timer, or reject the moment `signal` aborts: with its reason when that is
 * one of ours (a tool's timeout says so), otherwise with an AbortedError. The one abortable sleep
 * of the app: tools, retries and the offline model use it.
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(reasonOf(signal))
      return
    }
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(reasonOf(signal!))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, Math.max(0, ms))
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

function reasonOf(signal: AbortSignal): Error {
  return signal.reason instanceof LanesError ? signal.reason : new AbortedError()
}
