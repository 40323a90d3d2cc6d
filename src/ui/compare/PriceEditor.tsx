import { useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { PRICES_CHECKED, type ModelPrice } from '../../runs/prices.ts'
import { pricesStore, priceTable, resetPrice, setPrice } from '../../state/prices.ts'
import { useRuns } from '../hooks.ts'
import { inputClass } from '../settings/Field.tsx'

const FIELDS = [['input', 'Input'], ['cachedInput', 'Cached input'], ['cacheWrite', 'Cache write'], ['output', 'Output'], ['reasoning', 'Reasoning']] as const

/** The price table: shipped rows (dated, estimates marked) and the user's own, editable. */
export function PriceEditor({ onClose }: { onClose: () => void }): ReactNode {
  const table = priceTable({ edits: useStore(pricesStore, (s) => s.edits) })
  const runs = useRuns((s) => s.runs)
  const models = [...new Set([...Object.keys(table), ...runs.map((r) => r.record.config.model)])].filter(Boolean)
  return (
    <section aria-label="Prices" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-3 text-xs shadow-lg dark:border-zinc-800 dark:bg-zinc-950">
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold">Prices (USD per million tokens)</h2>
        <button type="button" onClick={onClose} aria-label="Close prices" className="ml-auto rounded px-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">✕</button>
      </div>
      <p className="text-zinc-500 dark:text-zinc-400">Shipped prices were checked on {PRICES_CHECKED}; “estimate” marks a best estimate. A blank cached, cache-write or reasoning price means the input or output price. Your edits stay on this device. A model with no row shows its tokens and “no price”.</p>
      <table className="w-full tabular-nums">
        <thead><tr><th className="text-left">Model</th>{FIELDS.map(([, label]) => <th key={label} className="text-left font-medium">{label}</th>)}<th /></tr></thead>
        <tbody>{models.map((model) => <PriceRow key={model} model={model} price={table[model]} />)}</tbody>
      </table>
    </section>
  )
}

function PriceRow({ model, price }: { model: string; price: ModelPrice | undefined }): ReactNode {
  const [draft, setDraft] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map(([field]) => [field, price?.[field] === undefined ? '' : String(price[field])])))
  const [error, setError] = useState('')
  const save = (): void => {
    if (!price && Object.values(draft).every((v) => v.trim() === '')) return setError('')
    const result = setPrice(model, draft)
    setError(result.ok ? '' : result.error)
  }
  return (
    <tr data-testid="price-row" data-model={model} className="align-top">
      <th scope="row" className="pr-2 text-left font-medium">
        {model}
        <span className="block font-normal text-zinc-500" title={price?.source}>{price ? `${price.edited ? 'edited' : `checked ${price.checked}`}${price.estimate ? ' · estimate' : ''}` : 'no price'}</span>
        {error && <span role="alert" className="block text-rose-700 dark:text-rose-400">{error}</span>}
      </th>
      {FIELDS.map(([field, label]) => (
        <td key={field} className="pr-1">
          <input aria-label={`${label} price of ${model}`} className={`${inputClass} w-20`} value={draft[field] ?? ''} onChange={(e) => setDraft({ ...draft, [field]: e.target.value })} onBlur={save} />
        </td>
      ))}
      <td>{price?.edited && <button type="button" className="underline" onClick={() => resetPrice(model)}>Reset</button>}</td>
    </tr>
  )
}

