import type { ReactNode } from 'react'
import type { FieldType, SchemaField } from './schema-fields.ts'

const TYPES: FieldType[] = ['string', 'number', 'integer', 'boolean']
const CELL = 'rounded border border-zinc-300 bg-white px-1 py-0.5 text-xs dark:border-zinc-700 dark:bg-zinc-900'

/** The input's fields as rows: name, type, required, description. */
export function SchemaFields({ fields, onChange }: { fields: SchemaField[]; onChange: (fields: SchemaField[]) => void }): ReactNode {
  const set = (index: number, patch: Partial<SchemaField>): void => onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)))
  return (
    <div className="space-y-1" role="group" aria-label="Input fields">
      {fields.map((field, i) => (
        <div key={i} className="flex flex-wrap items-center gap-1">
          <input aria-label={`Field ${i + 1} name`} className={`${CELL} w-24 font-mono`} value={field.name} onChange={(e) => set(i, { name: e.target.value })} placeholder="name" spellCheck={false} />
          <select aria-label={`Field ${i + 1} type`} className={CELL} value={field.type} onChange={(e) => set(i, { type: e.target.value as FieldType })}>
            {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
          <label className="flex items-center gap-1 text-xs"><input type="checkbox" checked={field.required} onChange={(e) => set(i, { required: e.target.checked })} />required</label>
          <input aria-label={`Field ${i + 1} description`} className={`${CELL} min-w-0 flex-1`} value={field.description} onChange={(e) => set(i, { description: e.target.value })} placeholder="description" />
          <button type="button" aria-label={`Remove field ${i + 1}`} className="px-1 text-zinc-500" onClick={() => onChange(fields.filter((_, j) => j !== i))}>×</button>
        </div>
      ))}
      <button type="button" className="text-xs text-sky-700 underline dark:text-sky-400" onClick={() => onChange([...fields, { name: '', type: 'string', required: false, description: '' }])}>Add field</button>
    </div>
  )
}
