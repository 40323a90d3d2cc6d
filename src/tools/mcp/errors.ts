// Why a connection to an MCP server failed, in words a user can act on. Messages are built here
// from the failure's kind and the server's origin and path only: never from the server's reply
// or the request (which carry headers, tokens and whatever a server chooses to echo).
import { LanesError } from '../../core/index.ts'

export type McpFailureKind =
  | 'bad-url' // not a URL, or a scheme the page cannot use
  | 'blocked' // a plain-http server that is not on this machine: the page's CSP forbids it
  | 'down' // nothing answered
  | 'cors' // something answered, but the browser hid the reply: missing CORS headers
  | 'not-found' // 404 / 405 / 410: no MCP endpoint at this path
  | 'not-mcp' // an answer, but not MCP (HTML, a JSON API, an unexpected content type)
  | 'unauthorized' // 401 / 403: the token or headers were refused
  | 'server-error' // 5xx
  | 'timeout'
  | 'protocol' // MCP spoke, but the handshake or the tool list failed

/** The headers a server must send for a page on another origin to talk MCP with it. */
export const CORS_HELP =
  'The server must send Access-Control-Allow-Origin (this page\'s origin, or *), ' +
  'Access-Control-Expose-Headers: Mcp-Session-Id, and answer preflight requests with ' +
  'Access-Control-Allow-Headers: content-type, mcp-protocol-version, mcp-session-id, authorization, last-event-id ' +
  'and Access-Control-Allow-Methods: GET, POST, DELETE.'

/** A failed connection to an MCP server. `kind` says why; the message says what to do. */
export class McpConnectError extends LanesError {
  override name = 'McpConnectError'
  constructor(readonly kind: McpFailureKind, message: string, readonly status?: number) {
    super(message)
  }
}

/** The URL as it may be shown: origin and path, without query or fragment (which may hold a token). */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.origin}${parsed.pathname}`
  } catch {
    return 'the server URL'
  }
}

// The hosts the page's CSP lets it reach over plain http (build/pwa.ts connect-src).
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1'])

/**
 * Check a server URL before any request: it must parse, be http(s), and (for plain http) be on
 * this machine, because the page's Content-Security-Policy allows only https and localhost.
 */
export function checkServerUrl(url: string): McpConnectError | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return new McpConnectError('bad-url', 'That is not a URL. Enter the server\'s full address, such as https://example.com/mcp.')
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    return new McpConnectError('bad-url', `MCP servers are reached over http(s), not ${parsed.protocol}. Enter an https:// address.`)
  }
  if (parsed.protocol === 'http:' && !LOCAL_HOSTS.has(parsed.hostname)) {
    return new McpConnectError('blocked', `This page may reach MCP servers over https, or over http only on localhost or 127.0.0.1. Use https for ${parsed.host}.`)
  }
  return undefined
}

/** What the classifier knows about the environment. */
export interface ClassifyContext {
  url: string
  /** The page's origin, when running in a browser; CORS only applies to other origins. */
  pageOrigin?: string
  /**
   * Whether anything answers at the URL when CORS is out of the way (a `no-cors` request, whose
   * reply is opaque but whose success proves the server is up).
   */
  probe?: () => Promise<boolean>
  /**
   * The HTTP status an error carries, if it is an HTTP failure (the SDK's StreamableHTTPError;
   * -1 for an unexpected content type). Injected so this file needs no SDK import and minified
   * class names don't matter.
   */
  statusOf?: (error: unknown) => number | undefined
}

/** Turn any failure of connect/initialize/list into an McpConnectError. */
export async function classifyConnectError(error: unknown, context: ClassifyContext): Promise<McpConnectError> {
  if (error instanceof McpConnectError) return error
  const where = displayUrl(context.url)
  const status = context.statusOf?.(error)
  if (status !== undefined) return fromStatus(status, where)
  if (isNotMcp(error)) {
    return new McpConnectError('not-mcp', `${where} answered, but not as an MCP server (Streamable HTTP). Check the path: it is often /mcp.`)
  }
  if (isTimeout(error)) {
    return new McpConnectError('timeout', `${where} did not answer in time. Check that the server is running and reachable, then try again.`)
  }
  if (isNetworkError(error)) {
    const crossOrigin = context.pageOrigin !== undefined && originOf(context.url) !== context.pageOrigin
    if (crossOrigin && context.probe && (await context.probe().catch(() => false))) {
      return new McpConnectError('cors', `${where} is up, but the browser blocked the reply (CORS). ${CORS_HELP}`)
    }
    const hint = crossOrigin ? ` If it is running, it may also be missing CORS headers: ${CORS_HELP}` : ''
    return new McpConnectError('down', `Nothing answered at ${where}. Check that the server is running and the address and port are right.${hint}`)
  }
  return new McpConnectError('protocol', `${where} did not complete the MCP handshake. Check that it is an MCP server speaking Streamable HTTP.`)
}

function fromStatus(status: number, where: string): McpConnectError {
  if (status === 401 || status === 403) {
    return new McpConnectError('unauthorized', `${where} refused the request (HTTP ${status}). Check the token or headers for this server.`, status)
  }
  if (status === 404 || status === 405 || status === 410) {
    return new McpConnectError('not-found', `There is no MCP endpoint at ${where} (HTTP ${status}). Check the URL: the path is often /mcp.`, status)
  }
  if (status >= 500) {
    return new McpConnectError('server-error', `${where} failed with HTTP ${status}. The server has a problem; check its logs.`, status)
  }
  if (status === -1) return new McpConnectError('not-mcp', `${where} answered, but not as an MCP server (Streamable HTTP). Check the path: it is often /mcp.`)
  return new McpConnectError('not-mcp', `${where} answered HTTP ${status}, which is not an MCP reply. Check the URL.`, status)
}

function isNotMcp(error: unknown): boolean {
  // A JSON or SSE body that does not parse as JSON-RPC: the SDK throws a SyntaxError or a zod error.
  return error instanceof SyntaxError || (error instanceof Error && (error.name === 'ZodError' || error.name === '$ZodError'))
}

function isTimeout(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (error.name === 'TimeoutError') return true
  const code = (error as { code?: unknown }).code
  return code === -32001 // the SDK's McpError RequestTimeout
}

function isNetworkError(error: unknown): boolean {
  // fetch rejects with a TypeError on a network failure, a refused connection or a CORS block.
  return error instanceof TypeError
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin
  } catch {
    return undefined
  }
}
