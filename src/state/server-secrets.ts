import { createStore } from 'zustand/vanilla'
import { forgetSecret, loadSecrets, persistSecrets } from './secret-persistence.ts'

// Headers of MCP servers (a bearer token, an API key header) are secrets like provider keys and
// are kept exactly as keys.ts keeps those (state/secret-persistence.ts): in memory and sessionStorage by default, in
// localStorage only when the user chooses "Remember on this device". They never go into the
// server list (settings), run records, links, exports, history or messages.

const PREFIX = 'lanes.mcp-headers.'

export interface ServerSecretsState {
  /** Server id → headers sent with every request to it. */
  headers: Record<string, Record<string, string>>
  /** Server ids whose headers are remembered in localStorage. */
  remembered: Record<string, boolean>
}

function parseHeaders(raw: string | undefined): Record<string, string> | undefined {
  if (!raw) return undefined
  try {
    const value: unknown = JSON.parse(raw)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
    const entries = Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    return entries.length ? Object.fromEntries(entries) : undefined
  } catch {
    return undefined
  }
}

function load(): ServerSecretsState {
  const stored = loadSecrets(PREFIX)
  const headers: ServerSecretsState['headers'] = {}
  const remembered: ServerSecretsState['remembered'] = {}
  for (const [id, raw] of Object.entries(stored.values)) {
    const value = parseHeaders(raw)
    if (!value) continue
    headers[id] = value
    if (stored.remembered[id]) remembered[id] = true
  }
  return { headers, remembered }
}

export const serverSecretsStore = createStore<ServerSecretsState>(() => load())

function persist(state: ServerSecretsState): void {
  const values = Object.fromEntries(Object.entries(state.headers).map(([id, headers]) => [id, JSON.stringify(headers)] as const))
  persistSecrets(PREFIX, { values, remembered: state.remembered })
}

/** Set a server's headers (empty: forget them). */
export function setServerHeaders(id: string, headers: Record<string, string>, remember: boolean): void {
  const clean = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.trim(), v.trim()] as const).filter(([k, v]) => k !== '' && v !== ''))
  if (Object.keys(clean).length === 0) return clearServerHeaders(id)
  const state = serverSecretsStore.getState()
  const next: ServerSecretsState = { headers: { ...state.headers, [id]: clean }, remembered: { ...state.remembered, [id]: remember } }
  serverSecretsStore.setState(next)
  persist(next)
}

/** Forget a server's headers everywhere: memory, sessionStorage and localStorage. */
export function clearServerHeaders(id: string): void {
  const state = serverSecretsStore.getState()
  const headers = Object.fromEntries(Object.entries(state.headers).filter(([k]) => k !== id))
  const remembered = Object.fromEntries(Object.entries(state.remembered).filter(([k]) => k !== id))
  forgetSecret(PREFIX, id)
  const next = { headers, remembered }
  serverSecretsStore.setState(next)
  persist(next)
}

/** The headers for a server, if any. */
export function headersFor(id: string): Record<string, string> | undefined {
  return serverSecretsStore.getState().headers[id]
}

/**
 * Headers from what the user typed: a bearer token (with or without "Bearer ") and/or lines of
 * "Name: value". A line that is not "Name: value" is named in the error, never quoted (it may be
 * a secret).
 */
export function headersFromInput(token: string, lines: string): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const headers: Record<string, string> = {}
  const bearer = token.trim()
  if (bearer) headers['Authorization'] = /^bearer\s/i.test(bearer) ? bearer : `Bearer ${bearer}`
  const rows = lines.split('\n')
  for (const [index, row] of rows.entries()) {
    if (row.trim() === '') continue
    const colon = row.indexOf(':')
    const name = colon > 0 ? row.slice(0, colon).trim() : ''
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || row.slice(colon + 1).trim() === '') {
      return { ok: false, error: `Header line ${index + 1} is not "Name: value".` }
    }
    headers[name] = row.slice(colon + 1).trim()
  }
  return { ok: true, headers }
}
