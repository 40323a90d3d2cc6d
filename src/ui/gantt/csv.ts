// Gantt spans as CSV (RFC 4180): one row per span, fields quoted only when they must be.
import type { GanttSpan } from '../../runs/types.ts'

/** The CSV header row, in column order. */
export const CSV_HEADER = ['run', 'kind', 'name', 'turn', 'call_id', 'start_ms', 'end_ms', 'duration_ms', 'status', 'critical'] as const

/** Quote a field when it holds a comma, quote, CR or LF; double inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value
}

function num(ms: number): string {
  // Three decimals are below any clock's resolution here; trailing zeros add nothing.
  return String(Math.round(ms * 1000) / 1000)
}

/** The spans as a CSV document with CRLF line ends, header first. */
export function spansToCsv(spans: readonly GanttSpan[]): string {
  const rows = [CSV_HEADER.join(',')]
  for (const span of spans) {
    const status = span.running ? 'running' : (span.status ?? (span.kind === 'model' ? 'ok' : ''))
    rows.push(
      [
        span.run,
        span.kind,
        span.name,
        String(span.turn),
        span.callId ?? '',
        num(span.startMs),
        num(span.endMs),
        num(Math.max(0, span.endMs - span.startMs)),
        status,
        span.critical ? 'true' : 'false',
      ]
        .map(csvField)
        .join(','),
    )
  }
  return rows.join('\r\n') + '\r\n'
}
