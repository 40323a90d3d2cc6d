// What a run cost: a price table per model and the cost of a run's token usage under it. Prices
// are US dollars per million tokens. The shipped table covers the presets' current models, each
// with the day it was checked and where the figure came from; the user can edit any row (state/
// prices.ts keeps the edits locally). A model with no row has "no price": its tokens still show.
import type { RunMetrics } from './types.ts'

/** Prices of one model, USD per million tokens. */
export interface ModelPrice {
  input: number
  output: number
  /** Input tokens read from the provider's cache; the input price when left out. */
  cachedInput?: number
  /** Input tokens written to the provider's cache (Anthropic); the input price when left out. */
  cacheWrite?: number
  /** Reasoning tokens, where priced apart from output; the output price when left out. */
  reasoning?: number
  /** The day the price was checked (YYYY-MM-DD). */
  checked: string
  /** Where the figure came from, and whether it is a best estimate. */
  source: string
  estimate?: boolean
  /** Edited by the user (not shipped). */
  edited?: boolean
}

/** Prices by model id. */
export type PriceTable = Readonly<Record<string, ModelPrice>>

/** The day the shipped prices were last checked. */
export const PRICES_CHECKED = '2026-11-30'

/** Prices shipped for the presets' current models (src/providers/presets.ts, state/model-factory.ts). */
export const SHIPPED_PRICES: PriceTable = {
  'lanes-local': { input: 0, output: 0, checked: PRICES_CHECKED, source: 'The offline demo model runs in this page and costs nothing.' },
  'gpt-5.4-mini': { input: 0.75, cachedInput: 0.075, output: 4.5, checked: PRICES_CHECKED, source: "OpenAI's API pricing page as quoted by several price trackers (April to June 2026); reasoning is billed as output." },
  'claude-sonnet-5': { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15, checked: PRICES_CHECKED, estimate: true, source: 'Best estimate: $3 / $15 after the introductory $2 / $10 ended on 2026-08-31 (gateway notes); cache reads 0.1× and 5-minute cache writes 1.25× input, as for every Claude model.' },
  'gemini-3.6-flash': { input: 0.75, cachedInput: 0.075, output: 3.75, checked: PRICES_CHECKED, estimate: true, source: "Best estimate: Google's promotional Flash rate (through 2026-12-31) as resellers quote it; cached input assumed 0.1× input." },
  'deepseek-v4-flash': { input: 0.28, cachedInput: 0.0056, output: 1.12, checked: PRICES_CHECKED, estimate: true, source: "Best estimate: DeepSeek's peak-hour yuan prices for Flash (2 / 0.04 / 8 CNY per million) at 7.1 CNY per USD; off-peak is half." },
  'mistral-medium-latest': { input: 1.5, output: 7.5, checked: PRICES_CHECKED, estimate: true, source: 'Best estimate: Mistral Medium 3.5 as a June 2026 price guide lists it.' },
  'grok-4.3': { input: 1.25, cachedInput: 0.2, output: 2.5, checked: PRICES_CHECKED, source: "xAI's Grok 4.3 model page; reasoning is billed as output." },
}

/** The price row of a model, or undefined for "no price". */
export function priceOf(table: PriceTable, model: string): ModelPrice | undefined {
  return Object.hasOwn(table, model) ? table[model] : undefined
}

/**
 * The price row of a model as a run names it: the config's model id ("gpt-5.4-mini"), or a run-start
 * model that carries its provider ("openai:gpt-5.4-mini").
 */
export function priceOfModel(table: PriceTable, model: string): ModelPrice | undefined {
  const colon = model.indexOf(':')
  return priceOf(table, model) ?? (colon > 0 ? priceOf(table, model.slice(colon + 1)) : undefined)
}

/** The token counts a cost needs (RunMetrics has them). */
export type TokenUsage = Pick<RunMetrics, 'inputTokens' | 'outputTokens' | 'reasoningTokens' | 'cacheReadTokens' | 'cacheWriteTokens'>

/** A run's cost in USD, split by what was billed. */
export interface Cost {
  usd: number
  input: number
  cachedInput: number
  cacheWrite: number
  output: number
  reasoning: number
}

/**
 * The cost of this usage at this price. Input tokens count cached ones too (design.md), so the
 * cache reads and writes are taken out of them and priced at their own rates; reasoning tokens are
 * part of the output and priced apart only where the model prices them apart.
 */
export function costOf(usage: TokenUsage, price: ModelPrice): Cost {
  const perToken = (perMillion: number): number => perMillion / 1_000_000
  const cacheRead = Math.min(usage.cacheReadTokens, usage.inputTokens)
  const cacheWrite = Math.min(usage.cacheWriteTokens, usage.inputTokens - cacheRead)
  const fresh = usage.inputTokens - cacheRead - cacheWrite
  const reasoningTokens = Math.min(usage.reasoningTokens, usage.outputTokens)
  const input = fresh * perToken(price.input)
  const cachedInput = cacheRead * perToken(price.cachedInput ?? price.input)
  const written = cacheWrite * perToken(price.cacheWrite ?? price.input)
  const output = (usage.outputTokens - reasoningTokens) * perToken(price.output)
  const reasoning = reasoningTokens * perToken(price.reasoning ?? price.output)
  return { usd: input + cachedInput + written + output + reasoning, input, cachedInput, cacheWrite: written, output, reasoning }
}

/** A cost as people read it: "$0.0123", "$1.24", "free", or "no price". */
export function formatCost(usd: number | undefined): string {
  if (usd === undefined || Number.isNaN(usd)) return 'no price'
  if (usd === 0) return 'free'
  if (usd < 0.01) return `$${usd.toPrecision(2)}`
  return `$${usd.toFixed(usd < 1 ? 4 : 2)}`
}

/** Check a price row the user typed: non-negative finite numbers, or why not. */
export function checkPrice(row: Record<string, unknown>): { ok: true; value: Pick<ModelPrice, 'input' | 'output' | 'cachedInput' | 'cacheWrite' | 'reasoning'> } | { ok: false; error: string } {
  const value: Record<string, number> = {}
  for (const field of ['input', 'output', 'cachedInput', 'cacheWrite', 'reasoning'] as const) {
    const raw = row[field]
    if (raw === undefined || raw === '') {
      if (field === 'input' || field === 'output') return { ok: false, error: `The ${field} price is missing: give dollars per million tokens, 0 for free.` }
      continue
    }
    const n = typeof raw === 'number' ? raw : Number(String(raw).trim().replace(/^\$/, ''))
    if (!Number.isFinite(n) || n < 0 || n > 10_000) return { ok: false, error: `The ${field} price "${String(raw)}" is not a number of dollars per million tokens between 0 and 10,000.` }
    value[field] = n
  }
  return { ok: true, value: { input: value['input']!, output: value['output']!, ...(value['cachedInput'] !== undefined ? { cachedInput: value['cachedInput'] } : {}), ...(value['cacheWrite'] !== undefined ? { cacheWrite: value['cacheWrite'] } : {}), ...(value['reasoning'] !== undefined ? { reasoning: value['reasoning'] } : {}) } }
}
