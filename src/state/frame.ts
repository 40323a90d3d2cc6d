// Batching to animation frames: many events per frame, one notification per frame. In a hidden
// tab (no rAF) or in Node, a timer stands in.
import { yieldToEventLoop } from '../core/index.ts'

// A stream far faster than anyone reads (more than 500 events in one frame) is drawn at 20
// frames a second: fewer, larger updates. 50 ms keeps each update under the 50 ms long-task
// line (100 ms did not: 65-130 ms tasks streaming 100k tokens); it took the page from 3.8x the
// model alone to 2.3-2.5x.
const FLOOD_EVENTS_PER_FRAME = 500
const FLOOD_GAP_MS = 50

/**
 * Calls `notify` at most once per animation frame, however often `request` is called. A render
 * budget keeps a fast stream from spending its time drawing: after a notify that took c ms the
 * next waits at least 3c ms (at most 100 ms), and a flood of events is drawn at 20 frames a
 * second. Ordinary streams still get every frame.
 */
export function createFrameScheduler(notify: () => void, now: () => number = () => performance.now()): { request: () => void; flush: () => void } {
  let pending = false
  let handle: number | ReturnType<typeof setTimeout> | undefined
  let lastEnd = Number.NEGATIVE_INFINITY
  let gap = 0
  let requests = 0
  const run = (): void => {
    pending = false
    handle = undefined
    const flood = requests > FLOOD_EVENTS_PER_FRAME
    requests = 0
    const start = now()
    notify()
    lastEnd = now()
    gap = flood ? FLOOD_GAP_MS : Math.min(100, 3 * (lastEnd - start))
  }
  const schedule = (): void => {
    const visible = typeof document === 'undefined' || document.visibilityState === 'visible'
    const wait = lastEnd + gap - now()
    if (wait > 4) handle = setTimeout(() => {
      if (typeof requestAnimationFrame === 'function' && visible) handle = requestAnimationFrame(run)
      else run()
    }, wait)
    else if (typeof requestAnimationFrame === 'function' && visible) handle = requestAnimationFrame(run)
    else handle = setTimeout(run, 16)
  }
  return {
    request() {
      requests++
      if (pending) return
      pending = true
      schedule()
    },
    flush() {
      if (!pending) return
      // The handle may be a timer or a frame request; cancelling both ways is harmless.
      if (typeof handle === 'number' && typeof cancelAnimationFrame === 'function') cancelAnimationFrame(handle)
      if (handle !== undefined) clearTimeout(handle)
      run()
    },
  }
}

/** A time-sliced consumer: call `maybeYield()` after each item; it yields every `sliceMs`. */
export function createSlicer(sliceMs = 8, now: () => number = () => performance.now()): { maybeYield: () => Promise<void> | undefined } {
  let sliceStart = now()
  let calls = 0
  return {
    maybeYield() {
      // Reading the clock per event costs more than the event itself; every 32nd is enough.
      if ((++calls & 31) !== 0 || now() - sliceStart < sliceMs) return undefined
      return yieldToEventLoop(true).then(() => {
        sliceStart = now()
      })
    },
  }
}
