// Bar colours. Fixed hex values (not utility classes) because exported SVG and PNG files must
// look the same outside the page; each reads on both light and dark backgrounds.
import type { GanttSpan } from '../../runs/types.ts'

/** Statuses the chart distinguishes; anything else is drawn as "ok". */
export type BarStatus = 'model' | 'ok' | 'error' | 'timeout' | 'aborted' | 'running'

/** Fill colour per status. */
export const STATUS_COLORS: Record<BarStatus, string> = {
  model: '#8b5cf6',
  ok: '#14b8a6',
  error: '#ef4444',
  timeout: '#f59e0b',
  aborted: '#94a3b8',
  running: '#3b82f6',
}

/** The thinking part of a model call's bar: a lighter shade of the model colour. */
export const THINKING_COLOR = '#c4b5fd'

/** A failed attempt's backoff wait on a model call's bar (the fallback chain retrying). */
export const RETRY_COLOR = '#fcd34d'

/**
 * The critical-path mark: a dark outline, so it reads as emphasis (these calls set the total
 * time), never as a failure, which is what red means on this chart.
 */
export const CRITICAL_COLOR = '#1e293b'

/** Which colour a span gets: running first, then failures, then model or ok. */
export function barStatus(span: GanttSpan): BarStatus {
  if (span.running) return 'running'
  switch (span.status) {
    case 'error':
    case 'timeout':
    case 'aborted':
      return span.status
    default:
      return span.kind === 'model' ? 'model' : 'ok'
  }
}

/** What the chart holds, so its legend shows only that. */
export interface LegendContent {
  statuses: ReadonlySet<BarStatus>
  thinking: boolean
  retries: boolean
  critical: boolean
  firstToken: boolean
  projected: boolean
}

/** The legend content of some spans. */
export function legendContentOf(spans: readonly GanttSpan[], projectedRuns: ReadonlySet<string>): LegendContent {
  const statuses = new Set<BarStatus>()
  let critical = false
  let firstToken = false
  let projected = false
  let thinking = false
  let retries = false
  for (const span of spans) {
    retries ||= (span.retries?.length ?? 0) > 0
    thinking ||= span.kind === 'model' && span.thinkingEndMs !== undefined
    statuses.add(barStatus(span))
    critical ||= span.critical
    firstToken ||= span.kind === 'model' && span.ttftMs !== undefined
    projected ||= projectedRuns.has(span.run)
  }
  return { statuses, thinking, retries, critical, firstToken, projected }
}

/** The legend's entries, in order. */
export const LEGEND: { status: BarStatus; label: string }[] = [
  { status: 'model', label: 'model call' },
  { status: 'ok', label: 'tool call' },
  { status: 'error', label: 'error' },
  { status: 'timeout', label: 'timeout' },
  { status: 'aborted', label: 'aborted' },
  { status: 'running', label: 'running' },
]
