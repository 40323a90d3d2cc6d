import type { Tool } from '../../core/index.ts'
import { zodFromJsonSchema } from '../json-schema.ts'
import type { CustomToolDefinition } from './definition.ts'

/** A core Tool from a custom definition and its run function (mock or code: only `run` differs). */
export function toolOf(definition: CustomToolDefinition, name: string, run: Tool['run']): Tool {
  const description = definition.description || definition.name
  return {
    name,
    description,
    input: zodFromJsonSchema(definition.inputSchema),
    spec: { name, description, inputSchema: definition.inputSchema },
    run,
    ...(definition.timeoutMs !== undefined ? { timeoutMs: definition.timeoutMs } : {}),
  }
}
