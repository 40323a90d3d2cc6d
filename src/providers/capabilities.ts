// What each provider accepts, so adapters degrade gracefully instead of getting a 400: a PDF a
// server cannot take goes as its extracted text, an image format it rejects goes as a note.

/** What a provider's endpoint accepts. */
export interface ProviderCapabilities {
  /** 'native': PDFs go as file/document parts; 'text': as their extracted text. */
  pdf: 'native' | 'text'
  images: boolean
  /** Image media types it accepts (wire-formats.md §4, §5). */
  imageTypes: readonly string[]
  nativeTools: boolean
  streaming: boolean
}

const ALL_IMAGES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const
const NO_GIF = ['image/png', 'image/jpeg', 'image/webp'] as const

/** Capabilities by provider id (the OpenAI-compatible preset ids, 'openai', 'anthropic', 'custom'). */
export const PROVIDER_CAPABILITIES: Readonly<Record<string, ProviderCapabilities>> = {
  // The offline model reads document parts' text pages and images through injected OCR.
  local: { pdf: 'native', images: true, imageTypes: ALL_IMAGES, nativeTools: true, streaming: true },
  openai: { pdf: 'native', images: true, imageTypes: ALL_IMAGES, nativeTools: true, streaming: true },
  anthropic: { pdf: 'native', images: true, imageTypes: ALL_IMAGES, nativeTools: true, streaming: true },
  // Ollama rejects `file` parts and GIF/URL images ("invalid message format", §5).
  ollama: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  lmstudio: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  vllm: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  openrouter: { pdf: 'native', images: true, imageTypes: ALL_IMAGES, nativeTools: true, streaming: true },
  groq: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  together: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  gemini: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  deepseek: { pdf: 'text', images: false, imageTypes: [], nativeTools: true, streaming: true },
  mistral: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
  xai: { pdf: 'text', images: true, imageTypes: ['image/png', 'image/jpeg'], nativeTools: true, streaming: true },
  custom: { pdf: 'text', images: true, imageTypes: NO_GIF, nativeTools: true, streaming: true },
}

/** Capabilities of a provider id; unknown ids get the cautious 'custom' set. */
export function capabilitiesOf(providerId: string): ProviderCapabilities {
  return PROVIDER_CAPABILITIES[providerId] ?? PROVIDER_CAPABILITIES['custom']!
}
