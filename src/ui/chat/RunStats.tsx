import { memo, type ReactNode } from 'react'
import type { RunView } from '../../runs/run-view.ts'
import { formatMs } from '../format.ts'
import { useNow } from '../hooks.ts'
import { useRunCost } from '../compare/run-cost.ts'

/** Live numbers of a run: time to first token, tokens/s, usage, total time; the elapsed time runs on the live clock. */
export function RunStats({ view, startedAt }: { view: RunView; startedAt?: number | undefined }): ReactNode {
  const running = view.status === 'running'
  const now = useNow(running && startedAt !== undefined, 100)
  // While a run streams the figures are redrawn ten times a second, not on every frame of the
  // stream (formatting them each frame was a measurable part of the page's cost).
  const bucket = running ? Math.floor(Math.max(now, performance.now()) / 100) : view.version
  return <Stats view={view} startedAt={startedAt} bucket={bucket} status={view.status} />
}

interface StatsProps {
  view: RunView
  startedAt: number | undefined
  /** Changes when the figures should be redrawn. */
  bucket: number
  status: RunView['status']
}

const Stats = memo(function Stats({ view, startedAt }: StatsProps): ReactNode {
  const running = view.status === 'running'
  const elapsed = running && startedAt !== undefined ? Math.max(view.lastT, performance.now() - startedAt) : view.lastT
  const cost = useRunCost(view)
  const stats: [string, string][] = [
    ...(view.firstThoughtMs !== undefined ? [['Time to first thought', formatMs(view.firstThoughtMs)] as [string, string]] : []),
    ['Time to first token', formatMs(view.ttftMs)],
    ['Tokens/s', tokensPerSecond(view.tokensPerSecond)],
    ['Tokens in / out', tokensInOut(view)],
    ...usageDetails(view),
    ['Tool calls', String(view.toolOrder.length)],
    ['Cost', cost],
    [running ? 'Elapsed' : 'Total time', formatMs(elapsed)],
  ]
  return (
    <dl className="flex flex-wrap gap-x-5 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Run statistics">
      {stats.map(([label, value]) => (
        <div key={label} className="flex gap-1">
          <dt title={TIPS[label]}>{label}:</dt>
          <dd className="font-medium tabular-nums text-zinc-900 dark:text-zinc-100" data-stat={label}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}, (a, b) => a.bucket === b.bucket && a.status === b.status && a.view === b.view && a.startedAt === b.startedAt)

const TIPS: Record<string, string> = {
  'Total time': 'The makespan: from the run\'s start to its last event',
  'Cost': 'The tokens at the model\'s price (Compare → Prices); "no price" when the table has no row for the model',
  'Tokens in / out': 'While a model call streams, its share is estimated from the text (≈, about four characters a token); the provider\'s count replaces it when the call ends',
}

/** Streaming rate; an offline model set to unlimited speed writes whole answers at once: "instant". */
function tokensPerSecond(rate: number | undefined): string {
  if (rate === undefined) return '—'
  return rate >= 10_000 ? 'instant' : rate.toFixed(0)
}

/** Tokens in and out, moving while a call streams: "≈" marks an estimate. */
function tokensInOut(view: RunView): string {
  const { inputTokens, outputTokens, estimated } = view.liveUsage
  const mark = estimated ? '≈' : ''
  return `${mark}${inputTokens.toLocaleString()} / ${mark}${outputTokens.toLocaleString()}`
}

/** Reasoning tokens and cache reads/writes, shown only when the provider reported them. */
function usageDetails(view: RunView): [string, string][] {
  const { reasoningTokens, cacheReadTokens, cacheWriteTokens } = view.usage
  const rows: [string, string][] = []
  if (reasoningTokens) rows.push(['Thinking tokens', reasoningTokens.toLocaleString()])
  if (cacheReadTokens || cacheWriteTokens) rows.push(['Cache read / write', `${(cacheReadTokens ?? 0).toLocaleString()} / ${(cacheWriteTokens ?? 0).toLocaleString()}`])
  return rows
}
