import { useRef } from 'react'

/**
 * Recompute `compute` at most every `ms` while `live`, and always when not live. Heavy
 * projections (the Gantt of every run on screen) then cost a few passes per second while a run
 * streams, not one per frame.
 */
export function useThrottled<T>(compute: () => T, deps: readonly unknown[], live: boolean, ms = 100): T {
  const cache = useRef<{ at: number; deps: readonly unknown[]; value: T } | undefined>(undefined)
  const now = performance.now()
  const same = cache.current !== undefined && cache.current.deps.length === deps.length && cache.current.deps.every((d, i) => Object.is(d, deps[i]))
  if (cache.current && same && (!live || now - cache.current.at < ms)) return cache.current.value
  const value = compute()
  cache.current = { at: now, deps, value }
  return value
}
