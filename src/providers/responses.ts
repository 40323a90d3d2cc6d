// One streamed call to the Responses API on the real SDK: the request (store:false, encrypted
// reasoning included so it can go back), then the events through ResponsesAccumulator.
import type OpenAI from 'openai'
import type { ResponseCreateParamsStreaming } from 'openai/resources/responses/responses'
import type { ReasoningEffort } from './openai.ts'
import type { ModelEvent, ModelRequest } from '../core/index.ts'
import type { ProviderCapabilities } from './capabilities.ts'
import { ResponsesAccumulator } from './responses-stream.ts'
import { toResponsesInput, toResponsesTools } from './responses-input.ts'
import { streamEndedEarly } from './stream-end.ts'
import type { Watchdog } from './watchdog.ts'

/** What one Responses call needs from the adapter. */
export interface ResponsesCall {
  model: string
  provider: string
  caps: ProviderCapabilities
  dog: Watchdog
  state: { started: boolean }
  maxTokens?: number
  reasoningEffort?: ReasoningEffort
  imageDetail?: 'auto' | 'low' | 'high'
}

/** Models that take no reasoning options: asking them for encrypted reasoning is a 400. */
const NON_REASONING = /^(gpt-4|gpt-3\.5|chatgpt-)/i

/** The request body of one streamed Responses call. */
export function responsesBody(req: ModelRequest, call: Pick<ResponsesCall, 'model' | 'caps' | 'maxTokens' | 'reasoningEffort' | 'imageDetail'>): ResponseCreateParamsStreaming {
  const reasons = !NON_REASONING.test(call.model)
  return {
    model: call.model,
    input: toResponsesInput(req.messages, call.caps, call.imageDetail),
    stream: true,
    // The conversation lives in the browser, never on OpenAI's servers.
    store: false,
    ...(req.system ? { instructions: req.system } : {}),
    ...(req.tools.length ? { tools: toResponsesTools(req.tools) } : {}),
    ...(call.maxTokens !== undefined ? { max_output_tokens: call.maxTokens } : {}),
    ...(reasons ? { include: ['reasoning.encrypted_content'] } : {}),
    // A summary is asked for only with an explicit effort: unverified organisations get a 400 for it.
    ...(reasons && call.reasoningEffort ? { reasoning: { effort: call.reasoningEffort, summary: 'auto' } } : {}),
  }
}

/** Stream one Responses call as core events; throws when the stream ends before a terminal event. */
export async function* streamResponses(openai: OpenAI, req: ModelRequest, call: ResponsesCall): AsyncGenerator<ModelEvent> {
  const stream = await openai.responses.create(responsesBody(req, call), { signal: call.dog.signal })
  const acc = new ResponsesAccumulator(call.provider)
  for await (const event of stream) {
    call.dog.kick()
    for (const out of acc.push(event)) {
      call.state.started = true
      yield out
    }
    if (acc.complete) break
  }
  if (call.dog.signal.aborted) return
  if (!acc.complete) throw streamEndedEarly(call.provider, 'before response.completed')
}
