// The tooltip of the hovered or focused bar. Plain React text only: tool arguments and
// results come from models and tools, so they are never interpreted as HTML.
import type { GanttSpan } from '../../runs/types.ts'
import { formatDuration } from './scale.ts'

/** Longest arguments or result text shown before truncation. */
export const TOOLTIP_TEXT_LIMIT = 160

/** `text` cut to `limit` characters with an ellipsis. */
export function truncate(text: string, limit = TOOLTIP_TEXT_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text
}

/** Arguments as compact JSON; values JSON cannot hold fall back to String(). */
export function argsText(args: unknown): string {
  if (args === undefined) return ''
  if (typeof args === 'string') return args
  try {
    return JSON.stringify(args) ?? String(args)
  } catch {
    return String(args)
  }
}

/** Props of the tooltip. */
export interface GanttTooltipProps {
  id: string
  span: GanttSpan
  left: number
  top: number
}

/** A small card with name, run, duration, status, arguments and result of one span. */
export function GanttTooltip({ id, span, left, top }: GanttTooltipProps) {
  const args = argsText(span.args)
  const status = span.running ? 'running' : (span.status ?? 'ok')
  return (
    <div
      id={id}
      role="tooltip"
      data-gantt-tooltip=""
      style={{ left, top }}
      className="pointer-events-none absolute z-10 w-64 rounded-md border border-slate-200 bg-white p-2 text-xs text-slate-800 shadow-lg dark:border-slate-700 dark:bg-slate-800 dark:text-slate-100"
    >
      <p className="font-semibold break-all">{span.name}</p>
      <p className="text-slate-500 dark:text-slate-400">
        {span.kind === 'model' ? `model call, turn ${span.turn}` : `tool call, turn ${span.turn}`} · {span.run}
      </p>
      <p>
        <span data-tooltip-duration="">{formatDuration(span.endMs - span.startMs)}</span> · {status}
        {span.critical ? ' · critical path' : ''}
      </p>
      {span.kind === 'model' && span.ttftMs !== undefined ? <p>first token after {formatDuration(span.ttftMs - span.startMs)}</p> : null}
      {span.retries && span.retries.length > 0 ? (
        <p data-tooltip-retries="">
          {span.retries.length} {span.retries.length === 1 ? 'retry' : 'retries'}, {formatDuration(span.retries.reduce((sum, r) => sum + r.endMs - r.startMs, 0))} waiting: {truncate(span.retries.at(-1)?.reason ?? '', 80)}
        </p>
      ) : null}
      {span.ticks && span.ticks.length > 0 ? <p>{span.ticks.length} progress events</p> : null}
      {args ? <p className="mt-1 font-mono break-all text-slate-600 dark:text-slate-300">args: {truncate(args)}</p> : null}
      {span.output ? <p className="mt-1 font-mono break-all text-slate-600 dark:text-slate-300">result: {truncate(span.output)}</p> : null}
    </div>
  )
}
