import { useEffect, useRef, useState } from 'react'
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
 * The page clock (performance.now), re-read every animation frame (or every `everyMs`) while
 * `active`: the live clock that moves elapsed times and running bars even while no event arrives
 * (a tool that reports no progress). Give it the store's `frame` and it stays still while frames
 * come anyway (a stream of events redraws the page already), ticking only in a silence. Idle, it
 * costs nothing.
 */
export function useNow(active: boolean, everyMs = 0, frame?: number): number {
  const [now, setNow] = useState(() => performance.now())
  const lastFrame = useRef({ frame, at: performance.now() })
  if (lastFrame.current.frame !== frame) lastFrame.current = { frame, at: performance.now() }
  const watchesFrames = frame !== undefined
  useEffect(() => {
    if (!active) return
    let last = 0
    let handle = requestAnimationFrame(function tick(at) {
      const quiet = !watchesFrames || at - lastFrame.current.at >= everyMs
      if (quiet && at - last >= everyMs) {
        last = at
        setNow(at)
      }
      handle = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(handle)
  }, [active, everyMs, watchesFrames])
  return Math.max(now, lastFrame.current.at)
}
