import type { Clock } from './types.ts'

/** The default clock: a monotonic millisecond counter in Node and in browsers. */
export const defaultClock: Clock = () => performance.now()

/** A fresh run id. crypto.randomUUID exists in Node 20 and in every secure browser context. */
export function newRunId(): string {
  const cryptoApi = globalThis.crypto as Crypto | undefined
  if (cryptoApi && typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID()
  return `run-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`
}
