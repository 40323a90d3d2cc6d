// The Anthropic Messages adapter over @anthropic-ai/sdk 1.x (Bearer auth, API 2026-10-21). Raw
// `create({stream:true})` events are accumulated per content block; the SDK loads on first use.
import type Anthropic from '@anthropic-ai/sdk'
import type { MessageCreateParamsStreaming, ThinkingConfigParam } from '@anthropic-ai/sdk/resources/messages'
import type { Model } from '../core/index.ts'
import { AnthropicAccumulator } from './anthropic-stream.ts'
import { capabilitiesOf, type ProviderCapabilities } from './capabilities.ts'
import { toProviderError, type ErrorContext } from './errors.ts'
import { toAnthropicMessages, toAnthropicTools } from './anthropic-messages.ts'
import { streamEndedEarly } from './stream-end.ts'
import { DEFAULT_IDLE_TIMEOUT_MS, startWatchdog } from './watchdog.ts'

/** Options of `createAnthropicModel`. */
export interface AnthropicModelOptions {
  apiKey: string
  /** Default https://api.anthropic.com (no /v1: the SDK adds /v1/messages). */
  baseURL?: string
  model: string
  /** Default 4096 (raised above the thinking budget when thinking is on). */
  maxTokens?: number
  /**
   * Extended thinking: a budget of thinking tokens (at least 1024), or 'adaptive' to let the model
   * decide (newer models). Off when absent.
   */
  thinking?: { budgetTokens: number } | 'adaptive'
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

/** A core Model over Anthropic Messages, streaming. */
export function createAnthropicModel(options: AnthropicModelOptions): Model {
  const provider = 'Anthropic'
  const caps: ProviderCapabilities = { ...capabilitiesOf('anthropic'), ...options.capabilities }
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const firstMs = options.firstTokenTimeoutMs ?? idleMs
  const ctx: ErrorContext = { provider, providerId: 'anthropic', apiKey: options.apiKey, model: options.model, ...(options.baseURL ? { baseURL: options.baseURL } : {}) }
  let client: Anthropic | undefined
  const thinking: ThinkingConfigParam | undefined = options.thinking === 'adaptive'
    ? { type: 'adaptive', display: 'summarized' }
    : options.thinking ? { type: 'enabled', budget_tokens: Math.max(1024, Math.round(options.thinking.budgetTokens)), display: 'summarized' } : undefined
  // Thinking tokens count toward max_tokens, which must exceed the budget.
  const maxTokens = Math.max(options.maxTokens ?? 4096, thinking?.type === 'enabled' ? thinking.budget_tokens + 1024 : 0)

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
          max_tokens: maxTokens,
          messages: toAnthropicMessages(req.messages, caps),
          ...(thinking ? { thinking } : {}),
          stream: true,
          ...(req.system ? { system: req.system } : {}),
          ...(req.tools.length ? { tools: toAnthropicTools(req.tools) } : {}),
        }
        const stream = await anthropic.messages.create(body, { signal: dog.signal })
        const acc = new AnthropicAccumulator()
        let stopped = false
        let events = 0
        for await (const event of stream) {
          dog.kick()
          events++
          for (const out of acc.push(event)) {
            started = true
            yield out
          }
          if (event.type === 'message_stop') stopped = true
        }
        if (dog.timedOut) throw dog.timedOut
        if (signal.aborted) return
        // The server answered and then closed early: say so, rather than guess at CORS.
        if (!stopped) throw streamEndedEarly(provider, events ? `after ${events} event${events === 1 ? '' : 's'}, before message_stop` : 'before sending any event')
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
