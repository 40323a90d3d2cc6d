// Compare variants (issue 19): 2 to 4 full setups (provider and model, executor, system prompt,
// tools, thinking, offline speeds), each a Settings snapshot with a label, run k times each,
// interleaved A B C A B C, on the same prompt and attachments. Every run records which comparison,
// variant and trial it is, so the table, the history row and the set link are all read off the
// records.
import { createStore } from 'zustand/vanilla'
import { newRunId } from '../core/index.ts'
import { interleavedOrder } from '../runs/variants.ts'
import type { RunRecord } from '../runs/types.ts'
import { compareStore } from './compare.ts'
import { showComparison } from './comparison.ts'
import { conversationStore, lastThreadPrompt, placeForPrompt } from './conversation.ts'
import { missingKeyNotice } from './key-check.ts'
import { keyFor } from './keys.ts'
import { modelOf, providerEntry } from './model-factory.ts'
import { runSeries, type RunRequest } from './run-controller.ts'
import { runsStore, setNotice, setRunFlags } from './runs.ts'
import { defaultSettings, executorOf, settingsStore, type Settings } from './settings.ts'
import { local } from './storage.ts'

/** One setup to compare. */
export interface Variant {
  id: string
  label: string
  settings: Settings
}

export const MAX_VARIANTS = 4

export interface VariantsState {
  variants: Variant[]
  /** Show only the median trial of each variant on the axis. */
  collapsed: boolean
}

const STORAGE_KEY = 'lanes.variants.v1'

/** The variants as the user left them (settings snapshots hold no key), on top of today's defaults. */
function load(): VariantsState {
  try {
    const saved = JSON.parse(local.get(STORAGE_KEY) ?? 'null') as Partial<VariantsState> | null
    const variants = Array.isArray(saved?.variants) ? saved.variants.slice(0, MAX_VARIANTS) : []
    return {
      variants: variants.filter((v) => typeof v.id === 'string' && typeof v.label === 'string' && typeof v.settings === 'object' && v.settings !== null)
        .map((v) => ({ id: v.id, label: v.label, settings: { ...defaultSettings, ...v.settings, local: { ...defaultSettings.local, ...v.settings.local } } })),
      collapsed: saved?.collapsed === true,
    }
  } catch {
    return { variants: [], collapsed: false }
  }
}

export const variantsStore = createStore<VariantsState>(() => load())

variantsStore.subscribe((state) => local.set(STORAGE_KEY, JSON.stringify(state)))

/** A short name for a setup: what sets it apart at a glance ("lanes-local · sequential"). */
export function describeSettings(settings: Settings): string {
  const executor = executorOf(settings).replace('concurrency:', 'limit ')
  const model = settings.provider === 'local' ? 'offline' : modelOf(settings) || providerEntry(settings.provider).label
  return `${model} · ${executor}`
}

function freeLabel(base: string, variants: readonly Variant[]): string {
  const used = new Set(variants.map((v) => v.label))
  let label = base
  for (let n = 2; used.has(label); n++) label = `${base} (${n})`
  return label
}

/** Add a variant: a copy of the current setup (or of the last variant), to edit. At most 4. */
export function addVariant(from: Settings = variantsStore.getState().variants.at(-1)?.settings ?? settingsStore.getState()): void {
  variantsStore.setState((s) => {
    if (s.variants.length >= MAX_VARIANTS) return s
    const settings = structuredClone(from)
    return { variants: [...s.variants, { id: newRunId(), label: freeLabel(describeSettings(settings), s.variants), settings }] }
  })
}

/** Start from the current setup twice, so there is something to change in the second. */
export function startVariants(): void {
  variantsStore.setState({ variants: [] })
  addVariant(settingsStore.getState())
  addVariant(settingsStore.getState())
}

/** Change a variant's settings; its label follows unless the user named it. */
export function updateVariant(id: string, patch: Partial<Settings>): void {
  variantsStore.setState((s) => ({
    variants: s.variants.map((v) => {
      if (v.id !== id) return v
      const settings = { ...v.settings, ...patch, local: { ...v.settings.local, ...patch.local } }
      const others = s.variants.filter((o) => o.id !== id)
      const named = v.label !== freeLabel(describeSettings(v.settings), others)
      return { ...v, settings, label: named ? v.label : freeLabel(describeSettings(settings), others) }
    }),
  }))
}

