// Pointer and wheel gestures on the plot: wheel or pinch zooms around the pointer, drag pans.
// Native listeners because React's wheel listener is passive and cannot stop page scrolling.
import { useEffect, useRef, type RefObject } from 'react'
import type { ViewWindow } from './view.ts'

/** What the gestures need to turn pixels into time. */
export interface GestureTarget {
  view: ViewWindow
  /** Pixels per millisecond at the current zoom. */
  pxPerMs: number
  /** The x offset of time `view.start` inside the element. */
  plotLeft: number
  zoomAt: (factor: number, anchorMs?: number) => void
  panBy: (deltaMs: number) => void
}

/** Wheel sensitivity: one notch of a mouse wheel (100 px) zooms by about 22 %. */
const WHEEL_ZOOM = 0.002

/** Attach zoom and pan gestures to `ref`'s element for as long as it is mounted. */
export function useGestures(ref: RefObject<HTMLElement | null>, target: GestureTarget): void {
  const latest = useRef(target)
  useEffect(() => {
    latest.current = target
  })

  useEffect(() => {
    const el = ref.current
    if (!el) return undefined
    const timeAt = (clientX: number): number => {
      const { view, pxPerMs, plotLeft } = latest.current
      return view.start + (clientX - el.getBoundingClientRect().left - plotLeft) / pxPerMs
    }

    const onWheel = (event: WheelEvent): void => {
      const { pxPerMs, zoomAt, panBy } = latest.current
      const scrollsVertically = el.scrollHeight > el.clientHeight + 1
      const horizontal = event.shiftKey || Math.abs(event.deltaX) > Math.abs(event.deltaY)
      if (horizontal) {
        event.preventDefault()
        panBy((event.shiftKey ? event.deltaY : event.deltaX) / pxPerMs)
        return
      }
      // A tall chart keeps plain wheel for scrolling its lanes; ctrl+wheel (and trackpad
      // pinch, which browsers report as ctrl+wheel) always zooms.
      if (scrollsVertically && !event.ctrlKey && !event.metaKey) return
      event.preventDefault()
      const lines = event.deltaMode === 1 ? 33 : event.deltaMode === 2 ? 400 : 1
      zoomAt(Math.exp(-event.deltaY * lines * WHEEL_ZOOM), timeAt(event.clientX))
    }

    const pointers = new Map<number, { x: number; y: number }>()
    const spread = (): { distance: number; midX: number } | null => {
      const [a, b] = [...pointers.values()]
      if (!a || !b) return null
      return { distance: Math.hypot(a.x - b.x, a.y - b.y), midX: (a.x + b.x) / 2 }
    }
    const onDown = (event: PointerEvent): void => {
      if (event.pointerType === 'mouse' && event.button !== 0) return
      if (event.target instanceof Element && event.target.closest('button')) return
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY })
      el.setPointerCapture(event.pointerId)
    }
    const onMove = (event: PointerEvent): void => {
      const before = pointers.get(event.pointerId)
      if (!before) return
      const pinchBefore = spread()
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY })
      const { pxPerMs, zoomAt, panBy } = latest.current
      const pinchAfter = spread()
      if (pinchBefore && pinchAfter && pinchBefore.distance > 0) {
        zoomAt(pinchAfter.distance / pinchBefore.distance, timeAt(pinchAfter.midX))
        return
      }
      const dx = event.clientX - before.x
      if (dx !== 0) panBy(-dx / pxPerMs)
    }
    const onUp = (event: PointerEvent): void => {
      pointers.delete(event.pointerId)
      if (el.hasPointerCapture(event.pointerId)) el.releasePointerCapture(event.pointerId)
    }

    // One signal removes every listener on unmount.
    const listening = new AbortController()
    const { signal } = listening
    el.addEventListener('wheel', onWheel, { passive: false, signal })
    el.addEventListener('pointerdown', onDown, { signal })
    el.addEventListener('pointermove', onMove, { signal })
    el.addEventListener('pointerup', onUp, { signal })
    el.addEventListener('pointercancel', onUp, { signal })
    return () => listening.abort()
  }, [ref])
}
