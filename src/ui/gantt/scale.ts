// Time-axis arithmetic for the Gantt chart: "nice" ticks (1, 2 or 5 × 10^k) and labels that
// read in milliseconds for short runs and seconds for long ones.

/** The largest axis end, in ms, still labelled in milliseconds; longer axes use seconds. */
export const MS_LABEL_LIMIT = 2000

/** The smallest 1, 2 or 5 × 10^k that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1
  const power = 10 ** Math.floor(Math.log10(raw))
  const fraction = raw / power
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10
  return nice * power
}

/** Tick positions inside [start, end], about `maxCount` of them, on a nice step. */
export function niceTicks(start: number, end: number, maxCount: number): { step: number; ticks: number[] } {
  const span = end - start
  if (!(span > 0)) return { step: 1, ticks: [start] }
  const step = niceStep(span / Math.max(1, maxCount))
  const ticks: number[] = []
  // Integer multiples avoid the drift that repeated float addition would add to labels.
  const first = Math.ceil(start / step)
  const last = Math.floor(end / step)
  for (let i = first; i <= last; i++) ticks.push(i * step)
  return { step, ticks }
}

/** An axis label for `ms`, given the tick step and the axis end (which picks the unit). */
export function formatTick(ms: number, step: number, axisEnd: number): string {
  if (axisEnd <= MS_LABEL_LIMIT) {
    const decimals = step >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(step)))
    return `${trimZero(ms, decimals)} ms`
  }
  const stepS = step / 1000
  const decimals = stepS >= 1 ? 0 : Math.min(3, Math.ceil(-Math.log10(stepS)))
  return `${trimZero(ms / 1000, decimals)} s`
}

/** A duration as people read it: "320 ms", "1.24 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '–'
  const abs = Math.abs(ms)
  if (abs < 10) return `${trimZero(ms, 1)} ms`
  if (abs < 1000) return `${Math.round(ms)} ms`
  if (abs < 10_000) return `${(ms / 1000).toFixed(2)} s`
  if (abs < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(abs / 60_000)
  const seconds = Math.round((abs - minutes * 60_000) / 1000)
  return `${ms < 0 ? '-' : ''}${minutes} min ${seconds} s`
}

function trimZero(value: number, decimals: number): string {
  // -0 would print as "0" anyway, but rounding tiny negatives can produce "-0".
  const fixed = value.toFixed(decimals)
  return fixed === `-${(0).toFixed(decimals)}` ? (0).toFixed(decimals) : fixed
}
