// Core Tools from custom definitions: enabled ones only, names made provider-safe and unique.
import type { Tool } from '../../core/index.ts'
import { renameTool, uniqueToolNames } from '../names.ts'
import { abortableSleep } from '../sleep.ts'
import type { Sleep } from '../types.ts'
import { createCodeTool, defaultCodeWorker, type CodeWorkerFactory } from './code-tool.ts'
import type { CustomToolDefinition } from './definition.ts'
import { createMockTool } from './mock-tool.ts'

export interface CustomToolOptions {
  /** Names already in use (the demo pack, MCP tools): clashing custom tools are renamed. */
  takenNames?: Iterable<string>
  sleep?: Sleep
  random?: () => number
  createWorker?: CodeWorkerFactory
}

/** The enabled definitions as core Tools; a renamed tool keeps its name as `originalName`. */
export function createCustomTools(definitions: readonly CustomToolDefinition[], options: CustomToolOptions = {}): Tool[] {
  const enabled = definitions.filter((definition) => definition.enabled)
  const names = uniqueToolNames(enabled.map((definition) => definition.name), options.takenNames ?? [])
  const env = { sleep: options.sleep ?? abortableSleep, random: options.random ?? Math.random }
  return enabled.map((definition, index) => {
    const name = names[index] ?? definition.name
    const tool = definition.impl.kind === 'mock'
      ? createMockTool({ ...definition, impl: definition.impl }, definition.name, env)
      : createCodeTool({ ...definition, impl: definition.impl }, definition.name, options.createWorker ?? defaultCodeWorker)
    // Built under the author's name, then renamed, so the card can show the original.
    return name === definition.name ? tool : renameTool(tool, name)
  })
}
