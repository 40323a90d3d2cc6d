// Model adapters over core's Model interface (design.md "Providers").
export { createLocalModel, type LocalModelOptions } from './local/index.ts'
export { createOpenAIModel, type OpenAIModelOptions } from './openai.ts'
export { createAnthropicModel, type AnthropicModelOptions } from './anthropic.ts'
export {
  COMPATIBLE_PRESETS, createCompatibleModel, listModels, presetById, withoutStainlessHeaders,
  type CompatibleModelOptions, type CompatiblePreset, type ListModelsOptions,
} from './compatible.ts'
export { PROVIDER_CAPABILITIES, capabilitiesOf, type ProviderCapabilities } from './capabilities.ts'
export { ProviderError, toProviderError, scrubSecrets, retryAfterFrom, type ErrorContext, type ProviderErrorKind } from './errors.ts'
export { createFallbackModel, abortableSleep, type FallbackOptions } from './fallback.ts'
export { DEFAULT_IDLE_TIMEOUT_MS } from './watchdog.ts'
