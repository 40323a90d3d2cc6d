// The chart's view-window state. `null` means "fit the whole domain", so a live run's axis
// keeps extending until the user zooms or pans; after that the window stays where they put it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { clampView, panView, revealRange, zoomView, type ViewWindow } from './view.ts'

/** The resolved window and the moves on it. */
export interface ViewControls {
  view: ViewWindow
  /** Whether the window follows the whole domain. */
  fitted: boolean
  zoomAt: (factor: number, anchorMs?: number) => void
  panBy: (deltaMs: number) => void
  reveal: (startMs: number, endMs: number) => void
  reset: () => void
}

/** View state over [0, domainEnd]; stable callbacks so memoised children don't re-render. */
export function useViewWindow(domainEnd: number): ViewControls {
  const [custom, setCustom] = useState<ViewWindow | null>(null)
  const view = useMemo(() => (custom ? clampView(custom, domainEnd) : { start: 0, end: domainEnd }), [custom, domainEnd])
  const current = useRef({ view, domainEnd })
  useEffect(() => {
    current.current = { view, domainEnd }
  }, [view, domainEnd])

  const apply = useCallback((move: (view: ViewWindow, domainEnd: number) => ViewWindow) => {
    const { view: before, domainEnd: end } = current.current
    const next = move(before, end)
    current.current = { view: next, domainEnd: end }
    setCustom(next.start <= 0 && next.end >= end ? null : next)
  }, [])

  const zoomAt = useCallback(
    (factor: number, anchorMs?: number) => apply((v, end) => zoomView(v, factor, anchorMs ?? (v.start + v.end) / 2, end)),
    [apply],
  )
  const panBy = useCallback((deltaMs: number) => apply((v, end) => panView(v, deltaMs, end)), [apply])
  const reveal = useCallback((startMs: number, endMs: number) => apply((v, end) => revealRange(v, startMs, endMs, end)), [apply])
  const reset = useCallback(() => {
    current.current = { view: { start: 0, end: current.current.domainEnd }, domainEnd: current.current.domainEnd }
    setCustom(null)
  }, [])

  return { view, fitted: custom === null, zoomAt, panBy, reveal, reset }
}

// A target that changes again within this long is shown as it is, not eased. The live Gantt is
// recomputed at most every 120 ms while a run streams (charts/RunGantt.tsx), so its axis moves in
// steps of 120-200 ms: easing each step took 200 ms of animation frames, so the chart redrew at
// 60 fps for the whole stream (a third of the page's main-thread time streaming 100k tokens).
const FREQUENT_MS = 250

/**
 * `target`, eased towards over ~200 ms when `smooth` is on, so a live axis grows instead of
 * jumping with a rare event. A target that changes again within FREQUENT_MS (a stream of events)
 * is shown as it is: it already moves in small steps, and easing it would redraw the chart on
 * every frame for nothing. A target that shrinks (a new chat, a run taken off the axis) is shown
 * at once too: the new run's bars would otherwise be drawn on the old scale and zoom in.
 */
export function useSmoothNumber(target: number, smooth: boolean): number {
  const [value, setValue] = useState(target)
  const shown = useRef(target)
  const change = useRef({ target, at: Number.NEGATIVE_INFINITY, frequent: false, shrinks: false })
  if (change.current.target !== target) {
    const at = performance.now()
    change.current = { target, at, frequent: at - change.current.at < FREQUENT_MS, shrinks: target < change.current.target }
  }
  const jump = !smooth || change.current.frequent || change.current.shrinks || typeof requestAnimationFrame !== 'function'
  // Until an easing has drawn its first step, `value` may be from long ago (set by the last
  // easing, before a run of jumps): show where the axis is instead.
  const eased = useRef(false)
  useEffect(() => {
    eased.current = false
    if (jump) {
      shown.current = target
      return undefined
    }
    const from = shown.current
    const started = performance.now()
    let frame = requestAnimationFrame(function step(now) {
      const k = Math.min(1, (now - started) / 200)
      shown.current = from + (target - from) * (1 - (1 - k) * (1 - k))
      eased.current = true
      setValue(shown.current)
      if (k < 1) frame = requestAnimationFrame(step)
    })
    return () => cancelAnimationFrame(frame)
  }, [target, jump])
  return jump ? target : eased.current ? value : shown.current
}
