// Answers that need no tools: what the offline model can do, and small talk.
import type { ToolSpec } from '../../core/index.ts'
import { code, paragraphs } from './text.ts'

/** Prompts the offline model plays, shown when it does not recognise a request. */
export const EXAMPLE_PROMPTS: readonly string[] = [
  'Process 30 records',
  'Download https://example.com/data/dataset.zip (10 MB)',
  "What's the weather, time, and population in Seattle?",
  'Take a screenshot named report.png, compress it, then email the compressed file to boss@company.com',
  'Fetch data from API-A, API-B, and API-C',
  'Download report-q1.pdf, report-q2.pdf and report-q3.pdf, process each file with progress updates, then write a summary report.',
  'I need help with my bill',
  'Search for Python tutorials',
  'Call three APIs with delays of 0.5s, 1s and 2s',
  'Analyze this receipt image and extract key information: (with an image attached)',
  'Stream a long answer of 2000 tokens',
]

/** The plain statement of what the offline model can do with the tools on offer. */
export function capabilitiesAnswer(tools: readonly ToolSpec[], opening?: string): string {
  const intro = opening ?? "I'm the offline demo model: I run entirely in your browser and play the lesson's scenarios with real tools. I didn't find a scenario or an offered tool that fits this request."
  const toolList = tools.length
    ? `Tools on offer:\n\n${tools.map((t) => `- ${code(t.name)}: ${t.description}`).join('\n')}`
    : 'No tools are switched on. Pick a tool pack to let me call tools, or attach a receipt image or PDF for me to read.'
  const examples = `Try one of these (or pick a scenario from the gallery):\n\n${EXAMPLE_PROMPTS.map((p) => `- ${p}`).join('\n')}`
  return paragraphs(intro, toolList, examples, 'For open-ended questions, add an OpenAI or Anthropic key, or point Lanes at a local Ollama server.')
}

/** A short reply to greetings and thanks, or undefined. */
export function smallTalk(lower: string): string | undefined {
  if (/^\s*(thanks|thank you|thx|cheers)\b/.test(lower)) return "You're welcome! Pick another scenario from the gallery whenever you like."
  return undefined
}

/** Whether the user asks what the model can do. */
export function asksForCapabilities(lower: string): boolean {
  return /^\s*(hi|hello|hey|help|\?)\s*[!.?]*\s*$/.test(lower) || /\b(what can you do|what do you do|which tools|what tools|capabilities|who are you)\b|^\s*(?:can|could) you help(?: me)?\s*[?!.]*\s*$/.test(lower)
}

/** "Write 100000 tokens" / "Stream a long answer of 2,000 tokens" → the token count. */
export function requestedTokenCount(lower: string): number | undefined {
  if (!/\b(write|stream|generate|produce|give|output|emit|long answer|benchmark)\b/.test(lower)) return undefined
  const m = /(\d[\d,_]*(?:\.\d+)?)\s*(k|thousand|m|million)?\s*tokens?\b/.exec(lower)
  if (!m) return undefined
  const unit = m[2] === 'k' || m[2] === 'thousand' ? 1_000 : m[2] === 'm' || m[2] === 'million' ? 1_000_000 : 1
  const n = Math.round(Number(m[1]!.replace(/[,_]/g, '')) * unit)
  return Number.isFinite(n) && n > 0 ? Math.min(n, 10_000_000) : undefined
}
