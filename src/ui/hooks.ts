import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useStore } from 'zustand'
import { attachmentsStore, type AttachmentsState } from '../state/attachments.ts'
import { historyStore, type HistoryState } from '../state/history.ts'
import { keysStore, type KeysState } from '../state/keys.ts'
import { runsStore, type RunsState } from '../state/runs.ts'
import { settingsStore, type Settings } from '../state/settings.ts'

// Narrow selectors over the vanilla stores: a component re-renders only when its slice changes.

export const useSettings = <T,>(select: (s: Settings) => T): T => useStore(settingsStore, select)
export const useRuns = <T,>(select: (s: RunsState) => T): T => useStore(runsStore, select)
export const useKeys = <T,>(select: (s: KeysState) => T): T => useStore(keysStore, select)
export const useAttachments = <T,>(select: (s: AttachmentsState) => T): T => useStore(attachmentsStore, select)
export const useHistory = <T,>(select: (s: HistoryState) => T): T => useStore(historyStore, select)

/**
 * The page clock (performance.now), re-read every `everyMs` (every animation frame when 0) while
 * `active`: the live clock that moves elapsed times and running bars even while no event arrives
 * (a tool that reports no progress). Give it the store's `frame` and it stays still while frames
 * come anyway (a stream of events redraws the page already), ticking only in a silence. Idle, it
 * costs nothing. A timer, not an animation-frame loop, paces it: a loop asked the browser for a
 * frame at 60 fps for every clock on the page (two timelines, the stats, each running tool card)
 * while a run streamed, and each of those frames ran style, layout and paint.
 */
export function useNow(active: boolean, everyMs = 0, frame?: number): number {
  const [now, setNow] = useState(() => performance.now())
  const lastFrame = useRef({ frame, at: performance.now() })
  if (lastFrame.current.frame !== frame) lastFrame.current = { frame, at: performance.now() }
  const watchesFrames = frame !== undefined
  useEffect(() => {
    if (!active) return
    if (everyMs <= 0) {
      let handle = requestAnimationFrame(function tick(at) {
        setNow(at)
        handle = requestAnimationFrame(tick)
      })
      return () => cancelAnimationFrame(handle)
    }
    let timer: ReturnType<typeof setTimeout>
    const tick = (): void => {
      const at = performance.now()
      // Watching frames, the clock is due only once everyMs has passed without one.
      const wait = watchesFrames ? lastFrame.current.at + everyMs - at : 0
      if (wait > 1) {
        timer = setTimeout(tick, wait)
        return
      }
      setNow(at)
      timer = setTimeout(tick, everyMs)
    }
    timer = setTimeout(tick, everyMs)
    return () => clearTimeout(timer)
  }, [active, everyMs, watchesFrames])
  return Math.max(now, lastFrame.current.at)
}

/** Whether a CSS media query matches, kept current (false where matchMedia is missing). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback((changed: () => void) => {
    if (typeof matchMedia !== 'function') return () => undefined
    const list = matchMedia(query)
    list.addEventListener('change', changed)
    return () => list.removeEventListener('change', changed)
  }, [query])
  return useSyncExternalStore(subscribe, () => typeof matchMedia === 'function' && matchMedia(query).matches, () => false)
}
