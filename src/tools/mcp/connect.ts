// connectMcpServer (design.md "MCP servers as a tool source"): the official SDK's client over
// Streamable HTTP, in the page, with every server tool turned into a core Tool. This module and
// the SDK are loaded on first use only (see index.ts).
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { UnauthorizedError } from '@modelcontextprotocol/sdk/client/auth.js'
import type { Tool } from '../../core/index.ts'
import { evalFreeValidator } from '../json-schema.ts'
import { renameTool, uniqueToolNames } from '../names.ts'
import { checkServerUrl, classifyConnectError, displayUrl, McpConnectError } from './errors.ts'
import { mcpTool, type CallTool, type McpToolInfo } from './mcp-tool.ts'
import { makeRedactor } from './secrets.ts'
import type { McpConnectOptions, McpServerConnection } from './types.ts'

const CLIENT_INFO = { name: 'lanes', version: '0.1.0' }
/** Most servers list their tools in one page; this bounds a server that pages forever. */
const MAX_TOOL_PAGES = 50

/** Connect, initialize, list the tools. Failures are McpConnectErrors that say what to do. */
export async function connectMcpServer(options: McpConnectOptions): Promise<McpServerConnection> {
  const invalid = checkServerUrl(options.url)
  if (invalid) throw invalid
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis)
  const transport = new StreamableHTTPClientTransport(new URL(options.url), {
    fetch: fetchImpl,
    ...(options.headers ? { requestInit: { headers: options.headers } } : {}),
  })
  const client = new Client(CLIENT_INFO, { capabilities: {}, jsonSchemaValidator: evalFreeValidator })
  // The SDK reports transport trouble (a dropped SSE stream it will retry) here; without a
  // handler it would log, and its messages can quote the server's reply.
  client.onerror = () => undefined
  const signal = options.signal
  try {
    signal?.throwIfAborted()
    await client.connect(transport, signal ? { signal } : undefined)
    const infos = await listAllTools(client, signal)
    const server = client.getServerVersion()
    const name = options.name ?? server?.name ?? new URL(options.url).host
    const callTool: CallTool = async (params, { signal: callSignal, timeout, onprogress }) => {
      const result = await client.callTool(params, undefined, {
        signal: callSignal, timeout,
        onprogress: ({ progress, total, message }) => onprogress({ progress, ...(total !== undefined ? { total } : {}), ...(message !== undefined ? { message } : {}) }),
      }).catch((error: unknown) => {
        // mcp-tool.ts describes HTTP failures by status only; the SDK's message quotes the reply.
        const status = statusOf(error)
        throw status !== undefined ? Object.assign(new Error(`HTTP ${status}`), { httpStatus: status }) : error
      })
      return { content: Array.isArray(result.content) ? result.content : [], structuredContent: result.structuredContent, isError: result.isError === true }
    }
    const tools = toTools(infos, callTool, options.takenNames ?? [], makeRedactor(options.headers))
    return {
      name,
      ...(server?.version !== undefined ? { version: server.version } : {}),
      tools,
      close: async () => {
        // End the session on the server too (DELETE), so it can free what it holds for us.
        await transport.terminateSession().catch(() => undefined)
        await client.close()
      },
    }
  } catch (error) {
    await client.close().catch(() => undefined)
    if (signal?.aborted) throw signal.reason
    throw await classifyConnectError(error, {
      url: options.url,
      ...(typeof location !== 'undefined' && typeof location.origin === 'string' ? { pageOrigin: location.origin } : {}),
      probe: () => probe(fetchImpl, options.url),
      statusOf,
    })
  }
}

async function listAllTools(client: Client, signal: AbortSignal | undefined): Promise<McpToolInfo[]> {
  const tools: McpToolInfo[] = []
  let cursor: string | undefined
  for (let page = 0; page < MAX_TOOL_PAGES; page++) {
    const result = await client.listTools(cursor !== undefined ? { cursor } : undefined, signal ? { signal } : undefined)
    tools.push(...result.tools)
    cursor = result.nextCursor
    if (cursor === undefined) break
  }
  return tools
}

/** Core Tools for a server's list: names made valid and unique, the server's name kept for display. */
function toTools(infos: readonly McpToolInfo[], callTool: CallTool, taken: Iterable<string>, redact: (text: string) => string): Tool[] {
  const names = uniqueToolNames(infos.map((info) => info.name), taken)
  return infos.map((info, index) => {
    const name = names[index] ?? info.name
    // Built under the server's name, then renamed, so the card can show the original.
    return renameTool(mcpTool(info, callTool, info.name, redact), name)
  })
}

function statusOf(error: unknown): number | undefined {
  if (error instanceof StreamableHTTPError) return typeof error.code === 'number' ? error.code : undefined
  if (error instanceof UnauthorizedError) return 401
  return undefined
}

/**
 * Whether anything answers at the URL with CORS out of the way: a `no-cors` GET succeeds with an
 * opaque reply from any live server and fails only when nothing is there.
 */
async function probe(fetchImpl: typeof fetch, url: string): Promise<boolean> {
  try {
    await fetchImpl(url, { method: 'GET', mode: 'no-cors', credentials: 'omit', cache: 'no-store' })
    return true
  } catch {
    return false
  }
}

export { McpConnectError, displayUrl }
