// Chat Completions chunks → core ModelEvents. Tool calls are keyed by index, but a new id at a
// used index starts a new call: Ollama sends every parallel call with index 0 (wire-formats §5),
// and the SDK's own accumulator would merge them into one corrupt call.
import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import { parseTextToolCalls, type ModelEvent } from '../core/index.ts'
import { parseArgsText } from './parts.ts'

interface OpenCall {
  id: string
  name: string
  args: string
}

/** Accumulates one streamed turn. `push` returns the events ready now; `finish` the rest. */
export class ChunkAccumulator {
  private readonly calls: OpenCall[] = []
  private readonly byIndex = new Map<number, OpenCall>()
  private usage: { inputTokens: number; outputTokens: number } | undefined
  private finishReason: string | undefined

  push(chunk: ChatCompletionChunk): ModelEvent[] {
    const events: ModelEvent[] = []
    if (chunk.usage) this.usage = { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens }
    for (const choice of chunk.choices) {
      if (choice.index !== 0) continue
      const delta = choice.delta
      if (delta.content) events.push({ type: 'text-delta', text: delta.content })
      for (const fragment of delta.tool_calls ?? []) this.addFragment(fragment)
      if (choice.finish_reason) this.finishReason = choice.finish_reason
    }
    return events
  }

  private addFragment(fragment: NonNullable<ChatCompletionChunk.Choice.Delta['tool_calls']>[number]): void {
    const index = fragment.index
    const known = this.byIndex.get(index)
    if (!known || (fragment.id && known.id && fragment.id !== known.id)) {
      const call: OpenCall = { id: fragment.id ?? '', name: fragment.function?.name ?? '', args: fragment.function?.arguments ?? '' }
      this.calls.push(call)
      this.byIndex.set(index, call)
      return
    }
    if (fragment.id && !known.id) known.id = fragment.id
    if (fragment.function?.name && !known.name) known.name = fragment.function.name
    if (fragment.function?.arguments) known.args += fragment.function.arguments
  }

  /** Every accumulated tool call, then usage and the finish reason. */
  finish(): ModelEvent[] {
    const events: ModelEvent[] = this.calls.map((call, i) => ({ type: 'tool-call', id: call.id || `call_${i + 1}`, name: call.name, args: parseArgsText(call.args) }))
    if (this.usage) events.push({ type: 'usage', ...this.usage })
    events.push({ type: 'finish', reason: this.finishReason ?? (this.calls.length ? 'tool_calls' : 'stop') })
    return events
  }
}

let textCallCounter = 0

/**
 * For models that call tools as text: streams ordinary lines at once, but holds back everything
 * from the first TOOL_CALL line or code fence on, so call syntax never flashes in the transcript.
 */
export class TextToolFilter {
  private pending = ''
  private atLineStart = true
  private holding = false

  constructor(private readonly toolNames: readonly string[]) {}

  push(text: string): string {
    this.pending += text
    if (this.holding) return ''
    let out = ''
    while (this.pending) {
      if (!this.atLineStart) {
        const newline = this.pending.indexOf('\n')
        if (newline < 0) { out += this.pending; this.pending = ''; break }
        out += this.pending.slice(0, newline + 1)
        this.pending = this.pending.slice(newline + 1)
        this.atLineStart = true
        continue
      }
      const head = this.pending.replace(/^[ \t]+/, '')
      if (/^(TOOL_CALL|```)/.test(head)) { this.holding = true; break }
      // Too short to tell whether this line starts a call: wait for more text.
      if (head === '' || 'TOOL_CALL'.startsWith(head) || '```'.startsWith(head)) break
      this.atLineStart = false
    }
    return out
  }

  /** The text left to show and the calls found in the held part. */
  finish(): { text: string; calls: ModelEvent[] } {
    const rest = this.pending
    const parsed = parseTextToolCalls(rest, this.toolNames)
    const calls: ModelEvent[] = parsed.calls.map((call) => ({ type: 'tool-call', id: `text_call_${++textCallCounter}`, name: call.name, args: call.args }))
    return { text: calls.length ? parsed.text : rest, calls }
  }
}
