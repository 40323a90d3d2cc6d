// The OpenAI-compatible presets as data: the settings panel lists them without loading any adapter.

/** One OpenAI-compatible preset. */
export interface CompatiblePreset {
  id: string
  label: string
  baseURL: string
  needsKey: boolean
  /** What to know before using it (CORS, keys), shown beside the preset. */
  notes: string
  /** A current model to start with ('' when it depends on what the server loaded). */
  defaultModel: string
  /** The server's CORS rejects the OpenAI SDK's x-stainless-* headers: drop them by default. */
  dropStainlessHeaders?: boolean
}

/** The OpenAI-compatible presets, in picker order. */
export const COMPATIBLE_PRESETS: readonly CompatiblePreset[] = [
  { id: 'ollama', label: 'Ollama', baseURL: 'http://localhost:11434/v1', needsKey: false, defaultModel: '', notes: 'Works from localhost pages as is. From any other origin, start Ollama with OLLAMA_ORIGINS set to this site. Sends no PDFs as files (their text is sent instead) and no GIFs.' },
  { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://localhost:1234/v1', needsKey: false, defaultModel: '', notes: 'CORS is off by default: start the server with `lms server start --cors` or enable CORS in its settings.' },
  { id: 'vllm', label: 'vLLM', baseURL: 'http://localhost:8000/v1', needsKey: false, defaultModel: '', notes: 'Start with --allowed-origins for this site; tool calls need --enable-auto-tool-choice and a --tool-call-parser.' },
  { id: 'openrouter', label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', needsKey: true, defaultModel: '', notes: 'Browser calls are allowed. Model names look like vendor/model.' },
  { id: 'groq', label: 'Groq', baseURL: 'https://api.groq.com/openai/v1', needsKey: true, defaultModel: '', notes: 'Browser calls are allowed. PDFs are sent as text.' },
  { id: 'gemini', label: 'Gemini', baseURL: 'https://generativelanguage.googleapis.com/v1beta/openai', needsKey: true, defaultModel: 'gemini-3.6-flash', notes: "Google's OpenAI-compatible endpoint, with a Google AI Studio key; browser calls are allowed. Thinking tokens are counted as output, and each tool call's thought signature goes back with it, as Gemini 3 requires." },
  { id: 'deepseek', label: 'DeepSeek', baseURL: 'https://api.deepseek.com', needsKey: true, defaultModel: 'deepseek-v4-flash', notes: "Thinking is shown, and sent back after tool calls as DeepSeek's thinking mode requires. Browser access (CORS) is not documented: if the browser blocks the call, use DeepSeek through OpenRouter." },
  { id: 'mistral', label: 'Mistral', baseURL: 'https://api.mistral.ai/v1', needsKey: true, defaultModel: 'mistral-medium-latest', dropStainlessHeaders: true, notes: "Browser calls are allowed, but Mistral's CORS rejects the OpenAI SDK's x-stainless-* headers, so Lanes drops them for this preset. PDFs are sent as text." },
  { id: 'xai', label: 'xAI', baseURL: 'https://api.x.ai/v1', needsKey: true, defaultModel: 'grok-4.3', notes: "Grok's thinking is shown; reasoning tokens are billed as output and counted so. If the browser blocks the call (CORS), use Grok through OpenRouter." },
  { id: 'together', label: 'Together', baseURL: 'https://api.together.xyz/v1', needsKey: true, defaultModel: '', notes: 'Browser calls are allowed. PDFs are sent as text.' },
]

/** A preset by id. */
export function presetById(id: string): CompatiblePreset | undefined {
  return COMPATIBLE_PRESETS.find((preset) => preset.id === id)
}
