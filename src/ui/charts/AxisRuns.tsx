import type { ReactNode } from 'react'
import { activateRun, removeRun, setRunFlags } from '../../state/runs.ts'
import { useRuns } from '../hooks.ts'

/** The runs on the time axis, each with show/hide, pin and remove; clicking one shows its details. */
export function AxisRuns(): ReactNode {
  const runs = useRuns((s) => s.runs)
  const activeId = useRuns((s) => s.activeId)
  const busy = useRuns((s) => s.busy)
  if (runs.length < 2 && !runs.some((run) => run.pinned || run.hidden)) return null
  const small = 'rounded px-1 text-xs hover:bg-black/10 dark:hover:bg-white/10'
  return (
    <ul aria-label="Runs on the time axis" className="flex flex-wrap gap-1.5">
      {runs.map((run) => {
        const id = run.record.id
        const active = id === activeId
        return (
          <li key={id} data-run-chip={run.label} className={`flex items-center gap-0.5 rounded-full border px-2 py-0.5 text-xs ${active ? 'border-sky-500 bg-sky-50 dark:bg-sky-950/40' : 'border-zinc-300 dark:border-zinc-700'} ${run.hidden ? 'opacity-60' : ''}`}>
            <button type="button" onClick={() => activateRun(id)} className="max-w-[14rem] truncate font-medium" aria-pressed={active} title="Show this run's conversation and figures">
              {run.label}{run.record.projected ? ' (projected)' : ''}
            </button>
            <button type="button" className={small} aria-pressed={!run.hidden} aria-label={`${run.hidden ? 'Show' : 'Hide'} ${run.label} on the axis`} onClick={() => setRunFlags(id, { hidden: !run.hidden })}>{run.hidden ? '○' : '◉'}</button>
            <button type="button" className={small} aria-pressed={run.pinned === true} aria-label={`${run.pinned ? 'Unpin' : 'Pin'} ${run.label}`} title="Pinned runs stay on the axis through New chat" onClick={() => setRunFlags(id, { pinned: !run.pinned })}>{run.pinned ? '★' : '☆'}</button>
            <button type="button" className={small} disabled={busy && run.view.status === 'running'} aria-label={`Remove ${run.label} from the axis`} onClick={() => removeRun(id)}>×</button>
          </li>
        )
      })}
    </ul>
  )
}
