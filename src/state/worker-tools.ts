// The user's tools as the agent worker builds them: the MCP client and the custom tool factory
// live here, in the worker's bundle, never in the page's (see tool-sources.ts ToolBuilders).
import { connectMcpServer, McpConnectError, originalNameOf } from '../tools/index.ts'
import { createCustomTools } from '../tools/custom/index.ts'
import type { ServerListing } from './agent-protocol.ts'
import { setToolBuilders } from './tool-sources.ts'

/** Let runs here build MCP and custom tools. */
export function installToolBuilders(): void {
  setToolBuilders({ connect: connectMcpServer, createCustomTools })
}

/** Connect to a server, read its name, version and tools, and close the session again. */
export async function listServer(url: string, headers: Record<string, string> | undefined): Promise<ServerListing> {
  try {
    const connection = await connectMcpServer({ url, ...(headers ? { headers } : {}) })
    const tools = connection.tools.map((tool) => ({ name: originalNameOf(tool), description: tool.description, inputSchema: tool.spec.inputSchema }))
    void connection.close().catch(() => undefined)
    return { ok: true, name: connection.name, ...(connection.version !== undefined ? { version: connection.version } : {}), tools }
  } catch (error) {
    // McpConnectError messages are built from the failure kind and the URL only: safe to show.
    return { ok: false, error: error instanceof McpConnectError ? error.message : 'The connection failed for a reason the browser did not say. Check the URL and that the server is running.' }
  }
}
