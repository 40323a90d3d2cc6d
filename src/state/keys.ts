import { createStore } from 'zustand/vanilla'
import { forgetSecret, loadSecrets, persistSecrets } from './secret-persistence.ts'

// Keys live in memory and in sessionStorage by default; in localStorage only after the user
// chooses "Remember on this device" (state/secret-persistence.ts). They are never part of
// settings, records, links or exports.

const PREFIX = 'lanes.key.'

export interface KeysState {
  /** Provider id → key. */
  keys: Record<string, string>
  /** Provider ids whose key is remembered in localStorage. */
  remembered: Record<string, boolean>
}

function load(): KeysState {
  const { values, remembered } = loadSecrets(PREFIX)
  return { keys: values, remembered }
}

export const keysStore = createStore<KeysState>(() => load())

function persist(state: KeysState): void {
  persistSecrets(PREFIX, { values: state.keys, remembered: state.remembered })
}

/** Set (or replace) the key of a provider. */
export function setKey(providerId: string, key: string, remember: boolean): void {
  const trimmed = key.trim()
  if (!trimmed) return clearKey(providerId)
  const state = keysStore.getState()
  const next: KeysState = {
    keys: { ...state.keys, [providerId]: trimmed },
    remembered: { ...state.remembered, [providerId]: remember },
  }
  keysStore.setState(next)
  persist(next)
}

/** Forget a provider's key everywhere: memory, sessionStorage and localStorage. */
export function clearKey(providerId: string): void {
  const state = keysStore.getState()
  const keys = Object.fromEntries(Object.entries(state.keys).filter(([id]) => id !== providerId))
  const remembered = Object.fromEntries(Object.entries(state.remembered).filter(([id]) => id !== providerId))
  forgetSecret(PREFIX, providerId)
  const next = { keys, remembered }
  keysStore.setState(next)
  persist(next)
}

/** The key for a provider, if any. */
export function keyFor(providerId: string): string | undefined {
  return keysStore.getState().keys[providerId]
}

/** A key shown masked: the first 3 and last 4 characters. */
export function maskKey(key: string): string {
  if (key.length <= 8) return '•'.repeat(key.length)
  return `${key.slice(0, 3)}${'•'.repeat(Math.min(12, key.length - 7))}${key.slice(-4)}`
}

/** Replace every occurrence of any known key in a text (for messages and logs). */
export function redactKeys(text: string): string {
  let out = text
  for (const key of Object.values(keysStore.getState().keys)) {
    if (key.length >= 4) out = out.split(key).join('[key hidden]')
  }
  return out
}
