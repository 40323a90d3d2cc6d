// DOM plumbing of the chart: its measured width, and focusing a bar once it is rendered
// (a bar moved to by keyboard may first have to be panned into view and mounted).
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import type { LaidBar } from './layout.ts'

/** Width used before the first measurement (and where ResizeObserver is missing). */
export const DEFAULT_WIDTH = 800

/**
 * The content width of `ref`'s element, kept current with a ResizeObserver; null until the
 * first measurement (in a layout effect, before paint), so the bars render once, not twice.
 */
export function useChartWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return undefined
    const measure = (): void => {
      const next = Math.floor(el.clientWidth)
      // A hidden container measures 0: draw at a default width rather than not at all.
      setWidth((before) => (next > 0 ? next : (before ?? DEFAULT_WIDTH)))
    }
    measure()
    if (typeof ResizeObserver !== 'function') return undefined
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => observer.disconnect()
  }, [ref])
  return width
}

/** A function that focuses bar `index` now, or as soon as it is among `shown`. */
export function useFocusBar(svgRef: RefObject<SVGSVGElement | null>, shown: readonly LaidBar[]): (index: number) => void {
  const pending = useRef<number | null>(null)
  const tryFocus = useCallback((): void => {
    const index = pending.current
    const target = index === null ? null : svgRef.current?.querySelector(`[data-index="${index}"]`)
    if (target instanceof SVGElement) {
      pending.current = null
      target.focus()
    }
  }, [svgRef])
  useEffect(() => {
    tryFocus()
  }, [shown, tryFocus])
  return useCallback(
    (index: number) => {
      pending.current = index
      tryFocus()
    },
    [tryFocus],
  )
}

/** Charts with more lanes than this render only the lanes near the scrolled viewport. */
export const VIRTUALIZE_ABOVE = 150

/** The rows band [yMin, yMax] of the SVG worth rendering, and how to follow scrolling. */
export interface RowWindow {
  yMin: number
  yMax: number
  /** Recompute from the element's scroll position (call on scroll and after scrolling it). */
  sync: () => void
}

/**
 * The vertical band of a tall chart to render: the viewport plus half a viewport of overscan
 * either side (more than the quarter-viewport quantum, so no blank edge shows), quantised to a quarter viewport so scrolling re-renders only now and then.
 * When `enabled` is false the band is everything.
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, enabled: boolean, maxHeight: number): RowWindow {
  const [top, setTop] = useState(0)
  const sync = useCallback(() => {
    const el = ref.current
    if (!el) return
    const quantum = Math.max(1, Math.floor(maxHeight / 4))
    setTop(Math.floor(el.scrollTop / quantum) * quantum)
  }, [ref, maxHeight])
  if (!enabled) return { yMin: -Infinity, yMax: Infinity, sync }
  return { yMin: top - maxHeight / 2, yMax: top + 1.5 * maxHeight, sync }
}
