// The OpenAI adapter: the Responses API (OpenAI's default) and Chat Completions (every
// OpenAI-compatible server). The SDK is imported on first use, so it stays out of the initial page
// bundle. Each request gets its own client, because the fetch under it watches that request's
// stream for the Chat `[DONE]` terminator (sse-done.ts).
import type OpenAI from 'openai'
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions'
import type { ReasoningEffort as SdkReasoningEffort } from 'openai/resources/shared'
import type { Model, ModelEvent, ModelRequest } from '../core/index.ts'
import { capabilitiesOf, type ProviderCapabilities } from './capabilities.ts'
import { ChunkAccumulator, chatUsage } from './chat-chunks.ts'
import { toProviderError, type ErrorContext } from './errors.ts'
import { toOpenAIMessages, toOpenAITools } from './openai-messages.ts'
import { TextToolFilter } from './openai-stream.ts'
import { parseArgsText } from './parts.ts'
import { streamResponses } from './responses.ts'
import { streamEndedEarly } from './stream-end.ts'
import { tapDone } from './sse-done.ts'
import { DEFAULT_IDLE_TIMEOUT_MS, startWatchdog, type Watchdog } from './watchdog.ts'

/** How hard a reasoning model thinks (Chat `reasoning_effort`, Responses `reasoning.effort`). */
export type ReasoningEffort = Exclude<SdkReasoningEffort, null>

/** Options of `createOpenAIModel`. */
export interface OpenAIModelOptions {
  apiKey: string
  /** Default https://api.openai.com/v1. */
  baseURL?: string
  model: string
  /** 'responses' (the default for OpenAI itself) or 'chat' (the default for every other server). */
  api?: 'responses' | 'chat'
  /** Provider id for capabilities and error hints ('openai', 'ollama', …). Default 'openai'. */
  providerId?: string
  /** Name used in messages. Default 'OpenAI'. */
  providerLabel?: string
  maxTokens?: number
  /** Ask a reasoning model for this much thinking (and, on the Responses API, for a summary of it). */
  reasoningEffort?: ReasoningEffort
  /**
   * Send each assistant message's reasoning back as `reasoning_content` (Chat only). DeepSeek's
   * thinking mode answers 400 without it after a tool call; default on for the 'deepseek' preset.
   */
  echoReasoning?: boolean
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

/** A core Model over the OpenAI Responses API or Chat Completions (or an OpenAI-compatible server). */
export function createOpenAIModel(options: OpenAIModelOptions): Model {
  const providerId = options.providerId ?? 'openai'
  const provider = options.providerLabel ?? 'OpenAI'
  const api = options.api ?? (providerId === 'openai' ? 'responses' : 'chat')
  const caps: ProviderCapabilities = { ...capabilitiesOf(providerId), ...options.capabilities }
  const streaming = options.streaming ?? caps.streaming
  const textTools = !(options.nativeTools ?? caps.nativeTools)
  const echoReasoning = options.echoReasoning ?? providerId === 'deepseek'
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS
  const firstMs = options.firstTokenTimeoutMs ?? idleMs
  const ctx: ErrorContext = { provider, providerId, apiKey: options.apiKey, model: options.model, ...(options.baseURL ? { baseURL: options.baseURL } : {}) }

  const newClient = async (fetchImpl: typeof fetch | undefined): Promise<OpenAI> => {
    const { default: OpenAIClient } = await loadSdk()
    return new OpenAIClient({
      apiKey: options.apiKey || 'no-key',
      dangerouslyAllowBrowser: true,
      // Retries belong to the fallback chain, where the run can show them.
      maxRetries: 0,
      // Failures reach the user as ProviderErrors; the SDK's console logging would only add noise.
      logLevel: 'off',
      ...(options.baseURL ? { baseURL: options.baseURL } : {}),
      ...(fetchImpl ? { fetch: fetchImpl } : {}),
      ...(options.defaultHeaders ? { defaultHeaders: options.defaultHeaders } : {}),
    })
  }

  const baseBody = (req: ModelRequest) => {
    const tools = !textTools && req.tools.length ? { tools: toOpenAITools(req.tools) } : {}
    const max = options.maxTokens === undefined ? {} : providerId === 'openai' ? { max_completion_tokens: options.maxTokens } : { max_tokens: options.maxTokens }
    const wire = { caps, textTools, echoReasoning, ...(options.imageDetail ? { imageDetail: options.imageDetail } : {}) }
    return {
      model: options.model,
      messages: toOpenAIMessages(req, wire),
      ...tools,
      ...max,
      ...(options.reasoningEffort ? { reasoning_effort: options.reasoningEffort } : {}),
    }
  }

  async function* streamed(req: ModelRequest, dog: Watchdog, state: { started: boolean }): AsyncGenerator<ModelEvent> {
    const tap = tapDone(options.fetch)
    const openai = await newClient(tap.fetch)
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
    // Calls are only released once the server said the turn is complete: a cut stream's last
    // arguments may be half a JSON object, and no tool may run on them.
    if (!acc.finished && !tap.done) throw streamEndedEarly(provider, 'before its finish reason or [DONE]')
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
    const openai = await newClient(options.fetch)
    const body: ChatCompletionCreateParamsNonStreaming = { ...baseBody(req), stream: false }
    const completion = await openai.chat.completions.create(body, { signal: dog.signal })
    const choice = completion.choices[0]
    const refusal = choice?.message.refusal ?? ''
    let text = (choice?.message.content ?? '') + refusal
    const reasoning = (choice?.message as { reasoning_content?: unknown } | undefined)?.reasoning_content
    if (typeof reasoning === 'string' && reasoning) yield* [{ type: 'reasoning-delta', text: reasoning }, { type: 'reasoning-end' }] satisfies ModelEvent[]
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
    if (completion.usage) yield { type: 'usage', ...chatUsage(completion.usage) }
    yield { type: 'finish', reason: refusal ? 'refusal' : events.length ? 'tool_calls' : (choice?.finish_reason ?? 'stop') }
  }

  return {
    id: `${providerId}:${options.model}`,
    async *stream(req, { signal }) {
      const dog = startWatchdog(signal, provider, firstMs, idleMs)
      const state = { started: false }
      try {
        if (api === 'responses') {
          const openai = await newClient(options.fetch)
          yield* streamResponses(openai, req, { model: options.model, provider, caps, dog, state, ...pick(options) })
        } else yield* streaming ? streamed(req, dog, state) : whole(req, dog)
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

function pick(options: OpenAIModelOptions): { maxTokens?: number; reasoningEffort?: ReasoningEffort; imageDetail?: 'auto' | 'low' | 'high' } {
  return {
    ...(options.maxTokens !== undefined ? { maxTokens: options.maxTokens } : {}),
    ...(options.reasoningEffort ? { reasoningEffort: options.reasoningEffort } : {}),
    ...(options.imageDetail ? { imageDetail: options.imageDetail } : {}),
  }
}
