import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { PACKS } from '../../state/catalog.ts'
import { compareStore, setTrials } from '../../state/compare.ts'
import { composerStore } from '../../state/composer.ts'
import { PROVIDERS, baseURLOf, modelOf, providerEntry } from '../../state/model-factory.ts'
import type { Settings } from '../../state/settings.ts'
import { addVariant, compareVariants, MAX_VARIANTS, removeVariant, renameVariant, updateVariant, variantsStore, type Variant } from '../../state/variants.ts'
import { useRuns } from '../hooks.ts'
import { inputClass } from '../settings/Field.tsx'

const LETTERS = 'ABCD'

/**
 * The variants of a comparison, each a full setup made by copying the current one: label,
 * provider and model, executor, system prompt, tool pack, thinking, and the offline model's speeds.
 * Field names carry the variant's letter, so none clashes with the page's own settings.
 */
export function VariantEditor({ onClose }: { onClose: () => void }): ReactNode {
  const variants = useStore(variantsStore, (s) => s.variants)
  const trials = useStore(compareStore, (s) => s.trials)
  const busy = useRuns((s) => s.busy)
  const run = (): void => {
    onClose()
    void compareVariants(composerStore.getState().prompt.trim())
  }
  return (
    <section aria-label="Variants" className="space-y-3 rounded-lg border border-violet-200 bg-white p-3 text-sm shadow-lg dark:border-violet-900 dark:bg-zinc-950">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">Compare variants</h2>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">2 to 4 setups, the same prompt and files, trials interleaved A B C A B C.</span>
        <button type="button" onClick={onClose} aria-label="Close variants" className="ml-auto rounded px-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">✕</button>
      </div>
      <div className="grid gap-3 md:grid-cols-2">
        {variants.map((variant, i) => <VariantCard key={variant.id} variant={variant} letter={LETTERS[i] ?? String(i + 1)} canRemove={variants.length > 1} />)}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" disabled={variants.length >= MAX_VARIANTS} onClick={() => addVariant()} className="rounded border border-zinc-300 px-2 py-1 disabled:opacity-50 dark:border-zinc-700">Add variant</button>
        <label className="flex items-center gap-1">
          Trials of each
          <input type="number" min={1} max={10} value={trials} onChange={(e) => setTrials(Number(e.target.value))} className="w-14 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900" aria-label="Trials per variant" />
        </label>
        <button type="button" disabled={busy || variants.length < 2} onClick={run} className="rounded-lg bg-violet-600 px-3 py-1.5 font-semibold text-white hover:bg-violet-700 disabled:opacity-50">Run comparison</button>
        <span className="text-xs text-zinc-500 dark:text-zinc-400">{variants.length * trials} runs, one after another; Stop keeps the ones that finished.</span>
      </div>
    </section>
  )
}

