// History's rows: a run on its own, a whole conversation as one row (its exchanges and the
// re-runs beside them), or a whole comparison as one row (every trial of every variant), placed
// where its newest run falls in the newest-first list. A comparison's runs belong to it, not to
// the conversation they were run beside.
import type { RunSummary } from './history-store.ts'

export type HistoryEntry =
  | { kind: 'run'; summary: RunSummary }
  | {
    kind: 'conversation'
    id: string
    /** The first exchange's summary (its prompt names the conversation). */
    first: RunSummary
    /** How many exchanges (places in the thread) and re-runs it holds. */
    messages: number
    reruns: number
    summaries: RunSummary[]
  }
  | {
    kind: 'comparison'
    id: string
    /** Its prompt names it. */
    first: RunSummary
    /** Variant labels in the order their first trial ran, and the most trials of any. */
    variants: string[]
    trials: number
    summaries: RunSummary[]
  }

/**
 * Group newest-first summaries into rows, keeping their order: a conversation of one exchange and
 * no re-run is shown as the run it is.
 */
export function historyEntries(all: readonly RunSummary[]): HistoryEntry[] {
  const comparisons = comparisonEntries(all)
  const summaries = all.filter((summary) => !summary.comparison)
  const groups = new Map<string, RunSummary[]>()
  for (const summary of summaries) {
    const id = summary.conversation?.id
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), summary])
  }
  const entries: HistoryEntry[] = []
  const placed = new Set<string>()
  for (const summary of summaries) {
    const id = summary.conversation?.id
    const group = id === undefined ? undefined : groups.get(id)
    if (id === undefined || !group || group.length === 1) {
      entries.push({ kind: 'run', summary })
      continue
    }
    if (placed.has(id)) continue
    placed.add(id)
    const places = new Set(group.filter((s) => !s.conversation?.rerun).map((s) => s.conversation?.index))
    const byPlace = [...group].sort((a, b) => (a.conversation?.index ?? 0) - (b.conversation?.index ?? 0) || a.createdAt.localeCompare(b.createdAt))
    entries.push({ kind: 'conversation', id, first: byPlace[0]!, messages: places.size, reruns: group.length - group.filter((s) => !s.conversation?.rerun).length, summaries: group })
  }
  return mergeNewestFirst(entries, comparisons)
}

/** A row per comparison, newest first (by its newest run). */
function comparisonEntries(summaries: readonly RunSummary[]): Extract<HistoryEntry, { kind: 'comparison' }>[] {
  const groups = new Map<string, RunSummary[]>()
  for (const summary of summaries) {
    const id = summary.comparison?.id
    if (id !== undefined) groups.set(id, [...(groups.get(id) ?? []), summary])
  }
  return [...groups].map(([id, group]) => {
    const inRunOrder = [...group].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    const variants: string[] = []
    for (const s of inRunOrder) if (s.comparison && !variants.includes(s.comparison.variant)) variants.push(s.comparison.variant)
    return { kind: 'comparison' as const, id, first: inRunOrder[0]!, variants, trials: Math.max(...group.map((s) => s.comparison?.trial ?? 1)), summaries: group }
  })
}

const newestOf = (entry: HistoryEntry): string => (entry.kind === 'run' ? entry.summary.createdAt : entry.summaries.reduce((a, b) => (a.createdAt > b.createdAt ? a : b)).createdAt)

/** Two newest-first lists as one, newest first. */
function mergeNewestFirst(a: readonly HistoryEntry[], b: readonly HistoryEntry[]): HistoryEntry[] {
  if (b.length === 0) return [...a]
  return [...a, ...b].map((entry, i) => ({ entry, i })).sort((x, y) => newestOf(y.entry).localeCompare(newestOf(x.entry)) || x.i - y.i).map(({ entry }) => entry)
}
