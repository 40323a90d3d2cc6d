// The Anthropic Messages adapter over @anthropic-ai/sdk 1.x (Bearer auth, API 2026-10-21). Raw
// `create({stream:true})` events are accumulated per content block; the SDK loads on first use.
import type Anthropic from '@anthropic-ai/sdk'
import type { MessageCreateParamsStreaming, RawMessageStreamEvent } from '@anthropic-ai/sdk/resources/messages'
import type { Model, ModelEvent } from '../core/index.ts'
import { capabilitiesOf, type ProviderCapabilities } from './capabilities.ts'
import { toProviderError, type ErrorContext } from './errors.ts'
import { toAnthropicMessages, toAnthropicTools } from './anthropic-messages.ts'
import { parseArgsText } from './parts.ts'
import { DEFAULT_IDLE_TIMEOUT_MS, startWatchdog } from './watchdog.ts'

/** Options of `createAnthropicModel`. */
export interface AnthropicModelOptions {
  apiKey: string
  /** Default https://api.anthropic.com (no /v1: the SDK adds /v1/messages). */
  baseURL?: string
  model: string
  /** Default 4096. */
  maxTokens?: number
  capabilities?: Partial<ProviderCapabilities>
  /** Abort when no chunk arrives for this long. Default 60 s. */
  idleTimeoutMs?: number
  /** Limit for the first chunk. Default: idleTimeoutMs. */
  firstTokenTimeoutMs?: number
  fetch?: typeof fetch
  defaultHeaders?: Record<string, string>
}

let sdk: Promise<typeof import('@anthropic-ai/sdk')> | undefined

/** The Anthropic SDK module, loaded once on first use. */
function loadSdk(): Promise<typeof import('@anthropic-ai/sdk')> {
  sdk ??= import('@anthropic-ai/sdk')
  return sdk
}

interface OpenBlock {
  kind: 'text' | 'tool' | 'other'
  id: string
  name: string
  json: string
}

/** Turns raw stream events into core events; tool calls are emitted when their block stops. */
export class AnthropicAccumulator {
  private readonly blocks = new Map<number, OpenBlock>()
  private inputTokens = 0
  private outputTokens = 0
  private stopReason = 'end_turn'
  private sawUsage = false

  push(event: RawMessageStreamEvent): ModelEvent[] {
    switch (event.type) {
      case 'message_start':
        this.inputTokens = event.message.usage.input_tokens
        this.outputTokens = event.message.usage.output_tokens
        this.sawUsage = true
        return []
      case 'content_block_start': {
        const block = event.content_block
        if (block.type === 'tool_use') this.blocks.set(event.index, { kind: 'tool', id: block.id, name: block.name, json: '' })
        else this.blocks.set(event.index, { kind: block.type === 'text' ? 'text' : 'other', id: '', name: '', json: '' })
        return block.type === 'text' && block.text ? [{ type: 'text-delta', text: block.text }] : []
      }
      case 'content_block_delta': {
        const delta = event.delta
        if (delta.type === 'text_delta') return delta.text ? [{ type: 'text-delta', text: delta.text }] : []
        if (delta.type === 'input_json_delta') {
          const block = this.blocks.get(event.index)
          if (block) block.json += delta.partial_json
        }
        return []
      }
      case 'content_block_stop': {
        const block = this.blocks.get(event.index)
        if (block?.kind !== 'tool') return []
        return [{ type: 'tool-call', id: block.id, name: block.name, args: parseArgsText(block.json) }]
      }
      case 'message_delta':
        if (event.delta.stop_reason) this.stopReason = event.delta.stop_reason
        // Counts in message_delta are cumulative (§2.4): take the latest, don't add.
        if (typeof event.usage.output_tokens === 'number') this.outputTokens = event.usage.output_tokens
        if (typeof event.usage.input_tokens === 'number') this.inputTokens = event.usage.input_tokens
        this.sawUsage = true
        return []
      default:
        return []
    }
  }

  /** Usage and the finish reason, at message_stop. */
  finish(): ModelEvent[] {
    const usage: ModelEvent[] = this.sawUsage ? [{ type: 'usage', inputTokens: this.inputTokens, outputTokens: this.outputTokens }] : []
    return [...usage, { type: 'finish', reason: this.stopReason }]
  }
}

/** A core Model over Anthropic Messages, streaming. */
export function createAnthropicModel(options: AnthropicModelOptions): Model {
  const provider = 'Anthropic'
  const caps: ProviderCapabilities = { ...capabilitiesOf('anthropic'), ...options.capabilities }
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const firstMs = options.firstTokenTimeoutMs ?? idleMs
  const ctx: ErrorContext = { provider, providerId: 'anthropic', apiKey: options.apiKey, model: options.model, ...(options.baseURL ? { baseURL: options.baseURL } : {}) }
  let client: Anthropic | undefined

  const getClient = async (): Promise<Anthropic> => {
    if (client) return client
    const { default: AnthropicClient } = await loadSdk()
    client = new AnthropicClient({
      apiKey: options.apiKey,
      dangerouslyAllowBrowser: true,
      maxRetries: 0,
      // Failures reach the user as ProviderErrors; the SDK's console logging would only add noise.
      logLevel: 'off',
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
    })
    return client
  }

  return {
    id: `anthropic:${options.model}`,
    async *stream(req, { signal }) {
      const dog = startWatchdog(signal, provider, firstMs, idleMs)
      let started = false
      try {
        const anthropic = await getClient()
        const body: MessageCreateParamsStreaming = {
          model: options.model,
          max_tokens: options.maxTokens ?? 4096,
          messages: toAnthropicMessages(req.messages, caps),
          stream: true,
          ...(req.system ? { system: req.system } : {}),
          ...(req.tools.length ? { tools: toAnthropicTools(req.tools) } : {}),
        }
        const stream = await anthropic.messages.create(body, { signal: dog.signal })
        const acc = new AnthropicAccumulator()
        let stopped = false
        for await (const event of stream) {
          dog.kick()
          for (const out of acc.push(event)) {
            started = true
            yield out
          }
          if (event.type === 'message_stop') stopped = true
        }
        if (dog.timedOut) throw dog.timedOut
        if (signal.aborted) return
        if (!stopped) throw new TypeError('The stream ended before message_stop.')
        yield* acc.finish()
      } catch (error) {
        if (dog.timedOut) throw dog.timedOut
        if (signal.aborted) return
        throw toProviderError(error, { ...ctx, started })
      } finally {
        dog.dispose()
      }
    },
  }
}
