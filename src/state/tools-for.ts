import type { Tool } from '../core/index.ts'
import { createToolPacks, findPack } from '../tools/index.ts'
import type { ToolPack } from '../tools/index.ts'
import type { Settings } from './settings.ts'

/** The tools the settings switch on. Apart from agent-job.ts, so the page can name them without loading the agent loop. */
export function toolsFor(settings: Settings): Tool[] {
  const pack = findPack(createToolPacks({ speed: settings.local.toolSpeed }), settings.toolPack)
  return (pack?.tools ?? []).filter((tool) => !settings.disabledTools.includes(tool.name))
}

let packs: readonly ToolPack[] | undefined

/**
 * The names of the tools the settings switch on: all the page needs. The packs are built once for
 * this (a pack's names never depend on the settings), not once per run; the tools a run calls
 * are built fresh by its job, since a tool may keep state.
 */
export function toolNamesFor(settings: Settings): string[] {
  packs ??= createToolPacks()
  const names = findPack(packs, settings.toolPack)?.tools.map((tool) => tool.name) ?? []
  return names.filter((name) => !settings.disabledTools.includes(name))
}
