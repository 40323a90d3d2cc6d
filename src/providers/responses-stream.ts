// Responses API stream events → core ModelEvents (wire-formats.md §1.10). Reasoning summaries
// and LM Studio's reasoning_text stream as reasoning; each reasoning item closes with its
// encrypted content so it can go back in the next request (store:false keeps nothing on the
// server). Function calls are released only at response.completed, so a cut stream runs none.
import type { ResponseOutputItem, ResponseStreamEvent } from 'openai/resources/responses/responses'
import type { ModelEvent, Usage } from '../core/index.ts'
import { ProviderError } from './errors.ts'
import { parseArgsText } from './parts.ts'
import { encodeReasoningItem } from './responses-input.ts'

interface OpenCall {
  callId: string
  name: string
  args: string
}

/** Items the model asks the client to act on that Lanes has no runner for. */
const CLIENT_ITEMS: Readonly<Record<string, string>> = {
  computer_call: 'a computer-use action',
  local_shell_call: 'a local shell command',
  shell_call: 'a shell command',
  apply_patch_call: 'a file patch',
  custom_tool_call: 'a custom (free-form) tool call',
  mcp_approval_request: 'approval of an MCP tool call',
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0)

/** Core usage from a Responses usage object. */
export function responsesUsage(raw: unknown): Usage | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined
  const u = raw as { input_tokens?: unknown; output_tokens?: unknown; input_tokens_details?: { cached_tokens?: unknown } | null; output_tokens_details?: { reasoning_tokens?: unknown } | null }
  const usage: Usage = { inputTokens: count(u.input_tokens), outputTokens: count(u.output_tokens) }
  const reasoning = count(u.output_tokens_details?.reasoning_tokens)
  const cached = count(u.input_tokens_details?.cached_tokens)
  if (reasoning) usage.reasoningTokens = reasoning
  if (cached) usage.cacheReadTokens = cached
  return usage
}

/** Accumulates one Responses stream; `complete` turns true at a terminal event. */
export class ResponsesAccumulator {
  private readonly calls = new Map<number, OpenCall>()
  private readonly done: OpenCall[] = []
  private readonly summaryParts = new Map<string, number>()
  private refused = false
  private unsupported = false
  complete = false

  constructor(private readonly provider: string) {}

  push(event: ResponseStreamEvent): ModelEvent[] {
    switch (event.type) {
      case 'response.output_text.delta':
        return event.delta ? [{ type: 'text-delta', text: event.delta }] : []
      case 'response.refusal.delta':
        this.refused = true
        return event.delta ? [{ type: 'text-delta', text: event.delta }] : []
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        return event.delta ? [{ type: 'reasoning-delta', text: event.delta }] : []
      case 'response.reasoning_summary_part.added': {
        // Summary parts are paragraphs of one summary: keep them apart.
        const seen = this.summaryParts.get(event.item_id) ?? 0
        this.summaryParts.set(event.item_id, seen + 1)
        return seen > 0 ? [{ type: 'reasoning-delta', text: '\n\n' }] : []
      }
      case 'response.output_item.added':
        return this.added(event.output_index, event.item)
      case 'response.function_call_arguments.delta': {
        const call = this.calls.get(event.output_index)
        if (call) call.args += event.delta
        return []
      }
      case 'response.output_item.done':
        return this.itemDone(event.output_index, event.item)
      case 'response.completed':
        this.complete = true
        return this.finish(event.response.usage, this.refused ? 'refusal' : this.done.length ? 'tool_calls' : this.unsupported ? 'unsupported-item' : 'stop')
      case 'response.incomplete': {
        this.complete = true
        const why = event.response.incomplete_details?.reason
        return this.finish(event.response.usage, why === 'max_output_tokens' ? 'length' : (why ?? 'incomplete'))
      }
      case 'response.failed': {
        const error = event.response.error
        throw new ProviderError(`${this.provider} could not finish the response${error?.message ? ` (${this.provider} said: ${error.message})` : '.'}`, { kind: 'stream-error', provider: this.provider })
      }
      case 'error':
        throw new ProviderError(`${this.provider} sent an error in the middle of the stream (${this.provider} said: ${event.message})`, { kind: /overloaded/i.test(event.code ?? '') ? 'overloaded' : 'stream-error', provider: this.provider })
      default:
        return []
    }
  }

  private added(index: number, item: ResponseOutputItem): ModelEvent[] {
    if (item.type === 'function_call') {
      this.calls.set(index, { callId: item.call_id, name: item.name, args: item.arguments ?? '' })
      return []
    }
    const what = CLIENT_ITEMS[item.type]
    if (!what) return []
    this.unsupported = true
    return [{ type: 'text-delta', text: `\n[The model asked for ${what} (${item.type}), which Lanes cannot run here; it was not run.]\n` }]
  }

  private itemDone(index: number, item: ResponseOutputItem): ModelEvent[] {
    if (item.type === 'reasoning') {
      const data = item.encrypted_content ? encodeReasoningItem(item.id, item.encrypted_content) : undefined
      return [{ type: 'reasoning-end', ...(data ? { data } : {}) }]
    }
    if (item.type === 'function_call') {
      const open = this.calls.get(index)
      // LM Studio sends the arguments only here, with no deltas before.
      this.done.push({ callId: item.call_id || open?.callId || '', name: item.name || open?.name || '', args: item.arguments || open?.args || '' })
      return []
    }
    if (item.type === 'mcp_call' && item.error) return [{ type: 'text-delta', text: `\n[Hosted MCP tool ${item.name} failed on ${this.provider}'s side: ${item.error}]\n` }]
    return []
  }

  private finish(rawUsage: unknown, reason: string): ModelEvent[] {
    const events: ModelEvent[] = this.done.map((call, i) => ({ type: 'tool-call', id: call.callId || `call_${i + 1}`, name: call.name, args: parseArgsText(call.args) }))
    const usage = responsesUsage(rawUsage)
    if (usage) events.push({ type: 'usage', ...usage })
    events.push({ type: 'finish', reason })
    return events
  }
}
