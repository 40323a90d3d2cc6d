// OpenAI-compatible servers: presets with editable base URLs, a fetch that drops the SDK's
// x-stainless-* headers for servers whose CORS rejects them, and model listing for the picker.
import type { Model } from '../core/index.ts'
import { toProviderError } from './errors.ts'
import { presetById } from './presets.ts'
import { createOpenAIModel, type OpenAIModelOptions } from './openai.ts'

export { COMPATIBLE_PRESETS, presetById, type CompatiblePreset } from './presets.ts'

/** Options of `createCompatibleModel`. */
export interface CompatibleModelOptions extends Omit<OpenAIModelOptions, 'apiKey' | 'baseURL' | 'providerId' | 'providerLabel'> {
  /** Preset id; 'custom' or absent for any other server. */
  preset?: string
  baseURL: string
  apiKey?: string
  /** Strip every x-stainless-* header (for servers whose CORS preflight rejects them). Default: the preset's choice. */
  dropStainlessHeaders?: boolean
}

/** A fetch that removes the SDK's x-stainless-* headers before calling `base`. */
export function withoutStainlessHeaders(base: typeof fetch = (input, init) => globalThis.fetch(input, init)): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined))
    for (const name of [...headers.keys()]) if (name.toLowerCase().startsWith('x-stainless-')) headers.delete(name)
    return base(input, { ...init, headers })
  }
}

/** A core Model on an OpenAI-compatible server. */
export function createCompatibleModel(options: CompatibleModelOptions): Model {
  const { preset: presetId, dropStainlessHeaders, apiKey, baseURL, ...rest } = options
  const preset = presetId ? presetById(presetId) : undefined
  const fetchImpl = (dropStainlessHeaders ?? preset?.dropStainlessHeaders) ? withoutStainlessHeaders(options.fetch) : options.fetch
  return createOpenAIModel({
    ...rest,
    apiKey: apiKey ?? '',
    baseURL,
    providerId: preset?.id ?? 'custom',
    providerLabel: preset?.label ?? hostLabel(baseURL),
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  })
}

function hostLabel(baseURL: string): string {
  try {
    return new URL(baseURL).host
  } catch {
    return 'the server'
  }
}

/** Options of `listModels`. */
export interface ListModelsOptions {
  baseURL: string
  apiKey?: string
  preset?: string
  fetch?: typeof fetch
  signal?: AbortSignal
}

/**
 * Model ids from `GET {baseURL}/models`. Returns [] when the server has no such endpoint (the UI
 * then offers a free-text field); throws a ProviderError for auth and network failures.
 */
export async function listModels(options: ListModelsOptions): Promise<string[]> {
  const preset = options.preset ? presetById(options.preset) : undefined
  const ctx = {
    provider: preset?.label ?? hostLabel(options.baseURL),
    ...(preset ? { providerId: preset.id } : {}),
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    baseURL: options.baseURL,
  }
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init))
  let response: Response
  try {
    response = await doFetch(`${options.baseURL.replace(/\/+$/, '')}/models`, {
      headers: options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {},
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (error) {
    throw toProviderError(error, ctx)
  }
  if (response.status === 404 || response.status === 405 || response.status === 501) return []
  const body: unknown = await response.json().catch(() => undefined)
  if (!response.ok) throw toProviderError({ status: response.status, error: body, headers: response.headers }, ctx)
  const data = typeof body === 'object' && body !== null ? (body as { data?: unknown }).data : undefined
  if (!Array.isArray(data)) return []
  return data
    .map((entry: unknown) => (typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined))
    .filter((id): id is string => typeof id === 'string')
    .sort((a, b) => a.localeCompare(b))
}
