// The user's own tools for one run, built where the agent runs (the agent worker, or the page
// when no worker can): MCP servers connected from their URL and headers, and custom tools from
// their definitions. Tools are functions and cannot cross to a worker; these plain shapes can.
import type { Tool } from '../core/index.ts'
import { mergeToolSets, originalNameOf, withApproval, McpConnectError, type ApprovalPolicy, type Approve, type McpConnectOptions, type McpServerConnection } from '../tools/index.ts'
import type { CustomToolDefinition } from '../tools/custom/index.ts'

/** An MCP server as a job carries it. `headers` are secrets: they go to the worker and nowhere else. */
export interface McpServerJob {
  id: string
  url: string
  name: string
  headers?: Record<string, string>
  policy: ApprovalPolicy
  /** The server's own tool names that are switched off. */
  disabledTools: string[]
}

/** The user's tools for a run: servers and custom definitions (enabled ones are built). */
export interface ToolSourcesJob {
  mcpServers: McpServerJob[]
  customTools: CustomToolDefinition[]
}

/**
 * What builds the user's tools: the MCP client and the custom tool factory. The agent worker
 * sets them (agent-worker.ts); the page never does, so the MCP SDK and zod's JSON Schema
 * converter stay out of the page's own bundle (zod is one chunk there, loaded up front).
 */
export interface ToolBuilders {
  connect(options: McpConnectOptions): Promise<McpServerConnection>
  createCustomTools(definitions: readonly CustomToolDefinition[]): Promise<Tool[]>
}

let builders: ToolBuilders | undefined

/** Where the agent runs (the worker, a test), give it what builds the user's tools. */
export function setToolBuilders(next: ToolBuilders): void {
  builders = next
}

/** A run's tools and how to let go of them (close the MCP sessions) when it ends. */
export interface BuiltTools {
  tools: Tool[]
  close(): Promise<void>
}

/**
 * The demo tools first (they keep their names), then each server's enabled tools behind its
 * approval policy, then the enabled custom tools; every name valid and unique, the original kept
 * for the card. A server that cannot be reached fails the whole build with its message, so the
 * run does not start without tools the user asked for.
 */
export async function buildTools(demo: readonly Tool[], sources: ToolSourcesJob | undefined, approve: Approve | undefined, signal?: AbortSignal): Promise<BuiltTools> {
  if (!sources || (sources.mcpServers.length === 0 && !sources.customTools.some((t) => t.enabled))) return { tools: [...demo], close: async () => undefined }
  const build = builders
  if (!build) throw new Error('Your own tools (tool servers, tools made in the page) run in the agent worker, which this browser could not start. Switch them off to run without them.')
  const connections = await Promise.allSettled(sources.mcpServers.map((server) => build.connect({
    url: server.url, name: server.name,
    ...(server.headers ? { headers: server.headers } : {}),
    ...(signal ? { signal } : {}),
  })))
  const opened = connections.flatMap((c) => (c.status === 'fulfilled' ? [c.value] : []))
  const close = async (): Promise<void> => {
    await Promise.allSettled(opened.map((connection) => connection.close()))
  }
  const failed = connections.findIndex((c) => c.status === 'rejected')
  if (failed >= 0) {
    await close()
    const reason = (connections[failed] as PromiseRejectedResult).reason
    const server = sources.mcpServers[failed]
    const why = reason instanceof McpConnectError ? reason.message : 'The connection failed.'
    throw new Error(`The tool server ${server?.name ?? ''} could not be reached for this run. ${why} Fix it, or remove the server in Settings → Tool servers.`)
  }
  const entries: { tool: Tool; server?: McpServerJob }[] = demo.map((tool) => ({ tool }))
  for (const [index, connection] of opened.entries()) {
    const server = sources.mcpServers[index]
    if (!server) continue
    for (const tool of connection.tools) if (!server.disabledTools.includes(originalNameOf(tool))) entries.push({ tool, server })
  }
  const enabled = sources.customTools.filter((t) => t.enabled)
  if (enabled.length) {
    for (const tool of await build.createCustomTools(enabled)) entries.push({ tool })
  }
  const merged = mergeToolSets(entries.map((e) => e.tool))
  const tools = merged.map((tool, index) => {
    const server = entries[index]?.server
    if (!server || server.policy === 'run') return tool
    // With nobody to ask (a benchmark's run), "ask" cannot be answered: the call is denied.
    if (server.policy === 'never' || !approve) return withApproval(tool, { policy: 'never', source: server.name })
    return withApproval(tool, { policy: 'ask', approve, source: server.name })
  })
  return { tools, close }
}
