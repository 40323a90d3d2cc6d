// Comparisons of executors over repeated trials: medians, paired speedups and where the time went.
import { metricsOf } from './metrics.ts'
import type { RunMetrics, RunRecord } from './types.ts'

/** One executor's trials, in trial order. */
export interface ExecutorGroup {
  executor: string
  records: readonly RunRecord[]
}

/** Medians of one executor's trials. */
export interface ExecutorSummary {
  executor: string
  runs: number
  medianMakespanMs: number
  medianModelTimeMs: number
  medianToolTimeMs: number
  medianToolPhaseMs: number
  /** Tool calls of each trial, in trial order. */
  toolCalls: number[]
}

/** Speedup of `candidate` over `baseline`, trial i paired with trial i. */
export interface SpeedupSummary {
  baseline: string
  candidate: string
  pairs: number
  median: number
  min: number
  max: number
  /** Median makespan saved, split by where it came from (baseline minus candidate). */
  savedMs: number
  toolPhaseSavedMs: number
  modelTimeSavedMs: number
  /** The part of savedMs not explained by tool phase or model time (overheads, noise). */
  otherSavedMs: number
}

/** The result of compareRuns. */
export interface Comparison {
  executors: ExecutorSummary[]
  /** One entry per executor other than the baseline (sequential when present, else the first). */
  speedups: SpeedupSummary[]
  /** Set when trials made different numbers of tool calls: they did different work. */
  mismatch?: string
}

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

function summarize(executor: string, metrics: readonly RunMetrics[]): ExecutorSummary {
  return {
    executor,
    runs: metrics.length,
    medianMakespanMs: median(metrics.map((m) => m.makespanMs)),
    medianModelTimeMs: median(metrics.map((m) => m.modelTimeMs)),
    medianToolTimeMs: median(metrics.map((m) => m.toolTimeMs)),
    medianToolPhaseMs: median(metrics.map((m) => m.toolPhaseMs)),
    toolCalls: metrics.map((m) => m.toolCalls),
  }
}

function speedupOf(base: ExecutorSummary, baseMetrics: readonly RunMetrics[], cand: ExecutorSummary, candMetrics: readonly RunMetrics[]): SpeedupSummary | undefined {
  const ratios: number[] = []
  const pairs = Math.min(baseMetrics.length, candMetrics.length)
  for (let i = 0; i < pairs; i++) {
    const b = baseMetrics[i]!.makespanMs
    const c = candMetrics[i]!.makespanMs
    if (c > 0) ratios.push(b / c)
  }
  if (ratios.length === 0) return undefined
  const savedMs = base.medianMakespanMs - cand.medianMakespanMs
  const toolPhaseSavedMs = base.medianToolPhaseMs - cand.medianToolPhaseMs
  const modelTimeSavedMs = base.medianModelTimeMs - cand.medianModelTimeMs
  return {
    baseline: base.executor, candidate: cand.executor, pairs: ratios.length,
    median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios),
    savedMs, toolPhaseSavedMs, modelTimeSavedMs, otherSavedMs: savedMs - toolPhaseSavedMs - modelTimeSavedMs,
  }
}

function mismatchOf(groups: readonly ExecutorGroup[], summaries: readonly ExecutorSummary[]): string | undefined {
  const seen = new Map<number, string>()
  summaries.forEach((summary, g) => summary.toolCalls.forEach((n, i) => {
    if (!seen.has(n)) seen.set(n, `${groups[g]!.executor} #${i + 1}`)
  }))
  if (seen.size < 2) return undefined
  const examples = [...seen].map(([n, where]) => `${where}: ${n}`).join(', ')
  return `The runs made different numbers of tool calls (${examples}), so they did different work and the timings are not a like-for-like comparison. Use a deterministic model (the offline demo) or compare runs with the same calls.`
}

/**
 * Compare executors: median makespan of each, paired speedups against the baseline (sequential
 * when present), how much of the time saved was tool phase versus model time, and a warning when
 * trials made different numbers of tool calls.
 */
export function compareRuns(groups: readonly ExecutorGroup[]): Comparison {
  const metrics = groups.map((group) => group.records.map((record) => metricsOf(record.events)))
  const executors = groups.map((group, i) => summarize(group.executor, metrics[i]!))
  const baseIndex = Math.max(0, groups.findIndex((group) => group.executor === 'sequential'))
  const speedups: SpeedupSummary[] = []
  executors.forEach((summary, i) => {
    if (i === baseIndex) return
    const speedup = speedupOf(executors[baseIndex]!, metrics[baseIndex]!, summary, metrics[i]!)
    if (speedup) speedups.push(speedup)
  })
  const comparison: Comparison = { executors, speedups }
  const mismatch = mismatchOf(groups, executors)
  if (mismatch) comparison.mismatch = mismatch
  return comparison
}
