// Anthropic Messages on the wire (wire-formats.md §2.4–2.6, checklist §6.2): every frame named,
// message_start … message_stop, sequential block indexes, cumulative usage in message_delta.
import { MOCK_SIGNATURE, type ErrorCategory, type MockHttpError, type MockTurn } from './plan.ts'
import { frame, withDelays, type BodyStep } from './sse.ts'

const ERROR_TYPES: Record<ErrorCategory, string> = {
  'auth': 'authentication_error',
  'permission': 'permission_error',
  'not-found': 'not_found_error',
  'rate-limit': 'rate_limit_error',
  'server': 'api_error',
  'overloaded': 'overloaded_error',
  'bad-request': 'invalid_request_error',
}

/** The JSON body of an Anthropic error response. */
export function anthropicErrorBody(error: MockHttpError): object {
  return { type: 'error', error: { type: ERROR_TYPES[error.category], message: error.message }, request_id: 'req_mock_01' }
}

function messageShell(model: string, turn: MockTurn): Record<string, unknown> {
  return {
    id: 'msg_mock_01', type: 'message', role: 'assistant', model, content: [], stop_reason: null, stop_sequence: null,
    usage: { input_tokens: turn.usage.input, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, output_tokens: 1, service_tier: 'standard' },
  }
}

/** The streamed body of one turn. */
export function anthropicStreamSteps(turn: MockTurn, model: string): BodyStep[] {
  const steps: BodyStep[] = [frame({ type: 'message_start', message: messageShell(model, turn) }, 'message_start')]
  if (turn.end === 'overloaded-start') return [...steps, frame({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error')]
  if (turn.end === 'start-only') return steps
  let index = 0
  if (turn.reasoning?.length) {
    // Thinking comes first and closes with a signature the next request must send back.
    steps.push(frame({ type: 'content_block_start', index, content_block: { type: 'thinking', thinking: '', signature: '' } }, 'content_block_start'))
    for (const thinking of turn.reasoning) steps.push(frame({ type: 'content_block_delta', index, delta: { type: 'thinking_delta', thinking } }, 'content_block_delta'))
    steps.push(frame({ type: 'content_block_delta', index, delta: { type: 'signature_delta', signature: MOCK_SIGNATURE } }, 'content_block_delta'))
    steps.push(frame({ type: 'content_block_stop', index }, 'content_block_stop'))
    index++
  }
  if (turn.text.length) {
    steps.push(frame({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } }, 'content_block_start'))
    steps.push(frame({ type: 'ping' }, 'ping'))
    for (const text of turn.text) steps.push(frame({ type: 'content_block_delta', index, delta: { type: 'text_delta', text } }, 'content_block_delta'))
    if (turn.end !== 'normal') return [...withDelays(steps, turn.frameDelayMs), ...badEnding(turn, index)]
    steps.push(frame({ type: 'content_block_stop', index }, 'content_block_stop'))
    index++
  }
  for (const call of turn.calls) {
    steps.push(frame({ type: 'content_block_start', index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }, 'content_block_start'))
    for (const piece of call.args) {
      steps.push(frame({ type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } }, 'content_block_delta'))
    }
    steps.push(frame({ type: 'content_block_stop', index }, 'content_block_stop'))
    index++
  }
  const output = turn.usage.output + (turn.reasoning?.length ?? 0)
  steps.push(frame({ type: 'message_delta', delta: { stop_reason: turn.calls.length ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: output } }, 'message_delta'))
  steps.push(frame({ type: 'message_stop' }, 'message_stop'))
  const delayed = withDelays(steps, turn.frameDelayMs)
  return turn.stallMs ? [{ kind: 'wait', ms: turn.stallMs }, ...delayed] : delayed
}

function badEnding(turn: MockTurn, index: number): BodyStep[] {
  // A pause before the drop lets a browser deliver what already arrived, as a real drop would.
  if (turn.end === 'cut') return [{ kind: 'wait', ms: 200 }, { kind: 'cut' }]
  if (turn.end === 'malformed') return [{ kind: 'bytes', text: `event: content_block_delta\ndata: {"type":"content_block_delta","index":${index},"delta":{"type":"text_de\n\n` }]
  return [frame({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }, 'error')]
}

/** The non-streamed Message of one turn. */
export function anthropicMessage(turn: MockTurn, model: string): object {
  const content: object[] = []
  if (turn.text.length) content.push({ type: 'text', text: turn.text.join('') })
  for (const call of turn.calls) content.push({ type: 'tool_use', id: call.id, name: call.name, input: safeParse(call.args.join('')) })
  return {
    ...messageShell(model, turn),
    content,
    stop_reason: turn.calls.length ? 'tool_use' : 'end_turn',
    usage: { input_tokens: turn.usage.input, output_tokens: turn.usage.output },
  }
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return {}
  }
}
