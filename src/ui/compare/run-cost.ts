// The cost of one run for its stats row: the model's price applied to the tokens so far ("≈"
// while an open call's share is an estimate), or "no price" for a model the table lacks.
import { useStore } from 'zustand'
import { costOf, formatCost, priceOfModel } from '../../runs/prices.ts'
import type { RunView } from '../../runs/run-view.ts'
import { pricesStore, priceTable } from '../../state/prices.ts'

/** "$0.0042", "≈$0.0042" while streaming, "free", or "no price". */
export function useRunCost(view: RunView): string {
  const prices = priceTable({ edits: useStore(pricesStore, (s) => s.edits) })
  const price = view.model ? priceOfModel(prices, view.model) : undefined
  if (!price) return 'no price'
  const { inputTokens, outputTokens, estimated } = view.liveUsage
  const usage = { inputTokens, outputTokens, reasoningTokens: view.usage.reasoningTokens ?? 0, cacheReadTokens: view.usage.cacheReadTokens ?? 0, cacheWriteTokens: view.usage.cacheWriteTokens ?? 0 }
  const text = formatCost(costOf(usage, price).usd)
  return estimated && text.startsWith('$') ? `≈${text}` : text
}
