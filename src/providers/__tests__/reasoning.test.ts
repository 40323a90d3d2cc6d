// What the corpus does not record: Responses incomplete and failed streams, hosted items Lanes
// cannot run, reasoning from one provider reaching another, and the rules behind the usage and
// the [DONE] watch, for any input.
import type { ResponseStreamEvent } from 'openai/resources/responses/responses'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ContentPart, Message } from '../../core/index.ts'
import { toAnthropicMessages } from '../anthropic-messages.ts'
import { AnthropicAccumulator } from '../anthropic-stream.ts'
import { capabilitiesOf } from '../capabilities.ts'
import { ChunkAccumulator, chatUsage } from '../chat-chunks.ts'
import { toOpenAIMessages } from '../openai-messages.ts'
import { encodeReasoningItem, toResponsesInput } from '../responses-input.ts'
import { ResponsesAccumulator } from '../responses-stream.ts'
import { tapDone } from '../sse-done.ts'

const ev = (value: object): ResponseStreamEvent => value as ResponseStreamEvent

describe('ResponsesAccumulator', () => {
  it('ends an incomplete response for max_output_tokens as length, with its usage', () => {
    const acc = new ResponsesAccumulator('OpenAI')
    expect(acc.push(ev({ type: 'response.output_text.delta', delta: 'Hal' }))).toEqual([{ type: 'text-delta', text: 'Hal' }])
    const out = acc.push(ev({ type: 'response.incomplete', response: { incomplete_details: { reason: 'max_output_tokens' }, usage: { input_tokens: 5, output_tokens: 9, output_tokens_details: { reasoning_tokens: 7 } } } }))
    expect(out).toEqual([{ type: 'usage', inputTokens: 5, outputTokens: 9, reasoningTokens: 7 }, { type: 'finish', reason: 'length' }])
    expect(acc.complete).toBe(true)
  })

  it('shows items it cannot run as a note, never drops them', () => {
    const acc = new ResponsesAccumulator('OpenAI')
    const note = acc.push(ev({ type: 'response.output_item.added', output_index: 0, item: { type: 'computer_call', id: 'cu_1', call_id: 'c1', action: {} } }))
    expect(note).toEqual([{ type: 'text-delta', text: expect.stringContaining('a computer-use action (computer_call), which Lanes cannot run') as string }])
    expect(acc.push(ev({ type: 'response.output_item.done', output_index: 1, item: { type: 'mcp_call', id: 'm1', name: 'search', server_label: 's', arguments: '{}', error: 'server down' } })))
      .toEqual([{ type: 'text-delta', text: expect.stringContaining('Hosted MCP tool search failed') as string }])
    expect(acc.push(ev({ type: 'response.completed', response: { usage: null } })).at(-1)).toEqual({ type: 'finish', reason: 'unsupported-item' })
  })

  it('turns response.failed and error events into errors that quote the provider', () => {
    const failed = new ResponsesAccumulator('OpenAI')
    expect(() => failed.push(ev({ type: 'response.failed', response: { error: { code: 'server_error', message: 'Something broke' } } }))).toThrow(/OpenAI said: Something broke/)
    const overloaded = new ResponsesAccumulator('OpenAI')
    expect(() => overloaded.push(ev({ type: 'error', code: 'overloaded', message: 'Busy', param: null, sequence_number: 3 }))).toThrow(expect.objectContaining({ kind: 'overloaded' }) as Error)
  })

  it('closes each reasoning item with its encrypted content, marked for the Responses API', () => {
    const acc = new ResponsesAccumulator('OpenAI')
    const [end] = acc.push(ev({ type: 'response.output_item.done', output_index: 0, item: { type: 'reasoning', id: 'rs_1', summary: [], encrypted_content: 'gAAA' } }))
    expect(end).toEqual({ type: 'reasoning-end', data: encodeReasoningItem('rs_1', 'gAAA') })
  })
})

describe('AnthropicAccumulator', () => {
  it('counts cache reads and writes into the input and reports them', () => {
    const acc = new AnthropicAccumulator()
    acc.push({ type: 'message_start', message: { usage: { input_tokens: 2, cache_read_input_tokens: 100, cache_creation_input_tokens: 30, output_tokens: 1 } } } as never)
    acc.push({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 9, input_tokens: 2, cache_read_input_tokens: 100, cache_creation_input_tokens: 30 } } as never)
    expect(acc.finish()).toEqual([{ type: 'usage', inputTokens: 132, outputTokens: 9, cacheReadTokens: 100, cacheWriteTokens: 30 }, { type: 'finish', reason: 'end_turn' }])
  })
})

