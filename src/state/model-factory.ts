import type { ContentPart, Model } from '../core/index.ts'
import { COMPATIBLE_PRESETS, presetById } from '../providers/presets.ts'
import type { Settings } from './settings.ts'

/** A provider as the settings panel lists it. */
export interface ProviderEntry {
  id: string
  label: string
  defaultBaseURL: string
  defaultModel: string
  needsKey: boolean
  /** Where the key goes, for the note in the keys dialog. */
  keyNote?: string
  /** The thinking control this provider has: Anthropic's token budget, OpenAI's reasoning effort. */
  thinking?: 'budget' | 'effort'
}

/** Every provider the page offers: the offline demo first (the default), then the live ones. */
export const PROVIDERS: readonly ProviderEntry[] = [
  { id: 'local', label: 'Offline demo', defaultBaseURL: '', defaultModel: 'lanes-local', needsKey: false },
  { id: 'openai', label: 'OpenAI', defaultBaseURL: 'https://api.openai.com/v1', defaultModel: 'gpt-5.4-mini', needsKey: true, thinking: 'effort' },
  { id: 'anthropic', label: 'Anthropic', defaultBaseURL: 'https://api.anthropic.com', defaultModel: 'claude-sonnet-5', needsKey: true, thinking: 'budget' },
  ...COMPATIBLE_PRESETS.map((preset): ProviderEntry => ({
    id: preset.id,
    label: preset.label,
    defaultBaseURL: preset.baseURL,
    defaultModel: preset.defaultModel,
    keyNote: preset.notes,
    needsKey: preset.needsKey,
    // Servers that take `reasoning_effort` on Chat Completions.
    ...(['gemini', 'groq', 'xai', 'openrouter', 'mistral'].includes(preset.id) ? { thinking: 'effort' as const } : {}),
  })),
]

export function providerEntry(id: string): ProviderEntry {
  return PROVIDERS.find((p) => p.id === id) ?? PROVIDERS[0]!
}

/** The base URL in effect for a provider: the user's, or the provider's default. */
export function baseURLOf(settings: Settings, providerId = settings.provider): string {
  return settings.baseURLs[providerId]?.trim() || providerEntry(providerId).defaultBaseURL
}

/** The model in effect for a provider. */
export function modelOf(settings: Settings, providerId = settings.provider): string {
  return settings.models[providerId]?.trim() || providerEntry(providerId).defaultModel
}

/** Keys by provider id, for a chain that may use two providers. */
export interface ModelDeps {
  keyFor: (providerId: string) => string | undefined
  /** OCR for the offline model (wired to media's tesseract worker). */
  ocr?: (part: Extract<ContentPart, { type: 'image' }>) => Promise<string>
}

/**
 * Build the model the settings ask for. Adapters load on first use, so the page's initial
 * script carries no provider code (and the SDKs load only when a live provider runs). Live
 * providers go through the fallback chain: retries with backoff, then the fallback provider,
 * each visible as an event in the run.
 */
export async function loadModelFor(settings: Settings, deps: ModelDeps): Promise<Model> {
  const primary = await loadAdapter(settings, settings.provider, deps)
  if (settings.provider === 'local') return primary
  const chain = [primary]
  if (settings.fallbackProvider && settings.fallbackProvider !== settings.provider) chain.push(await loadAdapter(settings, settings.fallbackProvider, deps))
  const { createFallbackModel } = await import('../providers/fallback.ts')
  return createFallbackModel(chain, { retries: Math.max(0, Math.round(settings.retries)) })
}

async function loadAdapter(settings: Settings, provider: string, deps: ModelDeps): Promise<Model> {
  if (provider === 'local') {
    const { createLocalModel } = await import('../providers/local/index.ts')
    return createLocalModel({
      ttftMs: settings.local.ttftMs,
      tokensPerSecond: settings.local.tokensPerSecond,
      ...(deps.ocr ? { ocr: deps.ocr } : {}),
    })
  }
  const apiKey = deps.keyFor(provider) ?? ''
  const model = modelOf(settings, provider)
  const baseURL = baseURLOf(settings, provider)
  const idleTimeoutMs = Math.max(1, settings.idleTimeoutS) * 1000
  const { createAnthropicModel, createCompatibleModel, createOpenAIModel } = await import('../providers/index.ts')
  const effort = settings.reasoningEffort && providerEntry(provider).thinking === 'effort' ? { reasoningEffort: settings.reasoningEffort } : {}
  if (provider === 'openai') return createOpenAIModel({ apiKey, baseURL, model, idleTimeoutMs, api: settings.openaiApi, ...effort })
  if (provider === 'anthropic') {
    const thinking = settings.thinkingBudgetTokens > 0 ? { thinking: { budgetTokens: settings.thinkingBudgetTokens } } : {}
    return createAnthropicModel({ apiKey, baseURL, model, idleTimeoutMs, ...thinking })
  }
  return createCompatibleModel({
    preset: provider,
    baseURL,
    apiKey,
    model,
    idleTimeoutMs,
    ...effort,
    // The user's switch adds to the preset's own need (Mistral's CORS rejects those headers).
    dropStainlessHeaders: settings.dropStainlessHeaders || presetById(provider)?.dropStainlessHeaders === true,
    streaming: settings.streaming,
    nativeTools: settings.nativeTools,
  })
}
