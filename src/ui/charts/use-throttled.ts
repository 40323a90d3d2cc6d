import { useEffect, useReducer, useRef } from 'react'

/**
 * `compute()`, recomputed when `deps` change, and when `tick` changes: at once when not `live`,
 * at most every `ms` while live, with a trailing pass so the last tick before a quiet spell is
 * drawn too. Heavy projections (the Gantt of every run on screen) then cost a few passes per
 * second while a run streams, not one per frame.
 */
export function useThrottled<T>(compute: () => T, deps: readonly unknown[], tick: number, live: boolean, ms = 100): T {
  const cache = useRef<{ at: number; deps: readonly unknown[]; tick: number; value: T } | undefined>(undefined)
  const trailing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  const [, rerender] = useReducer((n: number) => n + 1, 0)
  useEffect(() => () => clearTimeout(trailing.current), [])
  const now = performance.now()
  const cached = cache.current
  const same = cached !== undefined && cached.deps.length === deps.length && cached.deps.every((d, i) => Object.is(d, deps[i]))
  if (cached && same && cached.tick === tick) return cached.value
  if (cached && same && live && now - cached.at < ms) {
    trailing.current ??= setTimeout(() => {
      trailing.current = undefined
      rerender()
    }, ms - (now - cached.at))
    return cached.value
  }
  const value = compute()
  cache.current = { at: now, deps, tick, value }
  return value
}
