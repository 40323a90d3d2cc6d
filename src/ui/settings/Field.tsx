import type { ReactNode } from 'react'

const INPUT = 'mt-1 block w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900'

/** A labelled number input. */
export function NumberField(props: { label: string; value: number; min?: number; max?: number; step?: number; onChange: (value: number) => void; hint?: string; term?: string }): ReactNode {
  return (
    <label className="block text-sm">
      <span className="font-medium" title={props.term}>{props.label}</span>
      <input type="number" className={INPUT} value={props.value} min={props.min} max={props.max} step={props.step ?? 1} onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v)) props.onChange(v) }} />
      {props.hint && <span className="text-xs text-zinc-500 dark:text-zinc-400">{props.hint}</span>}
    </label>
  )
}

/** A labelled text input. */
export function TextField(props: { label: string; value: string; placeholder?: string; onChange: (value: string) => void; list?: string; hint?: string; type?: string }): ReactNode {
  return (
    <label className="block text-sm">
      <span className="font-medium">{props.label}</span>
      <input type={props.type ?? 'text'} className={INPUT} value={props.value} placeholder={props.placeholder} list={props.list} onChange={(e) => props.onChange(e.target.value)} spellCheck={false} autoComplete="off" />
      {props.hint && <span className="text-xs text-zinc-500 dark:text-zinc-400">{props.hint}</span>}
    </label>
  )
}

/** A labelled checkbox. */
export function CheckField(props: { label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string }): ReactNode {
  return (
    <label className="flex items-start gap-2 text-sm">
      <input type="checkbox" className="mt-1" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <span><span className="font-medium">{props.label}</span>{props.hint && <span className="block text-xs text-zinc-500 dark:text-zinc-400">{props.hint}</span>}</span>
    </label>
  )
}

export const inputClass = INPUT
