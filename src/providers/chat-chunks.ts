// Chat Completions chunks → core ModelEvents. Tool calls are keyed by index, but a new id at a
// used index starts a new call: Ollama sends every parallel call with index 0 (wire-formats §5),
// and the SDK's own accumulator would merge them into one corrupt call. Servers put reasoning in
// `reasoning_content` (DeepSeek, xAI, vLLM), `reasoning` (Groq, OpenRouter) or only in
// `reasoning_details` (OpenRouter); one source is read per delta so OpenRouter's copy is not
// counted twice.
import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import type { ModelEvent, Usage } from '../core/index.ts'
import { parseArgsText } from './parts.ts'
import { encodeCallExtras } from './reasoning-marks.ts'

interface OpenCall {
  id: string
  name: string
  args: string
  /** Provider data on the call that must go back with it (Gemini's `extra_content.google.thought_signature`). */
  extra?: unknown
}

type ToolFragment = NonNullable<ChatCompletionChunk.Choice.Delta['tool_calls']>[number]

/** Fields real servers add to a delta that the SDK's types leave out. */
interface DeltaExtras {
  reasoning_content?: unknown
  reasoning?: unknown
  reasoning_details?: unknown
}

/** Usage fields beyond the SDK's types (xAI, Gemini, DeepSeek all differ). */
interface WireUsage {
  prompt_tokens?: unknown
  completion_tokens?: unknown
  total_tokens?: unknown
  prompt_tokens_details?: { cached_tokens?: unknown } | null
  completion_tokens_details?: { reasoning_tokens?: unknown } | null
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0)

/**
 * Core usage from a Chat Completions usage object. `outputTokens` is every billed output token:
 * xAI counts reasoning outside `completion_tokens` and Gemini leaves its thinking out of it, but
 * both show it in `total_tokens`, so the larger of completion and total − prompt is taken.
 */
export function chatUsage(raw: WireUsage): Usage {
  const input = count(raw.prompt_tokens)
  const completion = count(raw.completion_tokens)
  const total = count(raw.total_tokens)
  const usage: Usage = { inputTokens: input, outputTokens: Math.max(completion, total - input) }
  const reasoning = count(raw.completion_tokens_details?.reasoning_tokens)
  const cached = count(raw.prompt_tokens_details?.cached_tokens)
  if (reasoning) usage.reasoningTokens = reasoning
  if (cached) usage.cacheReadTokens = cached
  return usage
}

/** The reasoning text of one delta, from the first field that carries any. */
function reasoningOf(delta: DeltaExtras): string {
  if (typeof delta.reasoning_content === 'string' && delta.reasoning_content) return delta.reasoning_content
  if (typeof delta.reasoning === 'string' && delta.reasoning) return delta.reasoning
  if (!Array.isArray(delta.reasoning_details)) return ''
  let text = ''
  for (const detail of delta.reasoning_details as unknown[]) {
    if (typeof detail === 'object' && detail !== null) {
      const value = (detail as { text?: unknown }).text
      if (typeof value === 'string') text += value
    }
  }
  return text
}

/** Accumulates one streamed turn. `push` returns the events ready now; `finish` the rest. */
export class ChunkAccumulator {
  private readonly calls: OpenCall[] = []
  private readonly byIndex = new Map<number, OpenCall>()
  private usage: Usage | undefined
  private finishReason: string | undefined
  private refused = false
  private thinking = false

  /** True once the server said the turn is over (a finish reason); `[DONE]` is seen by the caller. */
  get finished(): boolean {
    return this.finishReason !== undefined
  }

  push(chunk: ChatCompletionChunk): ModelEvent[] {
    const events: ModelEvent[] = []
    if (chunk.usage) this.usage = chatUsage(chunk.usage as WireUsage)
    for (const choice of chunk.choices) {
      // Servers that send one choice sometimes leave out its index (Gemini); n>1 answers are not ours.
      if ((choice.index ?? 0) !== 0) continue
      const delta = (choice.delta ?? {}) as ChatCompletionChunk.Choice.Delta & DeltaExtras
      const reasoning = reasoningOf(delta)
      if (reasoning) {
        this.thinking = true
        events.push({ type: 'reasoning-delta', text: reasoning })
      }
      const text = (delta.content ?? '') + (delta.refusal ?? '')
      if (delta.refusal) this.refused = true
      if (text || delta.tool_calls?.length) this.endThinking(events)
      if (text) events.push({ type: 'text-delta', text })
      for (const fragment of delta.tool_calls ?? []) this.addFragment(fragment)
      if (choice.finish_reason) this.finishReason = choice.finish_reason
    }
    return events
  }

  private endThinking(events: ModelEvent[]): void {
    if (!this.thinking) return
    this.thinking = false
    events.push({ type: 'reasoning-end' })
  }

  private addFragment(fragment: ToolFragment): void {
    // Gemini sends whole calls without an index: one with an id starts a call, one without continues the last.
    const index = typeof fragment.index === 'number' ? fragment.index : undefined
    const known = index === undefined ? (fragment.id ? undefined : this.calls[this.calls.length - 1]) : this.byIndex.get(index)
    const extra = (fragment as { extra_content?: unknown }).extra_content
    if (!known || (fragment.id && known.id && fragment.id !== known.id)) {
      const call: OpenCall = { id: fragment.id ?? '', name: fragment.function?.name ?? '', args: fragment.function?.arguments ?? '', ...(extra ? { extra } : {}) }
      this.calls.push(call)
      if (index !== undefined) this.byIndex.set(index, call)
      return
    }
    if (extra) known.extra = extra
    if (fragment.id && !known.id) known.id = fragment.id
    if (fragment.function?.name && !known.name) known.name = fragment.function.name
    if (fragment.function?.arguments) known.args += fragment.function.arguments
  }

  /** Every accumulated tool call, then usage and the finish reason. Call only on a complete stream. */
  finish(): ModelEvent[] {
    const events: ModelEvent[] = []
    this.endThinking(events)
    const ids = this.calls.map((call, i) => call.id || `call_${i + 1}`)
    // Gemini 3 answers 400 unless each call's thought signature comes back with it: keep them in
    // a reasoning part of their own, which only the Chat adapter reads back.
    const extras: Record<string, unknown> = {}
    this.calls.forEach((call, i) => { if (call.extra !== undefined) extras[ids[i]!] = call.extra })
    if (Object.keys(extras).length) events.push({ type: 'reasoning-end', data: encodeCallExtras(extras) })
    this.calls.forEach((call, i) => events.push({ type: 'tool-call', id: ids[i]!, name: call.name, args: parseArgsText(call.args) }))
    if (this.usage) events.push({ type: 'usage', ...this.usage })
    // A refusal arrives with finish_reason "stop"; the run must see it for what it is.
    const reason = this.refused ? 'refusal' : (this.finishReason ?? (this.calls.length ? 'tool_calls' : 'stop'))
    events.push({ type: 'finish', reason })
    return events
  }
}
