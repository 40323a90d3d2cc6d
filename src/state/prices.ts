// The price table the page uses: the shipped prices (runs/prices.ts) with the user's edits on top,
// kept in localStorage. An edit is checked before it is kept; a stored table that no longer reads
// is dropped for the shipped one rather than break the page.
import { createStore } from 'zustand/vanilla'
import { checkPrice, SHIPPED_PRICES, type ModelPrice, type PriceTable } from '../runs/prices.ts'
import { local } from './storage.ts'

const STORAGE_KEY = 'lanes.prices.v1'

export interface PricesState {
  /** The user's rows, by model id; they win over the shipped ones. */
  edits: Record<string, ModelPrice>
}

function load(): Record<string, ModelPrice> {
  const raw = local.get(STORAGE_KEY)
  if (!raw) return {}
  try {
    const parsed: unknown = JSON.parse(raw)
    if (typeof parsed !== 'object' || parsed === null) return {}
    const edits: Record<string, ModelPrice> = {}
    for (const [model, row] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof row !== 'object' || row === null) continue
      const checked = checkPrice(row as Record<string, unknown>)
      const day = (row as Record<string, unknown>)['checked']
      if (checked.ok && model.length <= 200) edits[model] = { ...checked.value, checked: typeof day === 'string' ? day.slice(0, 10) : '', source: 'Edited on this device.', edited: true }
    }
    return edits
  } catch {
    return {}
  }
}

export const pricesStore = createStore<PricesState>(() => ({ edits: load() }))

pricesStore.subscribe((state) => {
  local.set(STORAGE_KEY, JSON.stringify(state.edits))
})

/** The table in use: shipped prices with the user's edits on top. */
export function priceTable(state: PricesState = pricesStore.getState()): PriceTable {
  return { ...SHIPPED_PRICES, ...state.edits }
}

/** Keep the user's price for a model; returns why not when a figure does not read. */
export function setPrice(model: string, row: Record<string, unknown>, today = new Date()): { ok: true } | { ok: false; error: string } {
  const name = model.trim()
  if (!name) return { ok: false, error: 'Name the model this price is for.' }
  const checked = checkPrice(row)
  if (!checked.ok) return checked
  pricesStore.setState((s) => ({ edits: { ...s.edits, [name]: { ...checked.value, checked: today.toISOString().slice(0, 10), source: 'Edited on this device.', edited: true } } }))
  return { ok: true }
}

/** Drop the user's price for a model (the shipped one, if any, applies again). */
export function resetPrice(model: string): void {
  pricesStore.setState((s) => ({ edits: Object.fromEntries(Object.entries(s.edits).filter(([name]) => name !== model)) }))
}
