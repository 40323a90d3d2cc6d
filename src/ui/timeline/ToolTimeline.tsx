// The per-tool progress timeline beside the transcript: one lane per tool call on a shared
// scale, growing live, with progress ticks, the fraction as fill and the latest message.
import { memo, useMemo } from 'react'
import { timelineRows, type TimelineCall, type TimelineRow } from './model.ts'

/** Props of the tool timeline. */
export interface ToolTimelineProps {
  calls: TimelineCall[]
  /** The run's current time in ms since it started; running bars reach up to it. */
  nowMs: number
}

const BAR_COLORS: Record<string, string> = {
  running: 'bg-blue-500',
  ok: 'bg-teal-500',
  error: 'bg-red-500',
  timeout: 'bg-amber-500',
  aborted: 'bg-slate-400',
  routed: 'bg-violet-400',
}

function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`
}

const Lane = memo(function Lane({ row }: { row: TimelineRow }) {
  const color = BAR_COLORS[row.status] ?? 'bg-teal-500'
  const fill = row.fraction ?? (row.running ? 0 : 1)
  const facts = [row.status, duration(row.durationMs)]
  if (row.fraction !== undefined) facts.push(`${Math.round(row.fraction * 100)}%`)
  return (
    <li data-call-id={row.callId} data-status={row.status} className="flex flex-col gap-0.5">
      <div className="flex items-center gap-2">
        <span className="w-28 shrink-0 truncate font-mono text-slate-700 dark:text-slate-200" title={row.name}>
          {row.name}
        </span>
        <div className="relative h-2.5 flex-1 rounded-sm bg-slate-100 dark:bg-slate-800" aria-hidden="true">
          <div
            data-bar=""
            className={`absolute inset-y-0 overflow-hidden rounded-sm ${color} transition-[width] duration-200 ease-linear`}
            style={{ left: `${row.leftPct}%`, width: `max(2px, ${row.widthPct}%)`, opacity: row.running ? 0.85 : 1 }}
          >
            <div className={`h-full ${color} brightness-75`} style={{ width: `${fill * 100}%` }} />
          </div>
          {row.ticksPct.map((left, i) => (
            <span key={i} className="absolute inset-y-0 w-px bg-white/80 dark:bg-slate-950/80" style={{ left: `${left}%` }} />
          ))}
        </div>
      </div>
      <p className="truncate pl-30 text-[11px] text-slate-500 dark:text-slate-400">
        <span className="sr-only">{row.name}: </span>
        {facts.join(' · ')}
        {row.message ? ` — ${row.message}` : ''}
      </p>
    </li>
  )
})

/** Lanes drawn at most: a trace of 10,000 calls must not put 10,000 rows in the page (the Gantt shows them all). */
const MAX_LANES = 200

/** The timeline; lists every tool call of the run with text an assistive reader can use. */
export function ToolTimeline({ calls, nowMs }: ToolTimelineProps) {
  const { rows } = useMemo(() => timelineRows(calls, nowMs), [calls, nowMs])
  return (
    <ol role="list" aria-label="Tool timeline" className="flex flex-col gap-1.5 text-xs">
      {rows.length === 0 ? <li className="text-slate-500 dark:text-slate-400">No tool calls yet.</li> : null}
      {rows.slice(0, MAX_LANES).map((row) => (
        <Lane key={row.callId} row={row} />
      ))}
      {rows.length > MAX_LANES ? <li className="text-slate-500 dark:text-slate-400">…and {(rows.length - MAX_LANES).toLocaleString()} more calls, on the Gantt.</li> : null}
    </ol>
  )
}
