// The OpenAI Responses API on the wire (wire-formats.md §1.10): named events whose JSON repeats
// the name in `type` and carries a running sequence_number, each output item added, streamed and
// done, then response.completed with the whole output and usage. No [DONE].
import { MOCK_SIGNATURE, type MockTurn } from './plan.ts'
import { frame, withDelays, type BodyStep } from './sse.ts'

/** The streamed body of one turn. */
export function responsesStreamSteps(turn: MockTurn, model: string): BodyStep[] {
  let seq = 0
  const event = (type: string, fields: object): BodyStep => frame({ type, sequence_number: seq++, ...fields }, type)
  const shell = { id: 'resp_mock_01', object: 'response', created_at: 1760000000, model, store: false, error: null, incomplete_details: null }
  const steps: BodyStep[] = [event('response.created', { response: { ...shell, status: 'in_progress', output: [], usage: null } })]
  if (turn.end === 'overloaded-start') return [...steps, event('error', { code: 'overloaded', message: 'The server is overloaded. Please try again later.', param: null })]
  if (turn.end === 'start-only') return steps
  const output: object[] = []
  let index = 0
  if (turn.reasoning?.length) {
    const id = 'rs_mock_01'
    const text = turn.reasoning.join('')
    steps.push(event('response.output_item.added', { output_index: index, item: { id, type: 'reasoning', summary: [], encrypted_content: null } }))
    steps.push(event('response.reasoning_summary_part.added', { item_id: id, output_index: index, summary_index: 0, part: { type: 'summary_text', text: '' } }))
    for (const delta of turn.reasoning) steps.push(event('response.reasoning_summary_text.delta', { item_id: id, output_index: index, summary_index: 0, delta }))
    steps.push(event('response.reasoning_summary_text.done', { item_id: id, output_index: index, summary_index: 0, text }))
    steps.push(event('response.reasoning_summary_part.done', { item_id: id, output_index: index, summary_index: 0, part: { type: 'summary_text', text } }))
    const item = { id, type: 'reasoning', summary: [{ type: 'summary_text', text }], encrypted_content: MOCK_SIGNATURE }
    steps.push(event('response.output_item.done', { output_index: index++, item }))
    output.push(item)
  }
  if (turn.text.length) {
    const id = 'msg_mock_01'
    const text = turn.text.join('')
    steps.push(event('response.output_item.added', { output_index: index, item: { id, type: 'message', status: 'in_progress', role: 'assistant', content: [] } }))
    steps.push(event('response.content_part.added', { item_id: id, output_index: index, content_index: 0, part: { type: 'output_text', text: '', annotations: [] } }))
    for (const delta of turn.text) steps.push(event('response.output_text.delta', { item_id: id, output_index: index, content_index: 0, delta, logprobs: [] }))
    if (turn.end === 'cut') return [...withDelays(steps, turn.frameDelayMs), { kind: 'wait', ms: 200 }, { kind: 'cut' }]
    if (turn.end === 'malformed') return [...steps, { kind: 'bytes', text: 'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"brok\n\n' }]
    if (turn.end === 'stream-error') return [...steps, event('error', { code: 'server_error', message: 'The server had an error while processing your request.', param: null })]
    steps.push(event('response.output_text.done', { item_id: id, output_index: index, content_index: 0, text, logprobs: [] }))
    const part = { type: 'output_text', text, annotations: [] }
    steps.push(event('response.content_part.done', { item_id: id, output_index: index, content_index: 0, part }))
    const item = { id, type: 'message', status: 'completed', role: 'assistant', content: [part] }
    steps.push(event('response.output_item.done', { output_index: index++, item }))
    output.push(item)
  }
  for (const call of turn.calls) {
    const id = `fc_${call.id}`
    const args = call.args.join('')
    steps.push(event('response.output_item.added', { output_index: index, item: { id, type: 'function_call', status: 'in_progress', call_id: call.id, name: call.name, arguments: '' } }))
    for (const delta of call.args) if (delta) steps.push(event('response.function_call_arguments.delta', { item_id: id, output_index: index, delta }))
    steps.push(event('response.function_call_arguments.done', { item_id: id, output_index: index, arguments: args }))
    const item = { id, type: 'function_call', status: 'completed', call_id: call.id, name: call.name, arguments: args }
    steps.push(event('response.output_item.done', { output_index: index++, item }))
    output.push(item)
  }
  const reasoningTokens = turn.reasoning?.length ?? 0
  const usage = { input_tokens: turn.usage.input, input_tokens_details: { cached_tokens: 0 }, output_tokens: turn.usage.output + reasoningTokens, output_tokens_details: { reasoning_tokens: reasoningTokens }, total_tokens: turn.usage.input + turn.usage.output + reasoningTokens }
  steps.push(event('response.completed', { response: { ...shell, status: 'completed', output, usage } }))
  const delayed = withDelays(steps, turn.frameDelayMs)
  return turn.stallMs ? [{ kind: 'wait', ms: turn.stallMs }, ...delayed] : delayed
}
