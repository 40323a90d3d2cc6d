import type { ReactNode } from 'react'
import type { RunView } from '../../runs/run-view.ts'
import { formatMs } from '../format.ts'

/** Live numbers of a run: time to first token, tokens/s, usage, makespan. */
export function RunStats({ view }: { view: RunView }): ReactNode {
  const stats: [string, string][] = [
    ['Time to first token', formatMs(view.ttftMs)],
    ['Tokens/s', view.tokensPerSecond !== undefined ? view.tokensPerSecond.toFixed(0) : '—'],
    ['Tokens in / out', `${view.usage.inputTokens.toLocaleString()} / ${view.usage.outputTokens.toLocaleString()}`],
    ['Tool calls', String(view.toolOrder.length)],
    [view.status === 'running' ? 'Elapsed' : 'Makespan', formatMs(view.lastT)],
  ]
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Run statistics">
      {stats.map(([label, value]) => (
        <div key={label} className="flex gap-1">
          <dt>{label}:</dt>
          <dd className="font-medium tabular-nums text-zinc-900 dark:text-zinc-100" data-stat={label}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
