import { useMemo, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { formatCost } from '../../runs/prices.ts'
import { variantTable, type VariantGroup, type VariantRow, type VariantTable as Table } from '../../runs/variants.ts'
import { comparisonLink, comparisonStore } from '../../state/comparison.ts'
import { pricesStore, priceTable } from '../../state/prices.ts'
import { exportJson } from '../../state/share.ts'
import { collapseToMedian, variantsStore } from '../../state/variants.ts'
import { formatMs } from '../format.ts'
import { downloadBlob } from '../gantt/index.ts'
import { useRuns } from '../hooks.ts'
import { runsStore } from '../../state/runs.ts'
import { AnswersSideBySide } from './AnswersSideBySide.tsx'

/** The comparison on screen: its table, its answers side by side, and how to keep or share it. */
export function ComparisonView(): ReactNode {
  const shown = useStore(comparisonStore, (s) => s.shown)
  const runs = useRuns((s) => s.runs)
  useRuns((s) => s.frame) // trials finish in place
  const busy = useRuns((s) => s.busy)
  const edits = useStore(pricesStore, (s) => s.edits)
  const collapsed = useStore(variantsStore, (s) => s.collapsed)
  const [link, setLink] = useState('')
  const [error, setError] = useState('')
  // A finished run never changes, so the figures are worked out again only when a trial finishes
  // (or the prices change), not on every frame of the run still streaming.
  const key = shown ? runs.filter((run) => run.record.comparison?.id === shown.id && run.view.status !== 'running').map((run) => run.record.id).join(' ') : ''
  const figures = useMemo(() => {
    if (!shown) return undefined
    const ids = new Set(key.split(' '))
    const records = runsStore.getState().runs.filter((run) => ids.has(run.record.id)).map((run) => run.record)
    const groups: VariantGroup[] = shown.variants.map((label) => ({ label, records: records.filter((r) => r.comparison?.variant === label) }))
    const table = variantTable(groups, priceTable({ edits }))
    return { records, groups, table, medians: table.rows.map((r) => r.medianRunId) }
  }, [shown, key, edits])
  if (!shown || !figures) return null
  const { records, groups, table, medians } = figures
  if (table.rows.length === 0) return null
  const share = async (): Promise<void> => {
    setError('')
    try {
      setLink(await comparisonLink())
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }
  return (
    <section aria-label="Comparison of variants" className="mt-3 space-y-2 rounded-lg border border-violet-200 bg-violet-50/60 p-3 text-sm dark:border-violet-900 dark:bg-violet-950/20">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Comparison: {shown.title ?? 'variants'}</h2>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{shown.variants.length} variants × {shown.trials} trial{shown.trials === 1 ? '' : 's'}{busy ? ' · running…' : ''}</span>
        <label className="ml-auto flex items-center gap-1 text-xs">
          <input type="checkbox" checked={collapsed} onChange={(e) => collapseToMedian(e.target.checked, table.rows.flatMap((r) => (r.medianRunId ? [r.medianRunId] : [])))} />
          Median trial only
        </label>
        <button type="button" disabled={busy} onClick={() => void share()} className="rounded border border-zinc-300 px-2 py-1 text-xs disabled:opacity-50 dark:border-zinc-700">Share comparison</button>
        <button type="button" disabled={busy} onClick={async () => downloadBlob(await exportJson(records), `lanes-comparison-${shown.id.slice(0, 8)}.json`)} className="rounded border border-zinc-300 px-2 py-1 text-xs disabled:opacity-50 dark:border-zinc-700">Export comparison</button>
      </div>
      {link && <input readOnly aria-label="Comparison permalink" value={link} onFocus={(e) => e.currentTarget.select()} className="w-full rounded border border-zinc-300 px-2 py-1 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900" />}
      {error && <p role="alert" className="text-rose-700 dark:text-rose-400">{error}</p>}
      <VariantTable table={table} />
      <Verdict table={table} />
      <AnswersSideBySide groups={groups} medians={medians} />
    </section>
  )
}

const num = (n: number, digits = 0): string => (Number.isFinite(n) ? n.toLocaleString('en', { maximumFractionDigits: digits }) : '—')

const COLUMNS: [string, string, (r: VariantRow) => ReactNode][] = [
  ['Total time', 'The makespan (from the run\'s start to its last event): median over the trials, with the fastest and slowest', (r) => <><span data-testid="makespan-median">{formatMs(r.makespanMs.median)}</span>{r.runs > 1 && <span className="text-zinc-500"> ({formatMs(r.makespanMs.min)}–{formatMs(r.makespanMs.max)})</span>}</>],
  ['First token', 'Time to first token, median', (r) => formatMs(Number.isFinite(r.ttftMs) ? r.ttftMs : undefined)],
  ['Thinking', 'Time the model spent thinking, median', (r) => formatMs(r.thinkingMs)],
  ['In tools', 'Wall time with a tool running (the sum of tool durations in the tooltip)', (r) => <span title={`sum of tool durations ${formatMs(r.toolTimeMs)}`}>{formatMs(r.toolPhaseMs)}</span>],
  ['Model time', 'Sum of model-call durations, median', (r) => formatMs(r.modelTimeMs)],
  ['Turns', 'Model turns, median', (r) => num(r.turns)],
  ['Tool calls', 'Tool calls, median', (r) => num(r.toolCalls)],
  ['Calls per turn', 'Tool calls per turn that called tools: how parallel the model asked', (r) => num(r.parallelPerTurn, 1)],
  ['Tokens in / out', 'Input (cached included) and output (thinking included) tokens, median', (r) => `${num(r.inputTokens)} / ${num(r.outputTokens)}`],
  ['Thinking tokens', 'Reasoning tokens, median', (r) => num(r.reasoningTokens)],
  ['Cache reads', 'Input tokens read from the provider cache, median', (r) => num(r.cacheReadTokens)],
  ['Cost', 'Median cost of a trial at the price table (edit prices under Prices)', (r) => <span data-testid="cost">{formatCost(r.costUsd)}</span>],
]

function VariantTable({ table }: { table: Table }): ReactNode {
  return (
    <div className="overflow-x-auto">
      <table aria-label="Comparison table" className="w-full text-left text-xs tabular-nums">
        <thead>
          <tr className="border-b border-violet-200 dark:border-violet-900">
            <th className="py-1 pr-3">Variant</th>
            {COLUMNS.map(([name, tip]) => <th key={name} title={tip} className="py-1 pr-3 font-medium">{name}</th>)}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.label} data-testid="variant-row" data-variant={row.label} className="border-b border-violet-100 last:border-0 dark:border-violet-950">
              <th scope="row" className="py-1 pr-3 font-semibold">
                {row.label}
                {row.label === table.fastest && <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">fastest</span>}
                {row.label === table.cheapest && <span className="ml-1 rounded bg-sky-100 px-1 text-sky-800 dark:bg-sky-900 dark:text-sky-200">cheapest</span>}
                <span className="block font-normal text-zinc-500">{row.models.join(', ')} · {row.runs} run{row.runs === 1 ? '' : 's'}</span>
              </th>
              {COLUMNS.map(([name, , cell]) => <td key={name} className="py-1 pr-3">{cell(row)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Which variant is fastest and cheapest, and where each other one loses its time. */
function Verdict({ table }: { table: Table }): ReactNode {
  if (!table.fastest) return null
  return (
    <div className="space-y-0.5 text-xs" data-testid="verdict">
      <p><span className="font-semibold">{table.fastest}</span> is fastest{table.cheapest ? <>; <span className="font-semibold">{table.cheapest}</span> is cheapest</> : table.rows.every((r) => r.costUsd === undefined) ? '; no variant has a price (add one under Prices to see costs)' : '; they all cost the same'}.</p>
      {table.gaps.map((gap) => (
        <p key={gap.label}>
          {gap.label} is {formatMs(gap.slowerMs)} slower: {formatMs(gap.modelMs)} of model time, {formatMs(gap.toolMs)} in tools{Math.abs(gap.otherMs) >= 1 ? `, ${formatMs(gap.otherMs)} elsewhere` : ''}
          {gap.costlierUsd !== undefined && gap.costlierUsd > 0 ? `; ${formatCost(gap.costlierUsd)} more per run than the cheapest` : ''}.
        </p>
      ))}
      {table.note && <p className="text-amber-800 dark:text-amber-300">{table.note}</p>}
    </div>
  )
}
