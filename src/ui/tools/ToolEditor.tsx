import { useState, type ReactNode } from 'react'
import { checkCustomTool, saveCustomTool } from '../../state/custom-tools.ts'
import { inputClass } from '../settings/Field.tsx'
import { definitionOf, draftFields, type Draft } from './draft.ts'
import { SchemaFields } from './SchemaFields.tsx'
import { schemaOf } from './schema-fields.ts'

const SMALL = 'rounded border border-zinc-300 bg-white px-1 py-0.5 text-sm dark:border-zinc-700 dark:bg-zinc-900'

function Num({ label, value, onChange, min = 0, max, step = 1 }: { label: string; value: number; onChange: (v: number) => void; min?: number; max?: number; step?: number }): ReactNode {
  return (
    <label className="flex items-center gap-1 text-xs">
      <span>{label}</span>
      <input type="number" className={`${SMALL} w-20`} value={value} min={min} max={max} step={step} onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v)) onChange(v) }} />
    </label>
  )
}

/** Make or change a custom tool: name, description, input, and a mock or code behind it. */
export function ToolEditor({ initial, index, onDone }: { initial: Draft; index?: number; onDone: () => void }): ReactNode {
  const [draft, setDraft] = useState(initial)
  const [error, setError] = useState<string | undefined>()
  const set = (patch: Partial<Draft>): void => setDraft((d) => ({ ...d, ...patch }))
  const fields = draftFields(draft)

  const submit = async (): Promise<void> => {
    const built = definitionOf(draft)
    if (!built.ok) return setError(built.error)
    const checked = await checkCustomTool(built.tool)
    if (!checked.ok) return setError(checked.error)
    saveCustomTool(checked.tool, index)
    onDone()
  }

  return (
    // Not a <form>: the page's one submit button is the composer's Run.
    <div role="form" aria-label="Tool editor" className="space-y-2 rounded border border-sky-300 p-2 text-sm dark:border-sky-800">
      <label className="block"><span className="font-medium">Tool name</span>
        <input className={`${inputClass} font-mono`} value={draft.name} onChange={(e) => set({ name: e.target.value })} placeholder="api_fast" spellCheck={false} autoComplete="off" />
      </label>
      <label className="block"><span className="font-medium">Description</span>
        <textarea className={inputClass} rows={2} value={draft.description} onChange={(e) => set({ description: e.target.value })} placeholder="What it does, for the model." />
      </label>
      <div className="space-y-1">
        <span className="font-medium">Input</span>
        {fields ? <SchemaFields fields={fields} onChange={(f) => set({ schemaText: JSON.stringify(schemaOf(f), null, 2) })} /> : <p className="text-xs text-zinc-500 dark:text-zinc-400">This schema is richer than the form: edit it as JSON.</p>}
        <details open={!fields}>
          <summary className="cursor-pointer text-xs text-zinc-500 dark:text-zinc-400">JSON Schema</summary>
          <textarea aria-label="Input JSON Schema" className={`${inputClass} font-mono text-xs`} rows={6} value={draft.schemaText} onChange={(e) => set({ schemaText: e.target.value })} spellCheck={false} />
        </details>
      </div>
      <fieldset className="flex gap-3 text-sm">
        <legend className="sr-only">Kind of tool</legend>
        <label className="flex items-center gap-1"><input type="radio" name="tool-kind" checked={draft.kind === 'mock'} onChange={() => set({ kind: 'mock' })} />Mock</label>
        <label className="flex items-center gap-1"><input type="radio" name="tool-kind" checked={draft.kind === 'code'} onChange={() => set({ kind: 'code' })} />Code</label>
      </fieldset>
      {draft.kind === 'mock' ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-2 text-xs">
            <select aria-label="Delay" className={SMALL} value={draft.delayKind} onChange={(e) => set({ delayKind: e.target.value === 'random' ? 'random' : 'fixed' })}>
              <option value="fixed">Fixed delay</option>
              <option value="random">Random delay</option>
            </select>
            {draft.delayKind === 'fixed'
              ? <Num label="ms" value={draft.delayMs} step={100} onChange={(v) => set({ delayMs: v })} />
              : <><Num label="from ms" value={draft.minMs} step={100} onChange={(v) => set({ minMs: v })} /><Num label="to ms" value={draft.maxMs} step={100} onChange={(v) => set({ maxMs: v })} /></>}
          </div>
          <label className="block text-xs"><span className="font-medium">Progress steps (one message a line)</span>
            <textarea className={inputClass} rows={2} value={draft.steps} onChange={(e) => set({ steps: e.target.value })} placeholder={'Connecting…\nFetching {{query}}…'} />
          </label>
          <label className="block text-xs"><span className="font-medium">Output</span>
            <textarea aria-label="Output" className={`${inputClass} font-mono`} rows={2} value={draft.output} onChange={(e) => set({ output: e.target.value })} />
            <span className="text-zinc-500 dark:text-zinc-400">{'{{name}}'} puts in an argument, {'{{args}}'} all of them as JSON.</span>
          </label>
          <div className="flex flex-wrap items-center gap-2">
            <Num label="Fails % of calls" value={draft.failurePercent} max={100} onChange={(v) => set({ failurePercent: Math.min(100, Math.max(0, v)) })} />
            <input aria-label="Failure message" className={`${SMALL} min-w-0 flex-1 text-xs`} value={draft.failureMessage} onChange={(e) => set({ failureMessage: e.target.value })} placeholder="Failure message" />
          </div>
        </div>
      ) : (
        <label className="block text-xs"><span className="font-medium">Code: the body of an async generator</span>
          <textarea aria-label="Code" className={`${inputClass} font-mono text-xs`} rows={8} value={draft.body} onChange={(e) => set({ body: e.target.value })} spellCheck={false} />
          <span className="text-zinc-500 dark:text-zinc-400">Runs in its own worker per call, with no access to the page, its storage, its keys or the network. Stop and the time limit end it.</span>
        </label>
      )}
      <Num label="Time limit (s, 0 = the agent's)" value={draft.timeoutS} step={0.5} onChange={(v) => set({ timeoutS: Math.max(0, v) })} />
      {error && <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{error}</p>}
      <div className="flex gap-2">
        <button type="button" onClick={() => void submit()} className="rounded bg-sky-700 px-2.5 py-1 font-medium text-white hover:bg-sky-800">Save tool</button>
        <button type="button" onClick={onDone} className="rounded border border-zinc-300 px-2.5 py-1 dark:border-zinc-700">Cancel</button>
      </div>
    </div>
  )
}
