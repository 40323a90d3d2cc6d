// History's rows: a run on its own, or a whole conversation as one row (its exchanges and the
// re-runs beside them), placed where its newest run falls in the newest-first list.
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

/**
 * Group newest-first summaries into rows, keeping their order: a conversation of one exchange and
 * no re-run is shown as the run it is.
 */
export function historyEntries(summaries: readonly RunSummary[]): HistoryEntry[] {
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
  return entries
}
