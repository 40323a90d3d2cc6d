import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import type { HistoryEntry } from '../../runs/history-entries.ts'
import { costOf, formatCost, priceOf } from '../../runs/prices.ts'
import { openComparison } from '../../state/comparison.ts'
import { deleteRun, loadRun, type RunSummary } from '../../state/history.ts'
import { pricesStore, priceTable } from '../../state/prices.ts'
import { exportJson } from '../../state/share.ts'
import { downloadBlob as download } from '../gantt/index.ts'

/** A saved run's cost, for its History row: "$0.0031", "free", "no price", or '' before it ends. */
export function useSummaryCost(summary: RunSummary): string {
  const prices = priceTable({ edits: useStore(pricesStore, (s) => s.edits) })
  if (!summary.usage) return ''
  const price = priceOf(prices, summary.model)
  const usage = summary.usage
  return price ? formatCost(costOf({ inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, reasoningTokens: usage.reasoningTokens ?? 0, cacheReadTokens: usage.cacheReadTokens ?? 0, cacheWriteTokens: usage.cacheWriteTokens ?? 0 }, price).usd) : 'no price'
}

async function recordsOf(entry: Extract<HistoryEntry, { kind: 'comparison' }>) {
  const records = await Promise.all([...entry.summaries].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map((s) => loadRun(s.id)))
  return records.filter((r) => r !== undefined)
}

/** A whole comparison in History: open it (the same Gantt and table), export it, or delete it, as one. */
export function ComparisonRow({ entry }: { entry: Extract<HistoryEntry, { kind: 'comparison' }> }): ReactNode {
  const prices = priceTable({ edits: useStore(pricesStore, (s) => s.edits) })
  const open = async (): Promise<void> => openComparison(await recordsOf(entry))
  const costs = entry.summaries.map((s) => {
    const price = priceOf(prices, s.model)
    return s.usage && price ? costOf({ inputTokens: s.usage.inputTokens, outputTokens: s.usage.outputTokens, reasoningTokens: s.usage.reasoningTokens ?? 0, cacheReadTokens: s.usage.cacheReadTokens ?? 0, cacheWriteTokens: s.usage.cacheWriteTokens ?? 0 }, price).usd : undefined
  })
  const total = costs.every((c) => c !== undefined) ? costs.reduce((a, b) => a + b, 0) : undefined
  const newest = entry.summaries.reduce((a, b) => (a.createdAt > b.createdAt ? a : b))
  return (
    <li className="flex flex-wrap items-center gap-2 py-1.5" data-testid="history-item" data-comparison={entry.id}>
      <button type="button" className="flex-1 truncate text-left hover:underline" onClick={() => void open()} title="Open the whole comparison: its Gantt and table">
        <span aria-hidden="true">⚖ </span>{entry.first.title}
      </button>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        comparison · {entry.variants.join(' vs ')} · {entry.trials} trial{entry.trials === 1 ? '' : 's'} · {entry.summaries.length} runs · {formatCost(total)} in all · {new Date(newest.createdAt).toLocaleString()}
      </span>
      <button type="button" className="text-xs underline" onClick={async () => download(await exportJson(await recordsOf(entry)), `lanes-comparison-${entry.id.slice(0, 8)}.json`)}>Export</button>
      <button type="button" className="text-xs text-rose-700 underline dark:text-rose-400" onClick={async () => { for (const s of entry.summaries) await deleteRun(s.id) }} aria-label={`Delete comparison ${entry.first.title}`}>Delete</button>
    </li>
  )
}

/** The cost beside a run in History. */
export function SummaryCost({ summary }: { summary: RunSummary }): ReactNode {
  const cost = useSummaryCost(summary)
  return cost ? <> · <span data-testid="history-cost">{cost}</span></> : null
}
