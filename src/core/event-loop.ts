/**
 * Give the event loop a turn: a macrotask, so input, rendering and timers run before the caller
 * goes on. `scheduler.yield()` where the browser has it, a MessageChannel message in a page,
 * `setImmediate` in Node, a zero timeout otherwise (browsers clamp nested timeouts to 4 ms,
 * which is why it comes last).
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (scheduler?.yield) return scheduler.yield()
  if (typeof MessageChannel === 'function' && typeof document !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => {
        channel.port1.close()
        resolve()
      }
      channel.port2.postMessage(null)
    })
  }
  if (typeof setImmediate === 'function') return new Promise((resolve) => setImmediate(resolve))
  return new Promise((resolve) => setTimeout(resolve, 0))
}
