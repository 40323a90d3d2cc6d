// The figures of a comparison of variants (issue 19): per variant, the medians and spreads of its
// trials, tokens and cost; which variant is fastest and cheapest, and how much of each gap to the
// fastest is model time and how much tool time. Pure: records and a price table in, numbers out.
import type { AgentEvent } from '../core/index.ts'
import { median } from './compare.ts'
import { metricsOf } from './metrics.ts'
import { costOf, priceOf, type PriceTable } from './prices.ts'
import type { RunMetrics, RunRecord } from './types.ts'

/** The order Compare runs k trials of n variants: A B C A B C …, so drift hits every variant alike. */
export function interleavedOrder(variants: number, trials: number): { variant: number; trial: number }[] {
  const order: { variant: number; trial: number }[] = []
  for (let trial = 1; trial <= trials; trial++) for (let variant = 0; variant < variants; variant++) order.push({ variant, trial })
  return order
}

/** A median with the smallest and largest value. */
export interface Spread {
  median: number
  min: number
  max: number
}

/** One row of the comparison table. */
export interface VariantRow {
  label: string
  /** Finished trials measured. */
  runs: number
  makespanMs: Spread
  /** Medians over the trials (NaN when no trial had one). */
  ttftMs: number
  thinkingMs: number
  toolTimeMs: number
  /** Wall time with at least one tool running: what the executor changes. */
  toolPhaseMs: number
  modelTimeMs: number
  turns: number
  toolCalls: number
  /** Tool calls per turn that called tools, averaged over those turns (median over trials). */
  parallelPerTurn: number
  inputTokens: number
  outputTokens: number
  reasoningTokens: number
  cacheReadTokens: number
  /** Median cost of a trial in USD; undefined when a trial's model has no price. */
  costUsd: number | undefined
  /** The record of the trial whose makespan is the median one (the lower middle for even counts). */
  medianRunId: string | undefined
  /** The trials' models, for the table's caption ("gpt-5.4-mini"). */
  models: string[]
}

/** How a variant differs from the fastest one, split by where the time went. */
export interface Gap {
  label: string
  /** Median makespan minus the fastest's. */
  slowerMs: number
  /** Of which model time (calls, thinking, streaming) and tool phase (wall time in tools). */
  modelMs: number
  toolMs: number
  /** The rest: turn overheads and noise. */
  otherMs: number
  /** Median cost minus the cheapest's, when both have a price. */
  costlierUsd?: number
}

/** The whole table. */
export interface VariantTable {
  rows: VariantRow[]
  fastest?: string
  /** Undefined when no variant has a price, or all cost the same. */
  cheapest?: string
  /** One per variant other than the fastest. */
  gaps: Gap[]
  /** Set when trials made different numbers of tool calls within a variant (the model varied). */
  note?: string
}

/** True for a run that was stopped before it finished: Compare keeps it on the axis, not in the figures. */
export function wasStopped(record: RunRecord): boolean {
  const end = record.events.at(-1)
  return end?.type !== 'run-end' || end.result.stopReason === 'aborted'
}

/** A variant's finished trials. */
export interface VariantGroup {
  label: string
  records: readonly RunRecord[]
}

/** Tool calls per turn that called any, averaged over such turns (0 when none did). */
export function parallelCallsPerTurn(events: readonly AgentEvent[]): number {
  const perTurn = new Map<number, number>()
  for (const event of events) if (event.type === 'tool-start') perTurn.set(event.turn, (perTurn.get(event.turn) ?? 0) + 1)
  if (perTurn.size === 0) return 0
  let calls = 0
  for (const n of perTurn.values()) calls += n
  return calls / perTurn.size
}

const spreadOf = (values: readonly number[]): Spread => values.length
  ? { median: median(values), min: Math.min(...values), max: Math.max(...values) }
  : { median: Number.NaN, min: Number.NaN, max: Number.NaN }

const medianOf = (metrics: readonly RunMetrics[], pick: (m: RunMetrics) => number | undefined): number =>
  median(metrics.map(pick).filter((v): v is number => v !== undefined))