function VariantCard({ variant, letter, canRemove }: { variant: Variant; letter: string; canRemove: boolean }): ReactNode {
  const s = variant.settings
  const set = (patch: Partial<Settings>): void => updateVariant(variant.id, patch)
  const name = (field: string): string => `${field} of variant ${letter}`
  const local = s.provider === 'local'
  const thinking = providerEntry(s.provider).thinking
  return (
    <fieldset className="space-y-2 rounded border border-zinc-200 p-2 dark:border-zinc-800" data-testid="variant" data-variant={letter}>
      <legend className="px-1 font-semibold">Variant {letter}</legend>
      <div className="flex items-center gap-2">
        <input aria-label={name('Label')} className={inputClass} value={variant.label} onChange={(e) => renameVariant(variant.id, e.target.value)} />
        {canRemove && <button type="button" onClick={() => removeVariant(variant.id)} className="text-xs text-rose-700 underline dark:text-rose-400" aria-label={`Remove variant ${letter}`}>Remove</button>}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <select aria-label={name('Provider')} className={inputClass} value={s.provider} onChange={(e) => set({ provider: e.target.value })}>
          {PROVIDERS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
        <input aria-label={name('Model')} className={inputClass} value={local ? 'lanes-local' : modelOf(s)} disabled={local} onChange={(e) => set({ models: { ...s.models, [s.provider]: e.target.value } })} />
        {!local && <input aria-label={name('Base URL')} className={`${inputClass} col-span-2`} value={baseURLOf(s)} onChange={(e) => set({ baseURLs: { ...s.baseURLs, [s.provider]: e.target.value } })} />}
        <select aria-label={name('Executor')} className={inputClass} value={s.executor} onChange={(e) => set({ executor: e.target.value === 'sequential' ? 'sequential' : e.target.value === 'limit' ? 'limit' : 'concurrent' })}>
          <option value="concurrent">Concurrent</option>
          <option value="sequential">Sequential</option>
          <option value="limit">Limit of N</option>
        </select>
        {s.executor === 'limit'
          ? <input type="number" min={1} max={64} aria-label={name('Limit')} className={inputClass} value={s.concurrency} onChange={(e) => set({ concurrency: Math.max(1, Math.round(Number(e.target.value) || 1)) })} />
          : <span />}
        <select aria-label={name('Tool pack')} className={`${inputClass} col-span-2`} value={s.toolPack} onChange={(e) => set({ toolPack: e.target.value, disabledTools: [] })}>
          {PACKS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </div>
      <ToolChecks settings={s} letter={letter} onChange={(disabledTools) => set({ disabledTools })} />
      <textarea aria-label={name('System prompt')} className={inputClass} rows={2} value={s.system} onChange={(e) => set({ system: e.target.value })} />
      {thinking === 'budget' && <NumberInput label={name('Thinking budget')} text="Thinking budget (tokens, 0 = off)" value={s.thinkingBudgetTokens} onChange={(v) => set({ thinkingBudgetTokens: v })} />}
      {thinking === 'effort' && (
        <select aria-label={name('Reasoning effort')} className={inputClass} value={s.reasoningEffort} onChange={(e) => set({ reasoningEffort: EFFORTS.find((x) => x === e.target.value) ?? '' })}>
          {EFFORTS.map((effort) => <option key={effort} value={effort}>{effort ? `Reasoning effort: ${effort}` : 'Reasoning effort: model default'}</option>)}
        </select>
      )}
      {local && (
        <div className="grid grid-cols-3 gap-2">
          <NumberInput label={name('Time to first token')} text="First token (ms)" value={s.local.ttftMs} onChange={(v) => set({ local: { ...s.local, ttftMs: v } })} />
          <NumberInput label={name('Tokens per second')} text="Tokens/s (0 = instant)" value={s.local.tokensPerSecond} onChange={(v) => set({ local: { ...s.local, tokensPerSecond: v } })} />
          <NumberInput label={name('Tool speed')} text="Tool delay ×" value={s.local.toolSpeed} step={0.1} onChange={(v) => set({ local: { ...s.local, toolSpeed: v } })} />
        </div>
      )}
    </fieldset>
  )
}

/** The tools of the variant's pack, each on or off (the pack's own tools; your own tools follow the page's setting). */
function ToolChecks({ settings, letter, onChange }: { settings: Settings; letter: string; onChange: (disabled: string[]) => void }): ReactNode {
  const tools = PACKS.find((p) => p.id === settings.toolPack)?.tools ?? []
  if (tools.length === 0 || tools.length > 24) return null
  const off = new Set(settings.disabledTools)
  return (
    <div className="flex flex-wrap gap-x-3 gap-y-0.5 text-xs" role="group" aria-label={`Tools of variant ${letter}`}>
      {tools.map((tool) => (
        <label key={tool.name} className="flex items-center gap-1 font-mono">
          <input type="checkbox" checked={!off.has(tool.name)} onChange={(e) => onChange(e.target.checked ? settings.disabledTools.filter((n) => n !== tool.name) : [...settings.disabledTools, tool.name])} />
          {tool.name}
        </label>
      ))}
    </div>
  )
}

const EFFORTS = ['', 'none', 'minimal', 'low', 'medium', 'high', 'xhigh'] as const

function NumberInput({ label, text, value, step, onChange }: { label: string; text: string; value: number; step?: number; onChange: (value: number) => void }): ReactNode {
  return (
    <label className="block text-xs">
      <span>{text}</span>
      <input type="number" min={0} step={step ?? 1} aria-label={label} className={inputClass} value={value} onChange={(e) => { const v = Number(e.target.value); if (Number.isFinite(v) && v >= 0) onChange(v) }} />
    </label>
  )
}
