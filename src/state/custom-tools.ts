// The user's custom tools (mocks and code), saved in localStorage, exported and imported as JSON,
// and carried in run records and links as definitions. What arrives from outside (a file, a link,
// a record) never runs code on its own: code tools come in disabled until the user enables them.
import { createStore } from 'zustand/vanilla'
import type { CustomToolDefinition, ImportResult } from '../tools/custom/index.ts'
import { local } from './storage.ts'

export interface CustomToolsState {
  tools: CustomToolDefinition[]
  /** Checked against the definition schema (it loads on first use). */
  loaded: boolean
}

const STORAGE_KEY = 'lanes.custom-tools.v1'

function readSaved(): unknown[] {
  try {
    const value: unknown = JSON.parse(local.get(STORAGE_KEY) ?? '[]')
    return Array.isArray(value) ? value : []
  } catch {
    return []
  }
}

export const customToolsStore = createStore<CustomToolsState>(() => ({ tools: [], loaded: false }))

function save(tools: CustomToolDefinition[]): void {
  customToolsStore.setState({ tools, loaded: true })
  local.set(STORAGE_KEY, JSON.stringify(tools))
}

let loading: Promise<void> | undefined
/**
 * Read the saved tools once (the schema's module loads on first use). The user's own storage is
 * trusted with the enabled flags it holds: these are tools they enabled here.
 */
export function loadCustomTools(): Promise<void> {
  loading ??= (async () => {
    const saved = readSaved()
    // Nothing saved: no need to load the schema's module at all.
    if (saved.length === 0) return void customToolsStore.setState({ loaded: true })
    const { parseCustomTools } = await import('../tools/custom/index.ts')
    const parsed = await parseCustomTools(saved)
    const enabledBefore = saved.map((item) => typeof item === 'object' && item !== null && (item as { enabled?: unknown }).enabled !== false)
    const tools = parsed.ok ? parsed.tools.map((tool, i) => ({ ...tool, enabled: enabledBefore[i] ?? tool.enabled })) : []
    customToolsStore.setState({ tools, loaded: true })
  })()
  return loading
}

/** Add a tool, or replace the one at `index`. */
export function saveCustomTool(tool: CustomToolDefinition, index?: number): void {
  const tools = [...customToolsStore.getState().tools]
  if (index !== undefined && index >= 0 && index < tools.length) tools[index] = tool
  else tools.push(tool)
  save(tools)
}

export function removeCustomTool(index: number): void {
  save(customToolsStore.getState().tools.filter((_, i) => i !== index))
}

export function setCustomToolEnabled(index: number, enabled: boolean): void {
  save(customToolsStore.getState().tools.map((tool, i) => (i === index ? { ...tool, enabled } : tool)))
}

function sameTool(a: CustomToolDefinition, b: CustomToolDefinition): boolean {
  return a.name === b.name && JSON.stringify(a.impl) === JSON.stringify(b.impl) && JSON.stringify(a.inputSchema) === JSON.stringify(b.inputSchema)
}

function freeName(base: string, tools: readonly CustomToolDefinition[]): string {
  let name = base
  for (let n = 2; tools.some((t) => t.name === name); n++) name = `${base} ${n}`
  return name
}

/**
 * Bring in definitions from outside (checked, code disabled). One the user already has, the
 * same in every part that runs, keeps its own enabled flag (code they enabled stays enabled);
 * any other is added. Returns the code tools left disabled.
 */
export async function mergeCustomTools(incoming: readonly CustomToolDefinition[]): Promise<string[]> {
  await loadCustomTools()
  const tools = [...customToolsStore.getState().tools]
  const waiting: string[] = []
  for (const tool of incoming) {
    const at = tools.findIndex((t) => t.name === tool.name)
    const mine = at >= 0 ? tools[at] : undefined
    if (mine && sameTool(mine, tool)) {
      if (!mine.enabled && tool.impl.kind === 'mock') tools[at] = { ...mine, enabled: true }
      else if (!mine.enabled) waiting.push(tool.name)
      continue
    }
    // A different tool of the same name: the user's stays as it is (nothing of theirs is lost),
    // the incoming one is added beside it under a name that says where it came from.
    const name = mine ? freeName(`${tool.name} (shared)`, tools) : tool.name
    if (tool.impl.kind === 'code') waiting.push(name)
    tools.push({ ...tool, name })
  }
  save(tools)
  return waiting
}

/** Import a custom tools file: a message for the user either way. */
export async function importCustomToolsFile(text: string): Promise<{ ok: boolean; message: string }> {
  const { importCustomTools } = await import('../tools/custom/index.ts')
  const result: ImportResult = await importCustomTools(text)
  if (!result.ok) return { ok: false, message: result.error }
  const waiting = await mergeCustomTools(result.tools)
  const count = `Imported ${result.tools.length} tool${result.tools.length === 1 ? '' : 's'}.`
  return { ok: true, message: waiting.length ? `${count} Code tools arrive switched off: read ${waiting.join(', ')} and enable ${waiting.length === 1 ? 'it' : 'them'} to run.` : count }
}

/** The export file of every custom tool. */
export async function exportCustomToolsFile(): Promise<string> {
  await loadCustomTools()
  const { exportCustomTools } = await import('../tools/custom/index.ts')
  return exportCustomTools(customToolsStore.getState().tools)
}

/** The enabled tools a run builds (and its record carries). */
export async function customToolsForJob(): Promise<CustomToolDefinition[]> {
  await loadCustomTools()
  return customToolsStore.getState().tools.filter((tool) => tool.enabled)
}

/** Check one definition from the editor; the user wrote it here, so its enabled flag stands. */
export async function checkCustomTool(input: CustomToolDefinition): Promise<{ ok: true; tool: CustomToolDefinition } | { ok: false; error: string }> {
  const { parseCustomTools } = await import('../tools/custom/index.ts')
  const result = await parseCustomTools([input])
  const tool = result.ok ? result.tools[0] : undefined
  if (tool) return { ok: true, tool: { ...tool, enabled: input.enabled } }
  const error = result.ok ? 'The tool is empty.' : result.error.replace('The custom tools are not valid: ', '').replace(/(^|; )0\./g, '$1')
  return { ok: false, error: `This tool has a problem: ${error}` }
}

export type { CustomToolDefinition }
