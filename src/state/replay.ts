import { createStore } from 'zustand/vanilla'
import type { AgentEvent } from '../core/index.ts'
import { withoutEvents } from '../runs/live-events.ts'
import type { RunRecord } from '../runs/types.ts'
import { applyEvent, liveRun, requestFrame, runsStore, showRuns, type LiveRun } from './runs.ts'

export type ReplaySpeed = 1 | 2 | 10 | 'instant'

export interface ReplayState {
  /** The read-only run being replayed, if any. */
  run: LiveRun | undefined
  events: readonly AgentEvent[]
  durationMs: number
  positionMs: number
  speed: ReplaySpeed
  playing: boolean
}

export const replayStore = createStore<ReplayState>(() => ({ run: undefined, events: [], durationMs: 0, positionMs: 0, speed: 'instant', playing: false }))

let applied = 0
let raf: number | undefined

/** Open a finished record read-only, shown complete; Play replays it at the chosen speed. */
export function openReadOnly(record: RunRecord, label = 'shared'): void {
  stopReplay()
  const events = record.events
  const durationMs = events.length ? events[events.length - 1]!.t : 0
  const run = liveRun(record, label, true)
  applied = events.length
  replayStore.setState({ run, events, durationMs, positionMs: durationMs, playing: false })
  showRuns([run])
}

/** Move the replay to `positionMs` (the scrubber): the run shows only the events up to then. */
export function seek(positionMs: number): void {
  const state = replayStore.getState()
  const run = state.run
  if (!run) return
  const target = Math.max(0, Math.min(state.durationMs, positionMs))
  if (target < state.positionMs) {
    // Going back: fold again from the start (linear, and only on a backwards seek).
    const fresh = liveRun({ ...withoutEvents(run.record), events: [] }, run.label, true)
    run.view = fresh.view
    run.structure = fresh.structure
    run.record = fresh.record
    applied = 0
  }
  while (applied < state.events.length && state.events[applied]!.t <= target) {
    applyEvent(run, state.events[applied]!)
    applied++
  }
  replayStore.setState({ positionMs: target })
  requestFrame()
}

/** Play from the start (or from the scrubber) at the chosen speed. */
export function play(speed: ReplaySpeed): void {
  stopReplay()
  const state = replayStore.getState()
  if (!state.run) return
  if (speed === 'instant') {
    replayStore.setState({ speed })
    seek(state.durationMs)
    return
  }
  const from = state.positionMs >= state.durationMs ? 0 : state.positionMs
  if (from === 0) seek(-1)
  replayStore.setState({ speed, playing: true })
  let last = performance.now()
  const tick = (now: number): void => {
    const s = replayStore.getState()
    if (!s.playing) return
    const next = s.positionMs + (now - last) * speed
    last = now
    seek(next)
    if (next >= s.durationMs) {
      replayStore.setState({ playing: false })
      return
    }
    raf = requestAnimationFrame(tick)
  }
  raf = requestAnimationFrame(tick)
}

export function stopReplay(): void {
  if (raf !== undefined) cancelAnimationFrame(raf)
  raf = undefined
  replayStore.setState({ playing: false })
}

/**
 * Put the whole replayed run back on the axis (the scrubber at its end) and return its complete
 * record: "Run again" compares against the run that was shared, never a scrubbed part of it.
 */
export function restoreWhole(): RunRecord | undefined {
  const { run, durationMs } = replayStore.getState()
  if (!run) return undefined
  stopReplay()
  seek(durationMs)
  // The axis may hold a copy of the run object (flags set on it): give it the whole run too.
  runsStore.setState((s) => ({
    runs: s.runs.map((r) => (r.record.id === run.record.id ? { ...r, record: run.record, view: run.view, structure: run.structure } : r)),
    frame: s.frame + 1,
  }))
  return run.record
}

/** Leave replay mode (a new run replaces the shared one). */
export function closeReplay(): void {
  stopReplay()
  replayStore.setState({ run: undefined, events: [], durationMs: 0, positionMs: 0 })
}
