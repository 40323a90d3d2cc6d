// The comparison on screen: the one just run, or one opened from a set link or from history. Its
// runs are ordinary runs on the time axis; this store only says which of them form it.
import { createStore } from 'zustand/vanilla'
import { comparisonOfRecords, type RunSetComparison } from '../runs/set-comparison.ts'
import type { RunRecord } from '../runs/types.ts'
import { closeReplay } from './replay.ts'
import { liveRun, runsStore, showRuns } from './runs.ts'

export interface ComparisonState {
  /** The comparison whose table shows (its runs carry `comparison.id === shown.id`). */
  shown: RunSetComparison | undefined
}

export const comparisonStore = createStore<ComparisonState>(() => ({ shown: undefined }))

/** Show this comparison's table for runs already on the axis (a comparison just run). */
export function showComparison(comparison: RunSetComparison | undefined): void {
  comparisonStore.setState({ shown: comparison })
}

/**
 * Open a whole comparison read-only: every run on one axis, labelled as it was, and its table.
 * Records that carry no comparison open side by side all the same.
 */
export function openComparison(records: readonly RunRecord[], comparison = comparisonOfRecords(records, records[0]?.input.text)): void {
  closeReplay()
  // A group per variant on the axis (variants in the order they first ran), trials in order.
  const rank = (record: RunRecord): number => (record.comparison && comparison ? comparison.variants.indexOf(record.comparison.variant) : -1)
  const ordered = [...records].sort((a, b) => rank(a) - rank(b) || (a.comparison?.trial ?? 0) - (b.comparison?.trial ?? 0))
  showRuns(ordered.map((record, i) => liveRun(record, record.label ?? `run ${i + 1}`, true)))
  showComparison(comparison)
}

/** The records of the comparison on screen, in run order (only runs that finished or stopped). */
export function shownComparisonRecords(): RunRecord[] {
  const shown = comparisonStore.getState().shown
  if (!shown) return []
  return runsStore.getState().runs.filter((run) => run.record.comparison?.id === shown.id && run.view.status !== 'running').map((run) => run.record)
}

/** A set link (#s=1.…) of the comparison on screen: every trial of every variant, never a key. */
export async function comparisonLink(maxChars = 60_000): Promise<string> {
  const records = shownComparisonRecords()
  const { encodeRunSet } = await import('../runs/run-set.ts')
  const { linkFor } = await import('./share.ts')
  const title = comparisonStore.getState().shown?.title
  return linkFor(await encodeRunSet(records, title ? { title } : {}, { maxChars }))
}
