// The MCP servers the user added: URL, what the server said about itself (name, version, tools),
// which tools are switched on, the approval policy, and the connection's status. Saved in
// localStorage without any header (server-secrets.ts holds those). The page connects only to list
// the tools and show the status (through the agent worker); runs connect again there (tool-sources.ts).
import { createStore } from 'zustand/vanilla'
import type { ApprovalPolicy } from '../tools/index.ts'
import { listServerTools } from './agent-client.ts'
import { clearServerHeaders, headersFor, setServerHeaders } from './server-secrets.ts'
import { local } from './storage.ts'
import type { McpServerJob } from './tool-sources.ts'

/** A tool as the server describes it (its own name, which the model may see renamed). */
export interface ServerTool {
  name: string
  description: string
  inputSchema: object
}

export type ServerStatus = 'connecting' | 'connected' | 'error'

export interface ToolServer {
  id: string
  url: string
  /** The server's own name (or the URL's host until it has said). */
  name: string
  version?: string
  policy: ApprovalPolicy
  /** Server tool names (the server's own) switched off. */
  disabledTools: string[]
  tools: ServerTool[]
  status: ServerStatus
  /** Why the last connection failed, in words a user can act on. */
  error?: string
}

export interface ToolServersState {
  servers: ToolServer[]
}

const STORAGE_KEY = 'lanes.tool-servers.v1'

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function load(): ToolServersState {
  const raw = local.get(STORAGE_KEY)
  if (!raw) return { servers: [] }
  try {
    const value: unknown = JSON.parse(raw)
    if (!Array.isArray(value)) return { servers: [] }
    const servers = value.flatMap((item: Partial<ToolServer>): ToolServer[] => {
      if (typeof item?.id !== 'string' || typeof item.url !== 'string') return []
      const policy: ApprovalPolicy = item.policy === 'ask' || item.policy === 'never' ? item.policy : 'run'
      return [{
        id: item.id, url: item.url, name: typeof item.name === 'string' ? item.name : hostOf(item.url),
        ...(typeof item.version === 'string' ? { version: item.version } : {}),
        policy,
        disabledTools: Array.isArray(item.disabledTools) ? item.disabledTools.filter((n): n is string => typeof n === 'string') : [],
        tools: Array.isArray(item.tools) ? item.tools : [],
        // Reconnected on load (reconnectServers); until then the listing is the one saved.
        status: 'connecting',
      }]
    })
    return { servers }
  } catch {
    return { servers: [] }
  }
}

export const toolServersStore = createStore<ToolServersState>(() => load())

toolServersStore.subscribe(({ servers }) => {
  // Status and errors are of this page's life only; the rest (never a header) is saved.
  local.set(STORAGE_KEY, JSON.stringify(servers.map(({ status: _status, error: _error, ...saved }) => saved)))
})

function patchServer(id: string, patch: Partial<ToolServer>, clearError = false): void {
  const { servers } = toolServersStore.getState()
  toolServersStore.setState({
    servers: servers.map((s) => {
      if (s.id !== id) return s
      const next = { ...s, ...patch }
      if (clearError) delete next.error
      return next
    }),
  })
}

export function serverById(id: string): ToolServer | undefined {
  return toolServersStore.getState().servers.find((s) => s.id === id)
}

let nextId = 0
function newId(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID().slice(0, 8) : Math.random().toString(36).slice(2, 10)
  return `s${Date.now().toString(36)}${random}${nextId++}`
}

/**
 * Add a server by URL (with the headers the user typed, kept as secrets) and connect to it.
 * Resolves when the first connection attempt is over; its outcome is in the server's status.
 */
export async function addServer(url: string, headers: Record<string, string> = {}, remember = false): Promise<string> {
  const id = newId()
  const trimmed = url.trim()
  toolServersStore.setState(({ servers }) => ({
    servers: [...servers, { id, url: trimmed, name: hostOf(trimmed), policy: 'run', disabledTools: [], tools: [], status: 'connecting' }],
  }))
  setServerHeaders(id, headers, remember)
  await connectServer(id)
  return id
}

/** Connect (again) to list the server's tools; the status says how it went. */
export async function connectServer(id: string): Promise<void> {
  const server = serverById(id)
  if (!server) return
  patchServer(id, { status: 'connecting' }, true)
  // The agent worker connects (the MCP client lives there, not in the page's bundle).
  const listing = await listServerTools(server.url, headersFor(id))
  if (listing.ok) patchServer(id, { status: 'connected', name: listing.name, ...(listing.version !== undefined ? { version: listing.version } : {}), tools: listing.tools }, true)
  else patchServer(id, { status: 'error', error: listing.error })
}

let reconnected = false
/** Reconnect every saved server once per page load (the settings panel calls it when it opens). */
export function reconnectServers(): void {
  if (reconnected) return
  reconnected = true
  for (const server of toolServersStore.getState().servers) void connectServer(server.id)
}

export function removeServer(id: string): void {
  toolServersStore.setState(({ servers }) => ({ servers: servers.filter((s) => s.id !== id) }))
  clearServerHeaders(id)
}

export function setServerPolicy(id: string, policy: ApprovalPolicy): void {
  patchServer(id, { policy })
}

export function toggleServerTool(id: string, toolName: string): void {
  const server = serverById(id)
  if (!server) return
  const off = server.disabledTools.includes(toolName)
  patchServer(id, { disabledTools: off ? server.disabledTools.filter((n) => n !== toolName) : [...server.disabledTools, toolName] })
}

/**
 * The servers a run connects to, headers included (for the agent worker only). A server whose
 * last connection failed is left out, so a dead server does not stop every run: its card says why.
 */
export function serversForJob(): McpServerJob[] {
  return toolServersStore.getState().servers
    .filter((s) => s.status !== 'error')
    .map((s) => {
      const headers = headersFor(s.id)
      return { id: s.id, url: s.url, name: s.name, policy: s.policy, disabledTools: [...s.disabledTools], ...(headers ? { headers: { ...headers } } : {}) }
    })
}

export type { ApprovalPolicy }