/** Rename a variant (labels stay distinct: they name the Gantt groups and table rows). */
export function renameVariant(id: string, label: string): void {
  variantsStore.setState((s) => ({ variants: s.variants.map((v) => (v.id === id ? { ...v, label: label.slice(0, 80) } : v)) }))
}

export function removeVariant(id: string): void {
  variantsStore.setState((s) => ({ variants: s.variants.filter((v) => v.id !== id) }))
}

/** Labels made distinct and non-empty, in order. */
function distinctLabels(variants: readonly Variant[]): string[] {
  const used = new Set<string>()
  return variants.map((v, i) => {
    const base = v.label.trim() || `variant ${String.fromCharCode(65 + i)}`
    let label = base
    for (let n = 2; used.has(label); n++) label = `${base} (${n})`
    used.add(label)
    return label
  })
}

/** The requests of a comparison, in the interleaved order it runs them. */
export function comparisonRequests(prompt: string, variants: readonly Variant[], trials: number, id: string, at: number): Omit<RunRequest, 'signal'>[] {
  const labels = distinctLabels(variants)
  return interleavedOrder(variants.length, trials).map(({ variant, trial }, i): Omit<RunRequest, 'signal'> => {
    const v = variants[variant]!
    const label = labels[variant]!
    return {
      prompt, settings: v.settings, executor: executorOf(v.settings), label: `${label} #${trial}`,
      // The comparison replaces what was on the axis; its runs then stay beside each other.
      keepOthers: i > 0, thread: { mode: 'beside', at },
      comparison: { id, variant: label, trial },
    }
  })
}

/**
 * Run the comparison: every variant's key is checked first (nothing runs without one), then
 * trials × variants runs one after another as one busy session with one Stop, which keeps the
 * runs that finished. The runs are then grouped on the axis by variant.
 */
export async function compareVariants(prompt: string): Promise<void> {
  const { variants } = variantsStore.getState()
  if (variants.length < 2 || variants.length > MAX_VARIANTS) {
    setNotice({ kind: 'warning', title: 'Compare needs 2 to 4 variants', detail: 'Add a variant (a copy of the current setup), change what you want to compare, then run.' })
    return
  }
  if (!prompt.trim()) {
    setNotice({ kind: 'warning', title: 'Type a prompt to compare', detail: 'Every variant gets the same prompt and attachments.' })
    return
  }
  for (const variant of variants) {
    const noKey = missingKeyNotice(variant.settings, keyFor)
    if (noKey) return void setNotice({ ...noKey, title: `${noKey.title} (variant “${variant.label}”)` })
  }
  const { trials } = compareStore.getState()
  const place = placeForPrompt(prompt, undefined, lastThreadPrompt())
  const at = place.mode === 'append' ? conversationStore.getState().exchanges.length : place.at
  const id = newRunId()
  const requests = comparisonRequests(prompt, variants, trials, id, at)
  showComparison({ id, title: prompt, variants: distinctLabels(variants), trials })
  variantsStore.setState({ collapsed: false })
  await runSeries(requests)
  groupByVariant(id)
}

/** Order the comparison's runs on the axis by variant, trials in order: a group per variant. */
export function groupByVariant(id: string): void {
  runsStore.setState((s) => {
    const variants: string[] = []
    for (const run of s.runs) if (run.record.comparison?.id === id && !variants.includes(run.record.comparison.variant)) variants.push(run.record.comparison.variant)
    const rank = (record: RunRecord): number => (record.comparison?.id === id ? variants.indexOf(record.comparison.variant) : -1)
    const runs = [...s.runs].sort((a, b) => rank(a.record) - rank(b.record) || (a.record.comparison?.trial ?? 0) - (b.record.comparison?.trial ?? 0))
    return { runs, frame: s.frame + 1 }
  })
}

/**
 * Show only the median trial of each variant (`medianIds`), or every trial again. The other trials
 * are hidden from the axis, not removed: the table still counts them.
 */
export function collapseToMedian(collapsed: boolean, medianIds: readonly string[]): void {
  variantsStore.setState({ collapsed })
  const keep = new Set(medianIds)
  for (const run of runsStore.getState().runs) {
    if (!run.record.comparison) continue
    setRunFlags(run.record.id, { hidden: collapsed && keep.size > 0 && !keep.has(run.record.id) })
  }
}
