import type { Tool } from '../core/index.ts'
import { createToolPacks, findPack } from '../tools/index.ts'
import type { Settings } from './settings.ts'

/** The tools the settings switch on. Apart from agent-job.ts, so the page can name them without loading the agent loop. */
export function toolsFor(settings: Settings): Tool[] {
  const pack = findPack(createToolPacks({ speed: settings.local.toolSpeed }), settings.toolPack)
  return (pack?.tools ?? []).filter((tool) => !settings.disabledTools.includes(tool.name))
}
