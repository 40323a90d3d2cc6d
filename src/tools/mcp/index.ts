// MCP servers as a tool source. The SDK is about 100 KB of code the page needs only when a
// server is added, so connectMcpServer loads it on first call (its own chunk in the build).
import type { McpConnectOptions, McpServerConnection } from './types.ts'

/** Connect to an MCP server over Streamable HTTP and get its tools as core Tools. */
export async function connectMcpServer(options: McpConnectOptions): Promise<McpServerConnection> {
  const { connectMcpServer: connect } = await import('./connect.ts')
  return connect(options)
}

export type { McpConnectOptions, McpServerConnection } from './types.ts'
export { McpConnectError, CORS_HELP, checkServerUrl, classifyConnectError, displayUrl, type McpFailureKind } from './errors.ts'
export { isMcpContentData, type McpContentBlock, type McpContentData } from './content.ts'
export { McpToolError } from './mcp-tool.ts'
