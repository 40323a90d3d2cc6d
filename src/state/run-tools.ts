// The user's own tools for one run, from the stores: what the job carries to the agent worker
// (headers included, as secrets) and what the run record keeps (never a header or a query).
import { uniqueToolNames } from '../tools/index.ts'
import type { RunConfig } from '../runs/types.ts'
import { customToolsForJob } from './custom-tools.ts'
import { serversForJob, serverById } from './tool-servers.ts'
import type { ToolSourcesJob } from './tool-sources.ts'

export interface RunTools {
  sources: ToolSourcesJob
  config: Pick<RunConfig, 'mcpServers' | 'customTools' | 'toolNames'>
}

/** A server URL as a record may keep it: no query or fragment (a token could ride there). */
export function recordableUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return url.replace(/[?#].*$/, '')
  }
}

/** The MCP servers and enabled custom tools for a run whose demo tools are `demoNames`. */
export async function userToolsForRun(demoNames: readonly string[]): Promise<RunTools> {
  const mcpServers = serversForJob()
  const customTools = await customToolsForJob()
  if (mcpServers.length === 0 && customTools.length === 0) return { sources: { mcpServers, customTools }, config: {} }
  // The names the model will see, as the worker's merge makes them (from the servers' listings).
  const original: string[] = [...demoNames]
  for (const server of mcpServers) {
    for (const tool of serverById(server.id)?.tools ?? []) if (!server.disabledTools.includes(tool.name)) original.push(tool.name)
  }
  for (const tool of customTools) original.push(tool.name)
  const unique = uniqueToolNames(original)
  const toolNames: Record<string, string> = {}
  unique.forEach((name, i) => {
    const from = original[i]
    if (i >= demoNames.length && from !== undefined && from !== name) toolNames[name] = from
  })
  return {
    sources: { mcpServers, customTools },
    config: {
      ...(mcpServers.length ? { mcpServers: mcpServers.map((s) => ({ url: recordableUrl(s.url), name: s.name })) } : {}),
      ...(customTools.length ? { customTools: customTools.map((t) => JSON.parse(JSON.stringify(t)) as Record<string, unknown>) } : {}),
      ...(Object.keys(toolNames).length ? { toolNames } : {}),
    },
  }
}