function rowOf(group: VariantGroup, prices: PriceTable): VariantRow {
  const metrics = group.records.map((record) => metricsOf(record.events))
  const costs = group.records.map((record, i) => {
    const price = priceOf(prices, record.config.model)
    return price ? costOf(metrics[i]!, price).usd : undefined
  })
  const makespans = metrics.map((m) => m.makespanMs)
  const sorted = makespans.map((ms, i) => ({ ms, i })).sort((a, b) => a.ms - b.ms)
  const middle = sorted[(sorted.length - 1) >> 1]
  return {
    label: group.label,
    runs: metrics.length,
    makespanMs: spreadOf(makespans),
    ttftMs: medianOf(metrics, (m) => m.ttftMs),
    thinkingMs: medianOf(metrics, (m) => m.thinkingMs),
    toolTimeMs: medianOf(metrics, (m) => m.toolTimeMs),
    toolPhaseMs: medianOf(metrics, (m) => m.toolPhaseMs),
    modelTimeMs: medianOf(metrics, (m) => m.modelTimeMs),
    turns: medianOf(metrics, (m) => m.turns),
    toolCalls: medianOf(metrics, (m) => m.toolCalls),
    parallelPerTurn: median(group.records.map((record) => parallelCallsPerTurn(record.events))),
    inputTokens: medianOf(metrics, (m) => m.inputTokens),
    outputTokens: medianOf(metrics, (m) => m.outputTokens),
    reasoningTokens: medianOf(metrics, (m) => m.reasoningTokens),
    cacheReadTokens: medianOf(metrics, (m) => m.cacheReadTokens),
    costUsd: costs.length && costs.every((c) => c !== undefined) ? median(costs as number[]) : undefined,
    medianRunId: middle ? group.records[middle.i]?.id : undefined,
    models: [...new Set(group.records.map((record) => record.config.model))],
  }
}

/**
 * The comparison table of these variants: a row each, the fastest (lowest median makespan) and
 * the cheapest (lowest median cost, among variants with a price), and for every other variant
 * how much slower it is than the fastest and how much of that is model time and tool phase.
 */
export function variantTable(groups: readonly VariantGroup[], prices: PriceTable): VariantTable {
  const rows = groups.map((group) => ({ ...group, records: group.records.filter((record) => !wasStopped(record)) })).filter((group) => group.records.length > 0).map((group) => rowOf(group, prices))
  const table: VariantTable = { rows, gaps: [] }
  if (rows.length === 0) return table
  const fastest = rows.reduce((best, row) => (row.makespanMs.median < best.makespanMs.median ? row : best))
  table.fastest = fastest.label
  const priced = rows.filter((row) => row.costUsd !== undefined)
  const cheapest = priced.length ? priced.reduce((best, row) => (row.costUsd! < best.costUsd! ? row : best)) : undefined
  // A tie for everyone (all free, say) names no cheapest: none of them is.
  if (cheapest && priced.some((row) => row.costUsd! > cheapest.costUsd!)) table.cheapest = cheapest.label
  for (const row of rows) {
    if (row === fastest) continue
    const slowerMs = row.makespanMs.median - fastest.makespanMs.median
    const modelMs = row.modelTimeMs - fastest.modelTimeMs
    const toolMs = row.toolPhaseMs - fastest.toolPhaseMs
    const gap: Gap = { label: row.label, slowerMs, modelMs, toolMs, otherMs: slowerMs - modelMs - toolMs }
    if (table.cheapest && cheapest && row.costUsd !== undefined) gap.costlierUsd = row.costUsd - cheapest.costUsd!
    table.gaps.push(gap)
  }
  const varied = groups.filter((group) => new Set(group.records.map((record) => metricsOf(record.events).toolCalls)).size > 1).map((group) => group.label)
  if (varied.length) table.note = `Trials of ${varied.join(', ')} made different numbers of tool calls: the model did different work from trial to trial, so their spread is about the model as much as the setup.`
  return table
}
