import { describe, expect, it } from 'vitest'
import { metricsOf } from '../metrics.ts'
import { costOf, formatCost, checkPrice, priceOf, SHIPPED_PRICES, type ModelPrice } from '../prices.ts'
import { sampleComparisonRecords, SAMPLE_VARIANTS } from '../samples-compare.ts'
import { sampleThinkingRecord } from '../samples.ts'
import type { RunRecord } from '../types.ts'
import { interleavedOrder, parallelCallsPerTurn, variantTable, type VariantGroup } from '../variants.ts'

/** The sample comparison grouped by variant, as Compare records it. */
function groups(records: RunRecord[] = sampleComparisonRecords()): VariantGroup[] {
  return SAMPLE_VARIANTS.map((variant) => ({ label: variant.label, records: records.filter((r) => r.comparison?.variant === variant.label) }))
}

describe('interleaved order', () => {
  it('runs trial 1 of every variant, then trial 2 of every variant, …', () => {
    expect(interleavedOrder(3, 2).map(({ variant, trial }) => `${'ABC'[variant]}${trial}`).join(' ')).toBe('A1 B1 C1 A2 B2 C2')
    expect(interleavedOrder(2, 0)).toEqual([])
  })
  it('is the order the sample comparison was recorded in', () => {
    expect(sampleComparisonRecords().map((r) => r.label)).toEqual(interleavedOrder(4, 3).map(({ variant, trial }) => `${SAMPLE_VARIANTS[variant]!.label} #${trial}`))
  })
})

