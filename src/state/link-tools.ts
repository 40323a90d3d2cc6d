// The user's own tools that a link or a run record names: custom tool definitions come in checked,
// code switched off until the user has read it and enabled it; MCP servers come in unconnected
// (a link must not make the page call a server by itself), waiting for Reconnect.
import type { RunConfig } from '../runs/types.ts'
import { mergeCustomTools } from './custom-tools.ts'
import { toolServersStore } from './tool-servers.ts'

/** Words for the banner about what the link's own tools became. */
function describe(config: RunConfig): string[] {
  const words: string[] = []
  const custom = config.customTools ?? []
  if (custom.length) {
    const names = custom.map((t) => String(t['name'] ?? 'unnamed'))
    const code = custom.filter((t) => (t['impl'] as { kind?: unknown } | undefined)?.kind === 'code').map((t) => String(t['name'] ?? 'unnamed'))
    words.push(`your tools: ${names.join(', ')}${code.length ? ` (code switched off until you read and enable it: ${code.join(', ')})` : ''}`)
  }
  const servers = config.mcpServers ?? []
  if (servers.length) words.push(`tool servers: ${servers.map((s) => s.name).join(', ')} (press Reconnect in Settings to use them)`)
  return words
}

/** Add the servers a config names that the user does not have, unconnected. */
function addServers(config: RunConfig): void {
  const { servers } = toolServersStore.getState()
  const missing = (config.mcpServers ?? []).filter((s) => !servers.some((mine) => mine.url === s.url))
  if (!missing.length) return
  toolServersStore.setState({
    servers: [...servers, ...missing.map((s, i) => ({
      id: `link${Date.now().toString(36)}${i}`, url: s.url, name: s.name, policy: 'ask' as const, disabledTools: [], tools: [],
      status: 'error' as const, error: 'Added from a shared link and not connected yet: press Reconnect if you trust this server.',
    }))],
  })
}

/**
 * Bring a config's own tools into the page. Resolves once the custom tools are merged; returns
 * the words for the banner at once (the caller shows them with the rest of the restored setup).
 */
export function restoreLinkTools(config: RunConfig): { words: string[]; done: Promise<void> } {
  addServers(config)
  const done = (async () => {
    if (!config.customTools?.length) return
    const { parseCustomTools } = await import('../tools/custom/index.ts')
    const parsed = await parseCustomTools(config.customTools)
    if (parsed.ok) await mergeCustomTools(parsed.tools)
  })()
  return { words: describe(config), done }
}
