// The OpenAI Chat Completions adapter, also used for every OpenAI-compatible server. The SDK is
// imported on first use, so it stays out of the initial page bundle.
import type OpenAI from 'openai'
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions'
import type { Model, ModelEvent, ModelRequest } from '../core/index.ts'
import { capabilitiesOf, type ProviderCapabilities } from './capabilities.ts'
import { toProviderError, type ErrorContext } from './errors.ts'
import { toOpenAIMessages, toOpenAITools } from './openai-messages.ts'
import { ChunkAccumulator, TextToolFilter } from './openai-stream.ts'
import { parseArgsText } from './parts.ts'
import { DEFAULT_IDLE_TIMEOUT_MS, startWatchdog, type Watchdog } from './watchdog.ts'

/** Options of `createOpenAIModel`. */
export interface OpenAIModelOptions {
  apiKey: string
  /** Default https://api.openai.com/v1. */
  baseURL?: string
  model: string
  /** Provider id for capabilities and error hints ('openai', 'ollama', …). Default 'openai'. */
  providerId?: string
  /** Name used in messages. Default 'OpenAI'. */
  providerLabel?: string
  maxTokens?: number
  /** false: one non-streamed call; the whole text arrives as one text-delta. */
  streaming?: boolean
  /** false: tools go in the system prompt and calls are parsed from the text. */
  nativeTools?: boolean
  /** Overrides of the provider's capabilities. */
  capabilities?: Partial<ProviderCapabilities>
  imageDetail?: 'auto' | 'low' | 'high'
  /** Abort when no chunk arrives for this long. Default 60 s. */
  idleTimeoutMs?: number
  /** Limit for the first chunk. Default: idleTimeoutMs. */
  firstTokenTimeoutMs?: number
  /** Ask for a usage chunk (`stream_options.include_usage`). Default true. */
  includeUsage?: boolean
  /** A fetch to use instead of the global one (tests; header filtering). */
  fetch?: typeof fetch
  defaultHeaders?: Record<string, string>
}

let sdk: Promise<typeof import('openai')> | undefined

/** The OpenAI SDK module, loaded once on first use. */
function loadSdk(): Promise<typeof import('openai')> {
  sdk ??= import('openai')
  return sdk
}

/** A core Model over OpenAI Chat Completions (or an OpenAI-compatible server). */
export function createOpenAIModel(options: OpenAIModelOptions): Model {
  const providerId = options.providerId ?? 'openai'
  const provider = options.providerLabel ?? 'OpenAI'
  const caps: ProviderCapabilities = { ...capabilitiesOf(providerId), ...options.capabilities }
  const streaming = options.streaming ?? caps.streaming
  const textTools = !(options.nativeTools ?? caps.nativeTools)
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const firstMs = options.firstTokenTimeoutMs ?? idleMs
  const ctx: ErrorContext = { provider, providerId, apiKey: options.apiKey, model: options.model, ...(options.baseURL ? { baseURL: options.baseURL } : {}) }
  let client: OpenAI | undefined

  const getClient = async (): Promise<OpenAI> => {
    if (client) return client
    const { default: OpenAIClient } = await loadSdk()
    client = new OpenAIClient({
      apiKey: options.apiKey || 'no-key',
      dangerouslyAllowBrowser: true,
      // Retries belong to the fallback chain, where the run can show them.
      maxRetries: 0,
      // Failures reach the user as ProviderErrors; the SDK's console logging would only add noise.
      logLevel: 'off',
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
    })
    return client
  }

  const baseBody = (req: ModelRequest) => {
    const tools = !textTools && req.tools.length ? { tools: toOpenAITools(req.tools) } : {}
    const max = options.maxTokens === undefined ? {} : providerId === 'openai' ? { max_completion_tokens: options.maxTokens } : { max_tokens: options.maxTokens }
    return {
      model: options.model,
      messages: toOpenAIMessages(req, { caps, textTools, ...(options.imageDetail ? { imageDetail: options.imageDetail } : {}) }),
      ...tools,
      ...max,
    }
  }

  async function* streamed(req: ModelRequest, dog: Watchdog, state: { started: boolean }): AsyncGenerator<ModelEvent> {
    const openai = await getClient()
    const body: ChatCompletionCreateParamsStreaming = { ...baseBody(req), stream: true, ...(options.includeUsage === false ? {} : { stream_options: { include_usage: true } }) }
    const stream = await openai.chat.completions.create(body, { signal: dog.signal })
    const acc = new ChunkAccumulator()
    const filter = textTools ? new TextToolFilter(req.tools.map((tool) => tool.name)) : undefined
    for await (const chunk of stream) {
      dog.kick()
      for (const event of acc.push(chunk)) {
        if (event.type === 'text-delta' && filter) {
          const shown = filter.push(event.text)
          if (!shown) continue
          state.started = true
          yield { type: 'text-delta', text: shown }
          continue
        }
        state.started = true
        yield event
      }
    }
    if (dog.signal.aborted) return
    if (filter) {
      const { text, calls } = filter.finish()
      if (text) yield { type: 'text-delta', text }
      yield* calls
      yield* acc.finish().filter((event) => event.type !== 'finish' || !calls.length)
      if (calls.length) yield { type: 'finish', reason: 'tool_calls' }
      return
    }
    yield* acc.finish()
  }

  async function* whole(req: ModelRequest, dog: Watchdog): AsyncGenerator<ModelEvent> {
    const openai = await getClient()
    const body: ChatCompletionCreateParamsNonStreaming = { ...baseBody(req), stream: false }
    const completion = await openai.chat.completions.create(body, { signal: dog.signal })
    const choice = completion.choices[0]
    let text = choice?.message.content ?? ''
    const events: ModelEvent[] = []
    for (const call of choice?.message.tool_calls ?? []) {
      if (call.type === 'function') events.push({ type: 'tool-call', id: call.id, name: call.function.name, args: parseArgsText(call.function.arguments) })
    }
    if (textTools) {
      const filter = new TextToolFilter(req.tools.map((tool) => tool.name))
      const shown = filter.push(text)
      const { text: rest, calls } = filter.finish()
      text = shown + rest
      events.push(...calls)
    }
    if (text) yield { type: 'text-delta', text }
    yield* events
    if (completion.usage) yield { type: 'usage', inputTokens: completion.usage.prompt_tokens, outputTokens: completion.usage.completion_tokens }
    yield { type: 'finish', reason: events.length ? 'tool_calls' : (choice?.finish_reason ?? 'stop') }
  }

  return {
    id: `${providerId}:${options.model}`,
    async *stream(req, { signal }) {
      const dog = startWatchdog(signal, provider, firstMs, idleMs)
      const state = { started: false }
      try {
        yield* streaming ? streamed(req, dog, state) : whole(req, dog)
        if (dog.timedOut) throw dog.timedOut
      } catch (error) {
        if (dog.timedOut) throw dog.timedOut
        if (signal.aborted) return
        throw toProviderError(error, { ...ctx, started: state.started })
      } finally {
        dog.dispose()
      }
    },
  }
}
