// Small measuring helpers shared by the benchmarks: medians, heap peaks, and the PASS/FAIL
// formatting of a figure beside its target.
import { getHeapStatistics } from 'node:v8'

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/** Resolve after `ms` on the real timer. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Run the collector when node was started with --expose-gc; a no-op otherwise. */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  if (gc) {
    gc()
    gc()
  }
}

/** Whether the collector is exposed, so heap figures are meaningful. */
export function gcExposed(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === 'function'
}

/**
 * Run `work` and report the highest heap-used growth over a collected baseline, sampled every
 * millisecond while it runs (timers keep firing because the workloads await real timers).
 */
export async function withHeapPeak<T>(work: () => Promise<T>): Promise<{ value: T; peakBytes: number; ms: number }> {
  collectGarbage()
  // v8's counter is cheap to read; process.memoryUsage() also reads the RSS and would slow the run.
  const base = getHeapStatistics().used_heap_size
  let peak = base
  const sample = (): void => {
    const used = getHeapStatistics().used_heap_size
    if (used > peak) peak = used
  }
  const timer = setInterval(sample, 1)
  const started = performance.now()
  try {
    const value = await work()
    const ms = performance.now() - started
    sample()
    return { value, peakBytes: Math.max(0, peak - base), ms }
  } finally {
    clearInterval(timer)
  }
}

/** One measured figure beside its target. */
export interface Figure {
  key: string
  label: string
  value: number
  unit: string
  /** Target as text, for the table ('≤ 3 ms', '≥ 1,000,000/s', '~2.0'), or '' when informative only. */
  target: string
  pass?: boolean
}

/** Format a number for a table: integers with separators, small values with two decimals. */
export function fmt(value: number, unit = ''): string {
  if (!Number.isFinite(value)) return 'n/a'
  const abs = Math.abs(value)
  const text = abs >= 1000 ? Math.round(value).toLocaleString('en-US') : abs >= 10 ? value.toFixed(1) : value.toFixed(2)
  return unit ? `${text} ${unit}` : text
}

/** A figure as one printed line: label, value, target and PASS/FAIL. */
export function figureLine(figure: Figure): string {
  const verdict = figure.pass === undefined ? '' : figure.pass ? 'PASS' : 'FAIL'
  const target = figure.target ? `target ${figure.target}` : ''
  return `${figure.label.padEnd(52)} ${fmt(figure.value, figure.unit).padStart(16)}  ${target.padEnd(22)} ${verdict}`
}

/** The floor for N sleeps of `delayMs`: all at once, or one after another, with no framework at all. */
export async function bareTools(n: number, delayMs: number, sequential: boolean): Promise<number> {
  const started = performance.now()
  if (sequential) for (let i = 0; i < n; i++) await sleep(delayMs)
  else await Promise.all(Array.from({ length: n }, () => sleep(delayMs)))
  return performance.now() - started
}

/** Megabytes from bytes, for memory figures. */
export function mb(bytes: number): number {
  return bytes / (1024 * 1024)
}
