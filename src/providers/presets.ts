// The OpenAI-compatible presets as data: the settings panel lists them without loading any adapter.

/** One OpenAI-compatible preset. */
export interface CompatiblePreset {
  id: string
  label: string
  baseURL: string
  needsKey: boolean
  /** What to know before using it (CORS, keys), shown beside the preset. */
  notes: string
}

/** The OpenAI-compatible presets, in picker order. */
export const COMPATIBLE_PRESETS: readonly CompatiblePreset[] = [
  { id: 'ollama', label: 'Ollama', baseURL: 'http://localhost:11434/v1', needsKey: false, notes: 'Works from localhost pages as is. From any other origin, start Ollama with OLLAMA_ORIGINS set to this site. Sends no PDFs as files (their text is sent instead) and no GIFs.' },
  { id: 'lmstudio', label: 'LM Studio', baseURL: 'http://localhost:1234/v1', needsKey: false, notes: 'CORS is off by default: start the server with `lms server start --cors` or enable CORS in its settings.' },
  { id: 'vllm', label: 'vLLM', baseURL: 'http://localhost:8000/v1', needsKey: false, notes: 'Start with --allowed-origins for this site; tool calls need --enable-auto-tool-choice and a --tool-call-parser.' },
  { id: 'openrouter', label: 'OpenRouter', baseURL: 'https://openrouter.ai/api/v1', needsKey: true, notes: 'Browser calls are allowed. Model names look like vendor/model.' },
  { id: 'groq', label: 'Groq', baseURL: 'https://api.groq.com/openai/v1', needsKey: true, notes: 'Browser calls are allowed. PDFs are sent as text.' },
  { id: 'together', label: 'Together', baseURL: 'https://api.together.xyz/v1', needsKey: true, notes: 'Browser calls are allowed. PDFs are sent as text.' },
]

/** A preset by id. */
export function presetById(id: string): CompatiblePreset | undefined {
  return COMPATIBLE_PRESETS.find((preset) => preset.id === id)
}
