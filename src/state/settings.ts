import { createStore } from 'zustand/vanilla'
import { local } from './storage.ts'

/** Everything the user sets up, except keys (see keys.ts). Persisted in localStorage. */
export interface Settings {
  provider: string
  /** Chosen model per provider id. */
  models: Record<string, string>
  /** Base URL per provider id (blank = the provider's default). */
  baseURLs: Record<string, string>
  system: string
  toolPack: string
  /** Tool names switched off in the current pack. */
  disabledTools: string[]
  executor: 'concurrent' | 'sequential' | 'limit'
  concurrency: number
  maxTurns: number
  routingOnly: boolean
  /** Agent-wide tool time limit in ms; 0 means none. */
  toolTimeoutMs: number
  local: { ttftMs: number; tokensPerSecond: number; toolSpeed: number }
  /** For OpenAI-compatible servers whose CORS rejects the SDK's x-stainless-* headers. */
  dropStainlessHeaders: boolean
  streaming: boolean
  nativeTools: boolean
  /** Retries of a failed model call (before the first token) before falling back. */
  retries: number
  /** A second provider to switch to when the first keeps failing; '' for none. */
  fallbackProvider: string
  /** Seconds without a byte from the provider before the call is given up. */
  idleTimeoutS: number
  /** Anthropic extended thinking: a budget of thinking tokens (at least 1024); 0 leaves thinking off. */
  thinkingBudgetTokens: number
  /** OpenAI (and compatible) reasoning effort; '' sends none and leaves the model's default. */
  reasoningEffort: '' | 'none' | 'minimal' | 'low' | 'medium' | 'high' | 'xhigh'
  /** Which OpenAI API the OpenAI provider uses; compatible servers always use Chat Completions. */
  openaiApi: 'responses' | 'chat'
  keepOriginalImages: boolean
  theme: 'system' | 'light' | 'dark'
}

export const defaultSettings: Settings = {
  provider: 'local',
  models: {},
  baseURLs: {},
  system: 'Use the tools to answer the user.',
  // Every demo tool but the fault drills: the lesson's first prompts work without the picker.
  toolPack: 'all',
  disabledTools: [],
  executor: 'concurrent',
  concurrency: 2,
  maxTurns: 10,
  routingOnly: false,
  toolTimeoutMs: 30_000,
  local: { ttftMs: 300, tokensPerSecond: 60, toolSpeed: 1 },
  dropStainlessHeaders: false,
  streaming: true,
  nativeTools: true,
  retries: 2,
  fallbackProvider: '',
  idleTimeoutS: 60,
  thinkingBudgetTokens: 0,
  reasoningEffort: '',
  openaiApi: 'responses',
  keepOriginalImages: false,
  theme: 'system',
}

const STORAGE_KEY = 'lanes.settings.v1'

function load(): Settings {
  const raw = local.get(STORAGE_KEY)
  if (!raw) return defaultSettings
  try {
    const parsed = JSON.parse(raw) as Partial<Settings>
    return { ...defaultSettings, ...parsed, local: { ...defaultSettings.local, ...parsed.local } }
  } catch {
    return defaultSettings
  }
}

export const settingsStore = createStore<Settings>(() => load())

settingsStore.subscribe((state) => {
  local.set(STORAGE_KEY, JSON.stringify(state))
})

/** Merge a change into the settings. */
export function updateSettings(patch: Partial<Settings>): void {
  settingsStore.setState(patch)
}

/** The executor label core and run records use: 'concurrent', 'sequential' or 'concurrency:N'. */
export function executorOf(settings: Pick<Settings, 'executor' | 'concurrency'>): string {
  if (settings.executor === 'limit') return `concurrency:${Math.max(1, Math.floor(settings.concurrency))}`
  return settings.executor
}
