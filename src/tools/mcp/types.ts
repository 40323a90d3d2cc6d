// The public shapes of connectMcpServer (design.md "MCP servers as a tool source").
import type { Tool } from '../../core/index.ts'

export interface McpConnectOptions {
  /** The Streamable HTTP endpoint. */
  url: string
  /** Sent with every request, e.g. Authorization. Secret like a key: never logged or shown. */
  headers?: Record<string, string>
  /** Display name; defaults to the server's own name, then the URL's host. */
  name?: string
  fetch?: typeof fetch
  /** Aborts the connection attempt. */
  signal?: AbortSignal
  /**
   * Tool names already in use (the demo pack, other servers): clashing server tools are renamed
   * (`search` -> `search_2`) and keep their server name as `originalName`. An addition to design.md.
   */
  takenNames?: Iterable<string>
}

export interface McpServerConnection {
  readonly name: string
  /** The server's own version string, when it sent one. An addition to design.md. */
  readonly version?: string
  readonly tools: Tool[]
  close(): Promise<void>
}