describe('cost', () => {
  const price: ModelPrice = { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15, checked: '2026-11-30', source: 'test' }
  it('prices cached reads and cache writes apart from fresh input', () => {
    const cost = costOf({ inputTokens: 1_000_000, cacheReadTokens: 600_000, cacheWriteTokens: 100_000, outputTokens: 100_000, reasoningTokens: 0 }, price)
    expect(cost.input).toBeCloseTo(0.9) // 300k fresh × $3/M
    expect(cost.cachedInput).toBeCloseTo(0.18) // 600k × $0.30/M
    expect(cost.cacheWrite).toBeCloseTo(0.375) // 100k × $3.75/M
    expect(cost.output).toBeCloseTo(1.5)
    expect(cost.usd).toBeCloseTo(2.955)
  })
  it('prices reasoning as output unless it has its own price, and caps counts that overlap', () => {
    const usage = { inputTokens: 100, cacheReadTokens: 500, cacheWriteTokens: 0, outputTokens: 1_000_000, reasoningTokens: 400_000 }
    expect(costOf(usage, price).usd).toBeCloseTo(15 + 100 * 0.3 / 1e6)
    expect(costOf(usage, { ...price, reasoning: 30 }).usd).toBeCloseTo(600_000 * 15 / 1e6 + 400_000 * 30 / 1e6 + 100 * 0.3 / 1e6)
  })
  it('costs a recorded thinking run with its cache reads at the cached rate', () => {
    const m = metricsOf(sampleThinkingRecord().events)
    expect(m.cacheReadTokens).toBeGreaterThan(0)
    const cost = costOf(m, price)
    expect(cost.usd).toBeCloseTo(((m.inputTokens - m.cacheReadTokens) * 3 + m.cacheReadTokens * 0.3 + m.outputTokens * 15) / 1e6, 12)
  })
  it('ships a dated price for every preset default model, and none for unknown models', () => {
    for (const model of ['gpt-5.4-mini', 'claude-sonnet-5', 'gemini-3.6-flash', 'deepseek-v4-flash', 'mistral-medium-latest', 'grok-4.3', 'lanes-local']) {
      expect(priceOf(SHIPPED_PRICES, model)?.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    expect(priceOf(SHIPPED_PRICES, 'some-new-model')).toBeUndefined()
    expect(priceOf(SHIPPED_PRICES, 'constructor')).toBeUndefined()
  })
  it('formats costs and checks typed prices', () => {
    expect(formatCost(undefined)).toBe('no price')
    expect(formatCost(0)).toBe('free')
    expect(formatCost(0.000123)).toBe('$0.00012')
    expect(formatCost(0.5)).toBe('$0.5000')
    expect(checkPrice({ input: '$1.5', output: 3, cachedInput: '' })).toEqual({ ok: true, value: { input: 1.5, output: 3 } })
    expect(checkPrice({ input: '-1', output: 3 })).toMatchObject({ ok: false })
    expect(checkPrice({ output: 3 })).toMatchObject({ ok: false, error: expect.stringMatching(/input price is missing/) })
  })
})

describe('variant table from a recorded comparison', () => {
  const table = variantTable(groups(), SHIPPED_PRICES)
  const row = (label: string) => table.rows.find((r) => r.label === label)!

  it('has a row per variant with the median and spread of its trials', () => {
    expect(table.rows.map((r) => r.label)).toEqual(['concurrent', 'sequential', 'limit 2', 'slow model'])
    for (const r of table.rows) {
      const spans = sampleComparisonRecords().filter((x) => x.comparison?.variant === r.label).map((x) => metricsOf(x.events).makespanMs).sort((a, b) => a - b)
      expect(r.runs).toBe(3)
      expect(r.makespanMs).toEqual({ median: spans[1], min: spans[0], max: spans[2] })
      expect(r.medianRunId).toBeDefined()
    }
  })

  it('orders makespans as the executors should: concurrent < limit 2 < sequential', () => {
    expect(row('concurrent').makespanMs.median).toBeLessThan(row('limit 2').makespanMs.median)
    expect(row('limit 2').makespanMs.median).toBeLessThan(row('sequential').makespanMs.median)
    // Nine 1 s calls: about 1 s of tool phase at once, 5 s two at a time, 9 s one at a time.
    expect(row('concurrent').toolPhaseMs).toBeGreaterThan(1000)
    expect(row('concurrent').toolPhaseMs).toBeLessThan(1100)
    expect(row('limit 2').toolPhaseMs).toBeGreaterThan(5000)
    expect(row('sequential').toolPhaseMs).toBeGreaterThan(9000)
    expect(row('concurrent').parallelPerTurn).toBe(9)
    expect(row('sequential').toolCalls).toBe(9)
    expect(row('sequential').turns).toBe(2)
  })

  it('names the fastest and splits every gap into model time and tool time', () => {
    expect(table.fastest).toBe('concurrent')
    const sequential = table.gaps.find((g) => g.label === 'sequential')!
    expect(sequential.toolMs).toBeGreaterThan(7900)
    expect(Math.abs(sequential.modelMs)).toBeLessThan(50)
    expect(sequential.slowerMs).toBeCloseTo(sequential.modelMs + sequential.toolMs + sequential.otherMs, 6)
    const slow = table.gaps.find((g) => g.label === 'slow model')!
    expect(slow.modelMs).toBeGreaterThan(2000) // 20 tokens/s and 800 ms to first token
    expect(Math.abs(slow.toolMs)).toBeLessThan(50)
  })

  it('prices the offline model as free; an unknown model has no price and no cheapest', () => {
    expect(row('concurrent').costUsd).toBe(0)
    const unknown = sampleComparisonRecords(undefined, 2).map((r) => ({ ...r, config: { ...r.config, model: 'mystery' } }))
    const t = variantTable(groups(unknown), SHIPPED_PRICES)
    expect(t.rows.every((r) => r.costUsd === undefined)).toBe(true)
    expect(t.cheapest).toBeUndefined()
    expect(t.rows[0]!.inputTokens).toBeGreaterThan(0)
  })

  it('names the cheapest by median cost, with cached input priced apart', () => {
    // Same tokens everywhere, but the concurrent variant read half its input from the cache and
    // the sequential one wrote 1,000 more output tokens.
    const records = sampleComparisonRecords()
    for (const record of records) {
      const end = record.events.at(-1)!
      if (end.type !== 'run-end') continue
      if (record.comparison?.variant === 'concurrent') end.result.usage.cacheReadTokens = end.result.usage.inputTokens / 2
      if (record.comparison?.variant === 'sequential') end.result.usage.outputTokens += 1000
    }
    const price = { input: 1, output: 2, cachedInput: 0.1, checked: '2026-11-30', source: 'test' }
    const t = variantTable(groups(records), { 'lanes-local': price })
    expect(t.cheapest).toBe('concurrent')
    const m = metricsOf(records[2]!.events) // "limit 2 #1": no cache reads, no extra output
    const base = (m.inputTokens * 1 + m.outputTokens * 2) / 1e6
    const rowCost = (label: string): number => t.rows.find((r) => r.label === label)!.costUsd!
    expect(rowCost('concurrent')).toBeCloseTo(base - (m.inputTokens / 2) * 0.9 / 1e6, 12)
    expect(rowCost('sequential')).toBeCloseTo(base + 1000 * 2 / 1e6, 12)
    expect(t.gaps.find((g) => g.label === 'sequential')!.costlierUsd).toBeCloseTo(rowCost('sequential') - rowCost('concurrent'), 12)
  })

  it('names no cheapest when every variant costs the same (all free)', () => {
    expect(table.cheapest).toBeUndefined()
    expect(table.gaps.every((gap) => gap.costlierUsd === undefined)).toBe(true)
  })

  it('leaves a stopped trial out of the figures', () => {
    const records = sampleComparisonRecords()
    const stopped = records[0]!
    const end = stopped.events.at(-1)!
    if (end.type === 'run-end') end.result.stopReason = 'aborted'
    expect(variantTable(groups(records), SHIPPED_PRICES).rows[0]!.runs).toBe(2)
  })

  it('counts parallel calls per turn that called tools', () => {
    expect(parallelCallsPerTurn([])).toBe(0)
    expect(parallelCallsPerTurn([
      { type: 'tool-start', t: 0, turn: 1, callId: 'a', name: 'x', args: {} }, { type: 'tool-start', t: 0, turn: 1, callId: 'b', name: 'x', args: {} },
      { type: 'tool-start', t: 0, turn: 2, callId: 'c', name: 'x', args: {} },
    ])).toBe(1.5)
  })
})