describe('reasoning sent back', () => {
  const parts: ContentPart[] = [
    { type: 'reasoning', text: 'Anthropic thought', signature: 'sig-1' },
    { type: 'reasoning', text: '', data: 'redacted-blob' },
    { type: 'reasoning', text: 'OpenAI summary', data: encodeReasoningItem('rs_9', 'enc-9') },
    { type: 'reasoning', text: 'DeepSeek thought' },
    { type: 'text', text: 'Calling.' },
    { type: 'tool-call', id: 'c1', name: 'f', args: { a: 1 } },
  ]
  const conversation: Message[] = [{ role: 'user', content: [{ type: 'text', text: 'go' }] }, { role: 'assistant', content: parts }]

  it('gives Anthropic only its own thinking, signed or redacted, first', () => {
    const [, assistant] = toAnthropicMessages(conversation, capabilitiesOf('anthropic'))
    expect(assistant!.content).toEqual([
      { type: 'thinking', thinking: 'Anthropic thought', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'redacted-blob' },
      { type: 'text', text: 'Calling.' },
      { type: 'tool_use', id: 'c1', name: 'f', input: { a: 1 } },
    ])
  })

  it('gives the Responses API only its own encrypted items, before the calls', () => {
    const items = toResponsesInput(conversation, capabilitiesOf('openai'))
    expect(items.slice(1)).toEqual([
      { type: 'reasoning', id: 'rs_9', encrypted_content: 'enc-9', summary: [{ type: 'summary_text', text: 'OpenAI summary' }] },
      { role: 'assistant', content: 'Calling.' },
      { type: 'function_call', call_id: 'c1', name: 'f', arguments: '{"a":1}' },
    ])
  })

  it('sends reasoning_content on Chat only when asked (DeepSeek), never to other servers', () => {
    const request = { messages: conversation, tools: [] }
    const plain = toOpenAIMessages(request, { caps: capabilitiesOf('groq'), textTools: false })
    expect(JSON.stringify(plain)).not.toContain('reasoning_content')
    const echoed = toOpenAIMessages(request, { caps: capabilitiesOf('deepseek'), textTools: false, echoReasoning: true })
    expect(echoed[1]).toMatchObject({ role: 'assistant', reasoning_content: 'Anthropic thoughtOpenAI summaryDeepSeek thought' })
  })
})

describe('Gemini thought signatures', () => {
  it('keep each call\'s extra_content and send it back on that call only, on Chat', () => {
    const acc = new ChunkAccumulator()
    const extra = { google: { thought_signature: 'sig-gem-1' } }
    acc.push({ id: 'x', object: 'chat.completion.chunk', created: 0, model: 'gemini-3.6-flash', choices: [{ index: 0, finish_reason: 'tool_calls', delta: { tool_calls: [
      { id: 'fc-1', type: 'function', function: { name: 'Read', arguments: '{"p":1}' }, extra_content: extra },
      { id: 'fc-2', type: 'function', function: { name: 'Read', arguments: '{"p":2}' } },
    ] } }] } as never)
    const events = acc.finish()
    const end = events[0]
    expect(end?.type).toBe('reasoning-end')
    expect(events.slice(1, 3).map((e) => (e.type === 'tool-call' ? e.id : ''))).toEqual(['fc-1', 'fc-2'])
    const assistant: Message = { role: 'assistant', content: [
      { type: 'reasoning', text: '', ...(end?.type === 'reasoning-end' && end.data ? { data: end.data } : {}) },
      { type: 'tool-call', id: 'fc-1', name: 'Read', args: { p: 1 } },
      { type: 'tool-call', id: 'fc-2', name: 'Read', args: { p: 2 } },
    ] }
    const [wire] = toOpenAIMessages({ messages: [assistant], tools: [] }, { caps: capabilitiesOf('gemini'), textTools: false })
    expect(wire).toMatchObject({ tool_calls: [{ id: 'fc-1', extra_content: extra }, { id: 'fc-2' }] })
    expect(JSON.stringify(wire)).not.toContain('reasoning_content')
    expect(JSON.stringify((wire as { tool_calls: unknown[] }).tool_calls[1])).not.toContain('extra_content')
    // Anthropic never receives another adapter's payload as redacted thinking.
    const [, claude] = toAnthropicMessages([{ role: 'user', content: [{ type: 'text', text: 'go' }] }, assistant], capabilitiesOf('anthropic'))
    expect(JSON.stringify(claude)).not.toContain('redacted_thinking')
  })
})

describe('invariants', () => {
  it('chatUsage never reports fewer output tokens than billed, nor zero details (property)', () => {
    const n = fc.option(fc.nat({ max: 1e6 }), { nil: undefined })
    fc.assert(fc.property(n, n, n, n, n, (prompt, completion, total, reasoning, cached) => {
      const usage = chatUsage({ prompt_tokens: prompt, completion_tokens: completion, total_tokens: total, completion_tokens_details: { reasoning_tokens: reasoning }, prompt_tokens_details: { cached_tokens: cached } })
      expect(usage.inputTokens).toBe(prompt ?? 0)
      expect(usage.outputTokens).toBeGreaterThanOrEqual(completion ?? 0)
      expect(usage.outputTokens).toBeGreaterThanOrEqual((total ?? 0) - (prompt ?? 0))
      expect(usage.reasoningTokens).toBe(reasoning ? reasoning : undefined)
      expect(usage.cacheReadTokens).toBe(cached ? cached : undefined)
    }))
  })

  it('sees a whole [DONE] line however the body is split, and nothing else as one (property)', async () => {
    const frame = 'data: {"choices":[{"index":0,"delta":{"content":"[DONE] is not a terminator here"}}]}\n\n'
    const bodies = fc.record({
      frames: fc.nat({ max: 3 }),
      ending: fc.constantFrom('data: [DONE]\n\n', 'data: [DONE]\r\n\r\n', 'data:[DONE]\n\n', 'data: [DONE]', 'data: [DON', ''),
      cuts: fc.array(fc.nat({ max: 400 }), { maxLength: 12 }),
    })
    await fc.assert(fc.asyncProperty(bodies, async ({ frames, ending, cuts }) => {
      const bytes = new TextEncoder().encode(frame.repeat(frames) + ending)
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
      const pieces = [0, ...points, bytes.length].slice(1).map((end, i, all) => bytes.slice(i === 0 ? 0 : all[i - 1], end)).filter((p) => p.length)
      const tap = tapDone(async () => new Response(new ReadableStream<Uint8Array>({ start(c) { for (const p of pieces) c.enqueue(p); c.close() } }), { headers: { 'content-type': 'text/event-stream' } }))
      const response = await tap.fetch('http://x')
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)
      expect(tap.done).toBe(/\[DONE\][\r\n]/.test(ending))
    }))
  })
})
