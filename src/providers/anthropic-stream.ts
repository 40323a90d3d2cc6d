// Anthropic raw stream events → core ModelEvents, accumulated per content block. Thinking streams
// as reasoning and closes with its signature; redacted thinking closes with its data. Tool calls
// are released at message_stop, so a stream cut after a tool block runs no tool.
import type { RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages'
import type { ModelEvent, Usage } from '../core/index.ts'
import { parseArgsText } from './parts.ts'

interface OpenBlock {
  kind: 'text' | 'tool' | 'thinking' | 'redacted' | 'other'
  id: string
  name: string
  json: string
  signature: string
  data: string
  closed: boolean
}

/** Usage fields of message_start / message_delta, cumulative (wire-formats §2.4). */
interface WireUsage {
  input_tokens?: number | null
  output_tokens?: number | null
  cache_read_input_tokens?: number | null
  cache_creation_input_tokens?: number | null
}

/** Turns raw stream events into core events. */
export class AnthropicAccumulator {
  private readonly blocks = new Map<number, OpenBlock>()
  private readonly order: OpenBlock[] = []
  private input = 0
  private output = 0
  private cacheRead = 0
  private cacheWrite = 0
  private stopReason = 'end_turn'
  private sawUsage = false

  push(event: RawMessageStreamEvent): ModelEvent[] {
    switch (event.type) {
      case 'message_start':
        this.takeUsage(event.message.usage)
        return []
      case 'content_block_start': {
        const block = event.content_block
        const open: OpenBlock = { kind: 'other', id: '', name: '', json: '', signature: '', data: '', closed: false }
        if (block.type === 'tool_use') Object.assign(open, { kind: 'tool', id: block.id, name: block.name })
        else if (block.type === 'text') open.kind = 'text'
        else if (block.type === 'thinking') Object.assign(open, { kind: 'thinking', signature: block.signature ?? '' })
        else if (block.type === 'redacted_thinking') Object.assign(open, { kind: 'redacted', data: block.data })
        this.blocks.set(event.index, open)
        this.order.push(open)
        if (block.type === 'text' && block.text) return [{ type: 'text-delta', text: block.text }]
        if (block.type === 'thinking' && block.thinking) return [{ type: 'reasoning-delta', text: block.thinking }]
        return []
      }
      case 'content_block_delta': {
        const delta = event.delta
        const block = this.blocks.get(event.index)
        if (delta.type === 'text_delta') return delta.text ? [{ type: 'text-delta', text: delta.text }] : []
        if (delta.type === 'thinking_delta') return delta.thinking ? [{ type: 'reasoning-delta', text: delta.thinking }] : []
        if (delta.type === 'signature_delta' && block) block.signature += delta.signature
        else if (delta.type === 'input_json_delta' && block) block.json += delta.partial_json
        return []
      }
      case 'content_block_stop': {
        const block = this.blocks.get(event.index)
        if (!block) return []
        block.closed = true
        if (block.kind === 'thinking') return [{ type: 'reasoning-end', ...(block.signature ? { signature: block.signature } : {}) }]
        if (block.kind === 'redacted') return [{ type: 'reasoning-end', data: block.data }]
        return []
      }
      case 'message_delta':
        if (event.delta.stop_reason) this.stopReason = event.delta.stop_reason
        this.takeUsage(event.usage)
        return []
      default:
        return []
    }
  }

  /** Counts are cumulative: the latest value of each wins. */
  private takeUsage(usage: WireUsage): void {
    this.sawUsage = true
    if (typeof usage.input_tokens === 'number') this.input = usage.input_tokens
    if (typeof usage.output_tokens === 'number') this.output = usage.output_tokens
    if (typeof usage.cache_read_input_tokens === 'number') this.cacheRead = usage.cache_read_input_tokens
    if (typeof usage.cache_creation_input_tokens === 'number') this.cacheWrite = usage.cache_creation_input_tokens
  }

  /** The tool calls of closed blocks, usage and the finish reason, at message_stop. */
  finish(): ModelEvent[] {
    // A tool block that never closed (max_tokens mid-arguments) is not a call.
    const events: ModelEvent[] = this.order.filter((b) => b.kind === 'tool' && b.closed).map((b) => ({ type: 'tool-call', id: b.id, name: b.name, args: parseArgsText(b.json) }))
    if (this.sawUsage) events.push({ type: 'usage', ...this.usage() })
    events.push({ type: 'finish', reason: this.stopReason })
    return events
  }

  /** Input counts every input token, cached ones included (OpenTelemetry's convention). */
  private usage(): Usage {
    const usage: Usage = { inputTokens: this.input + this.cacheRead + this.cacheWrite, outputTokens: this.output }
    if (this.cacheRead) usage.cacheReadTokens = this.cacheRead
    if (this.cacheWrite) usage.cacheWriteTokens = this.cacheWrite
    return usage
  }
}
