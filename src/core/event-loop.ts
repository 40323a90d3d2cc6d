/**
 * Give the event loop a turn: a macrotask, so input, rendering and timers run before the caller
 * goes on. A MessageChannel message in a page or a worker, `setImmediate` in Node, a zero timeout
 * otherwise (browsers clamp nested timeouts to 4 ms, which is why it comes last).
 *
 * `prioritized` uses `scheduler.yield()` where the browser has it: the continuation runs ahead
 * of other queued tasks. That suits a consumer draining work that is already there; a producer
 * must not use it, or it starves rendering (measured streaming 100k tokens: 136-172 ms long
 * tasks with both on scheduler.yield, none with the producer on a message, and the fastest total
 * with the consumer prioritized).
 */
export function yieldToEventLoop(prioritized = false): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler
  if (prioritized && scheduler?.yield) return scheduler.yield()
  if (typeof MessageChannel === 'function' && (typeof document !== 'undefined' || 'WorkerGlobalScope' in globalThis)) {
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

/**
 * A time slicer for a loop that may run long without awaiting anything slow: call it after each
 * item; every `sliceMs` of work it returns a yield to await (otherwise undefined, so the loop
 * pays nothing). The clock is read every `checkEvery`th call (32 by default: reading it costs
 * more than a small item; 1 for items that are themselves batches).
 */
export function createTimeSlicer(options: { sliceMs?: number; now?: () => number; prioritized?: boolean; checkEvery?: number } = {}): () => Promise<void> | undefined {
  const sliceMs = options.sliceMs ?? 8
  const now = options.now ?? (() => performance.now())
  const checkEvery = options.checkEvery ?? 32
  let sliceStart = now()
  let calls = 0
  return () => {
    if (++calls % checkEvery !== 0 || now() - sliceStart < sliceMs) return undefined
    return yieldToEventLoop(options.prioritized ?? false).then(() => {
      sliceStart = now()
    })
  }
}
