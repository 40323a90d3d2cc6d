import { createStore } from 'zustand/vanilla'
import type { RunRecord } from '../runs/types.ts'

export interface TracesState {
  /** Runs of a trace with several agent invocations, waiting for the user to pick. */
  choices: RunRecord[]
}

/** The runs of a dropped trace waiting for the user to pick (state/traces.ts fills it). */
export const tracesStore = createStore<TracesState>(() => ({ choices: [] }))
