import { createStore } from 'zustand/vanilla'
import { closeRun, type AgentEvent } from '../core/index.ts'
import { appendPacked } from '../runs/live-events.ts'
import { foldPacked, type PackedEvents } from '../runs/packed-events.ts'
import { createRunView, type RunView } from '../runs/run-view.ts'
import { RunStructure, structureOf } from '../runs/structure.ts'
import type { RunRecord } from '../runs/types.ts'
import { createFrameScheduler } from './frame.ts'

/** A run on screen: its record (the source of truth) and the live view folded from it. */
export interface LiveRun {
  record: RunRecord
  view: RunView
  /** Its structural events (no text deltas but each turn's first): what the Gantt reads. */
  structure: RunStructure
  /** How the Gantt labels it, e.g. "concurrent" or "sequential #2". */
  label: string
  /** Read-only (opened from a permalink or history). */
  readOnly: boolean
  /** Kept on the time axis through "New chat". */
  pinned?: boolean
  /** Left off the time axis (still in the thread). */
  hidden?: boolean
  /** When it started on the page's clock (performance.now), for the live clock; live runs only. */
  startedAt?: number
  /** A re-run or compare variant of this exchange of the conversation (shown in its place when picked). */
  exchangeAt?: number
}

export interface Notice {
  kind: 'error' | 'warning' | 'info'
  title: string
  detail?: string
}

export interface RunsState {
  /** Runs on the Gantt, in display order. The array is replaced when runs come or go. */
  runs: LiveRun[]
  /** The run whose transcript is shown. */
  activeId: string | undefined
  /** A run is streaming. */
  busy: boolean
  /** Bumped at most once per animation frame while runs change: what renderers subscribe to. */
  frame: number
  notice: Notice | undefined
}

export const runsStore = createStore<RunsState>(() => ({ runs: [], activeId: undefined, busy: false, frame: 0, notice: undefined }))

const frames = createFrameScheduler(() => runsStore.setState((s) => ({ frame: s.frame + 1 })))

/** Ask for a re-render on the next frame for this many new events (cheap to call per event). */
export const requestFrame: (events?: number) => void = frames.request
/** Re-render now (end of a run). */
export const flushFrame: () => void = frames.flush

/** What a run cut off by a reload says when it is opened again. */
export const INTERRUPTED = {
  name: 'Interrupted',
  message: 'This run was cut off before it finished: the page was reloaded or closed while it streamed. Everything up to then is kept; run it again to finish it.',
}

/**
 * Make a live run from a record, folding any events it already has. `historyChars`: the length of
 * the conversation it is sent with, for the live estimate of its first call's input tokens.
 */
export function liveRun(record: RunRecord, label: string, readOnly = false, historyChars = 0): LiveRun {
  // A run cut off by a reload is closed the way core closes any run, so nothing shows as running.
  if (record.status === 'interrupted') for (const event of closeRun(record.events, { t: 0, stopReason: 'error', error: INTERRUPTED })) record.events.push(event)
  const view = createRunView(record.input.text.length + (record.config.system?.length ?? 0) + historyChars)
  for (const event of record.events) view.apply(event)
  return { record, view, structure: structureOf(record.events), label, readOnly }
}

/** Add one event to a run on screen: its record, its live view and its structure. O(1). */
export function applyEvent(run: LiveRun, event: AgentEvent): void {
  run.record.events.push(event)
  run.view.apply(event)
  run.structure.apply(event)
}

/**
 * Add a packed batch of events to a run on screen, as applyEvent would one by one: a run of text
 * deltas reaches the view as one append, and the record keeps the batch packed until its events
 * are read (runs/live-events.ts). O(events in the batch), with no object per text delta.
 */
export function applyPacked(run: LiveRun, packed: PackedEvents): void {
  appendPacked(run.record, packed)
  foldPacked(packed, {
    event: (event) => {
      run.view.apply(event)
      run.structure.apply(event)
    },
    text: (deltas) => {
      // The structure keeps only each turn's first delta: the run's first is all it can take.
      run.structure.apply(deltas.first)
      run.view.applyText(deltas)
    },
  })
}

/** Show these runs (replacing what was on screen) and make the last one active. */
export function showRuns(runs: LiveRun[]): void {
  runsStore.setState((s) => ({ runs, activeId: runs[runs.length - 1]?.record.id, frame: s.frame + 1 }))
}

/**
 * Add a run to the screen, optionally keeping the ones already there. It becomes the active run
 * (the one whose transcript and figures show) unless `activate` is false: a projection is drawn
 * beside the real run and never takes its figures' place.
 */
export function addRun(run: LiveRun, keepOthers: boolean, activate = true): void {
  runsStore.setState((s) => ({
    runs: keepOthers ? [...s.runs, run] : [run],
    activeId: activate || !keepOthers ? run.record.id : s.activeId,
    frame: s.frame + 1,
  }))
}

/** Pin a run to the axis (it stays through New chat), or hide it from the axis. */
export function setRunFlags(id: string, flags: Pick<LiveRun, 'pinned' | 'hidden'>): void {
  runsStore.setState((s) => ({ runs: s.runs.map((run) => (run.record.id === id ? { ...run, ...flags } : run)), frame: s.frame + 1 }))
}

/** Take a run off the screen (history keeps it). */
export function removeRun(id: string): void {
  runsStore.setState((s) => {
    const runs = s.runs.filter((run) => run.record.id !== id)
    return { runs, activeId: s.activeId === id ? runs.at(-1)?.record.id : s.activeId, frame: s.frame + 1 }
  })
}

/** Show this run's transcript and figures. */
export function activateRun(id: string): void {
  runsStore.setState((s) => ({ activeId: id, frame: s.frame + 1 }))
}

export function setNotice(notice: Notice | undefined): void {
  runsStore.setState({ notice })
}

/** The run whose transcript is shown. */
export function activeRun(state: RunsState = runsStore.getState()): LiveRun | undefined {
  return state.runs.find((run) => run.record.id === state.activeId) ?? state.runs[state.runs.length - 1]
}
