import { lazy, Suspense, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { compareRuns, type Comparison } from '../../runs/compare.ts'
import { taskKeyOf } from '../../runs/same-task.ts'
import { compareExecutors, compareStore, projectOtherExecutor, setTrials } from '../../state/compare.ts'
import { composerStore } from '../../state/composer.ts'
import type { LiveRun } from '../../state/runs.ts'
import { formatMs } from '../format.ts'
import { useRuns } from '../hooks.ts'

// The editors and the variants' state load when first opened: most sessions never open them.
const VariantEditor = lazy(() => import('./VariantEditor.tsx').then((m) => ({ default: m.VariantEditor })))
const PriceEditor = lazy(() => import('./PriceEditor.tsx').then((m) => ({ default: m.PriceEditor })))

/**
 * "Compare executors" (the one-click preset): k interleaved trials of each, medians, speedup and
 * where the time went. "Compare variants…" opens the editor of 2 to 4 full setups; "Prices" the
 * price table that costs every run.
 */
export function ComparePanel(): ReactNode {
  const [open, setOpen] = useState<'variants' | 'prices' | undefined>(undefined)
  const openVariants = async (): Promise<void> => {
    if (open !== 'variants') {
      const { startVariants, variantsStore } = await import('../../state/variants.ts')
      if (variantsStore.getState().variants.length < 2) startVariants()
    }
    setOpen(open === 'variants' ? undefined : 'variants')
  }
  const trials = useStore(compareStore, (s) => s.trials)
  const busy = useRuns((s) => s.busy)
  const runs = useRuns((s) => s.runs)
  useRuns((s) => s.frame) // runs finish in place; re-read them each frame
  // Cheap (a few runs' metrics) and only when idle, so no memo is needed.
  const comparison = busy ? undefined : comparisonOf(runs)
  const canProject = !busy && runs.length > 0 && !runs.some((r) => r.record.projected)
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" disabled={busy} onClick={() => void compareExecutors(composerStore.getState().prompt.trim())} className="rounded-lg bg-violet-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-violet-700 disabled:opacity-50">
          Compare executors
        </button>
        <label className="flex items-center gap-1 text-sm">
          Trials
          <input type="number" min={1} max={10} value={trials} onChange={(e) => setTrials(Number(e.target.value))} className="w-14 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900" aria-label="Trials per executor" />
        </label>
        <button type="button" disabled={!canProject} onClick={() => void projectOtherExecutor()} className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm disabled:opacity-50 dark:border-zinc-700" title="Project the other executor from the recorded tool durations; no API calls">
          What if? (project the other executor)
        </button>
        <button type="button" disabled={busy} onClick={() => void openVariants()} aria-expanded={open === 'variants'} className="rounded-lg border border-violet-300 px-3 py-1.5 text-sm text-violet-800 disabled:opacity-50 dark:border-violet-800 dark:text-violet-200" title="2 to 4 setups (model, provider, executor, prompt, tools, thinking, speeds) on one time axis, with cost">
          Compare variants…
        </button>
        <button type="button" onClick={() => setOpen(open === 'prices' ? undefined : 'prices')} aria-expanded={open === 'prices'} className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700">
          Prices
        </button>
      </div>
      {open && (
        <div className="fixed inset-x-2 top-16 z-40 mx-auto max-h-[80vh] max-w-4xl overflow-y-auto">
          <Suspense fallback={<p className="rounded-lg border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-950">Loading…</p>}>
            {open === 'variants' ? <VariantEditor onClose={() => setOpen(undefined)} /> : <PriceEditor onClose={() => setOpen(undefined)} />}
          </Suspense>
        </div>
      )}
      {comparison && <ComparisonSummary comparison={comparison} />}
    </div>
  )
}

function comparisonOf(runs: readonly LiveRun[]): Comparison | undefined {
  // Only runs of one task compare: the latest finished run's.
  // Runs of a comparison of variants have their own table (ComparisonView).
  const finished = runs.filter((r) => !r.record.projected && !r.record.comparison && r.view.status === 'done')
  const latest = finished.at(-1)
  if (!latest) return undefined
  const task = taskKeyOf(latest.record)
  const measured = finished.filter((r) => taskKeyOf(r.record) === task)
  const byExecutor = new Map<string, LiveRun[]>()
  for (const run of measured) {
    const list = byExecutor.get(run.record.config.executor) ?? []
    list.push(run)
    byExecutor.set(run.record.config.executor, list)
  }
  if (byExecutor.size < 2) return undefined
  return compareRuns([...byExecutor].map(([executor, list]) => ({ executor, records: list.map((r) => r.record) })))
}

function ComparisonSummary({ comparison }: { comparison: Comparison }): ReactNode {
  return (
    <div className="rounded-lg border border-violet-200 bg-violet-50/60 px-3 py-2 text-sm dark:border-violet-900 dark:bg-violet-950/20" aria-label="Comparison" data-testid="comparison">
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {comparison.executors.map((e) => (
          <li key={e.executor}>
            <span className="font-medium">{e.executor}</span>: median <abbr title="The makespan: from the run's start to its last event" className="no-underline">total time</abbr> <span className="tabular-nums" data-testid={`median-${e.executor}`}>{formatMs(e.medianMakespanMs)}</span> over {e.runs} run{e.runs === 1 ? '' : 's'} (tool phase {formatMs(e.medianToolPhaseMs)}, model {formatMs(e.medianModelTimeMs)})
          </li>
        ))}
      </ul>
      {comparison.executors.every((e) => e.toolCalls.every((n) => n === 0)) ? (
        <p className="mt-1" data-testid="no-speedup">No tool ran in these runs, so the executor makes no difference: there is no speedup to show.</p>
      ) : comparison.speedups.map((s) => (
        <p key={s.candidate} className="mt-1">
          <span className="font-semibold">{s.candidate}</span> is <span className="font-semibold tabular-nums" data-testid="speedup">{s.median.toFixed(2)}×</span> faster than {s.baseline}
          {s.pairs > 1 && <> (min {s.min.toFixed(2)}×, max {s.max.toFixed(2)}× over {s.pairs} pairs)</>}. It saves {formatMs(s.savedMs)}: {formatMs(s.toolPhaseSavedMs)} in the tool phase, {formatMs(s.modelTimeSavedMs)} in model time{Math.abs(s.otherSavedMs) >= 1 ? `, ${formatMs(s.otherSavedMs)} elsewhere` : ''}.
        </p>
      ))}
      {comparison.mismatch && <p role="alert" className="mt-1 text-amber-800 dark:text-amber-300">Warning: {comparison.mismatch}</p>}
    </div>
  )
}
