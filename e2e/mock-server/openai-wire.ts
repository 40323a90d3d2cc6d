// OpenAI Chat Completions on the wire (wire-formats.md §1.3–1.7, checklist §6.1): data-only
// frames, role first, each call's first fragment with id and type, a finish chunk, an optional
// usage chunk, then [DONE].
import type { ErrorCategory, MockHttpError, MockTurn } from './plan.ts'
import { frame, withDelays, type BodyStep } from './sse.ts'

const ERROR_TYPES: Record<ErrorCategory, { type: string; code: string | null }> = {
  'auth': { type: 'invalid_request_error', code: 'invalid_api_key' },
  'permission': { type: 'invalid_request_error', code: 'model_not_available' },
  'not-found': { type: 'invalid_request_error', code: 'model_not_found' },
  'rate-limit': { type: 'requests', code: 'rate_limit_exceeded' },
  'server': { type: 'server_error', code: null },
  'overloaded': { type: 'server_error', code: 'overloaded' },
  'bad-request': { type: 'invalid_request_error', code: 'context_length_exceeded' },
}

/** The JSON body of an OpenAI error response. */
export function openAIErrorBody(error: MockHttpError): object {
  const { type, code } = ERROR_TYPES[error.category]
  return { error: { message: error.message, type, param: null, code } }
}

/** The streamed body of one turn. */
export function openAIStreamSteps(turn: MockTurn, model: string, includeUsage: boolean): BodyStep[] {
  const envelope = { id: 'chatcmpl-mock123', object: 'chat.completion.chunk', created: 1760000000, model, system_fingerprint: 'fp_mock' }
  const usageField = includeUsage ? { usage: null } : {}
  const chunk = (delta: object, finish: string | null = null): BodyStep =>
    frame({ ...envelope, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], ...usageField })
  const steps: BodyStep[] = [chunk({ role: 'assistant', content: turn.calls.length ? null : '', refusal: null })]
  if (turn.end === 'overloaded-start') return [...steps, frame({ error: { message: 'Overloaded', type: 'overloaded_error', param: null, code: null } })]
  if (turn.end === 'start-only') return steps
  // Thinking as DeepSeek, xAI and vLLM stream it.
  for (const reasoning of turn.reasoning ?? []) steps.push(chunk({ reasoning_content: reasoning }))
  for (const text of turn.text) steps.push(chunk({ content: text }))
  turn.calls.forEach((call, position) => {
    const index = call.index ?? position
    const [first = '', ...rest] = call.args
    steps.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: first } }] }))
    for (const piece of rest) steps.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }))
  })
  // A pause before the drop lets a browser deliver what already arrived, as a real drop would.
  if (turn.end === 'cut') return [...withDelays(steps, turn.frameDelayMs), { kind: 'wait', ms: 200 }, { kind: 'cut' }]
  if (turn.end === 'malformed') return [...steps, { kind: 'bytes', text: 'data: {"id":"chatcmpl-mock123","choices":[{"index":0,"delta":{"content":"brok\n\n' }]
  if (turn.end === 'stream-error') {
    return [...steps, frame({ error: { message: 'The server had an error while processing your request.', type: 'server_error', param: null, code: null } })]
  }
  steps.push(chunk({}, turn.calls.length ? 'tool_calls' : 'stop'))
  if (includeUsage) {
    const reasoning = turn.reasoning?.length ?? 0
    const usage = { prompt_tokens: turn.usage.input, completion_tokens: turn.usage.output + reasoning, total_tokens: turn.usage.input + turn.usage.output + reasoning, ...(reasoning ? { completion_tokens_details: { reasoning_tokens: reasoning } } : {}) }
    steps.push(frame({ ...envelope, choices: [], usage }))
  }
  steps.push({ kind: 'bytes', text: 'data: [DONE]\n\n' })
  const delayed = withDelays(steps, turn.frameDelayMs)
  return turn.stallMs ? [{ kind: 'wait', ms: turn.stallMs }, ...delayed] : delayed
}

/** The non-streamed `chat.completion` of one turn (for clients that turn streaming off). */
export function openAICompletion(turn: MockTurn, model: string): object {
  const toolCalls = turn.calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.args.join('') } }))
  return {
    id: 'chatcmpl-mock123',
    object: 'chat.completion',
    created: 1760000000,
    model,
    choices: [{
      index: 0,
      message: { role: 'assistant', content: turn.text.length ? turn.text.join('') : null, refusal: null, ...(toolCalls.length ? { tool_calls: toolCalls } : {}) },
      logprobs: null,
      finish_reason: toolCalls.length ? 'tool_calls' : 'stop',
    }],
    usage: { prompt_tokens: turn.usage.input, completion_tokens: turn.usage.output, total_tokens: turn.usage.input + turn.usage.output },
  }
}
