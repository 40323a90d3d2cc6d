import { describe, expect, it } from 'vitest'
import type { Message } from '../../core/index.ts'
import { toAnthropicMessages } from '../anthropic-messages.ts'
import { capabilitiesOf } from '../capabilities.ts'
import { toOpenAIMessages } from '../openai-messages.ts'

const conversation: Message[] = [
  { role: 'user', content: [{ type: 'text', text: 'Do two things' }] },
  { role: 'assistant', content: [{ type: 'text', text: 'On it.' }, { type: 'tool-call', id: 'a', name: 'f', args: { x: 1 } }, { type: 'tool-call', id: 'b', name: 'g', args: 'not json' }] },
  { role: 'tool', content: [{ type: 'tool-result', callId: 'a', name: 'f', output: 'one', isError: false }, { type: 'tool-result', callId: 'b', name: 'g', output: 'bad args', isError: true }] },
  { role: 'user', content: [{ type: 'text', text: 'And now?' }] },
]

describe('toOpenAIMessages', () => {
  it('sends assistant calls, then one tool message per call in order', () => {
    const out = toOpenAIMessages({ system: 'S', messages: conversation, tools: [] }, { caps: capabilitiesOf('openai'), textTools: false })
    expect(out).toEqual([
      { role: 'system', content: 'S' },
      { role: 'user', content: 'Do two things' },
      { role: 'assistant', content: 'On it.', tool_calls: [
        { id: 'a', type: 'function', function: { name: 'f', arguments: '{"x":1}' } },
        { id: 'b', type: 'function', function: { name: 'g', arguments: 'not json' } },
      ] },
      { role: 'tool', tool_call_id: 'a', content: 'one' },
      { role: 'tool', tool_call_id: 'b', content: 'Error: bad args' },
      { role: 'user', content: 'And now?' },
    ])
  })
})

describe('toAnthropicMessages', () => {
  it('opens the next user message with the tool results, in order', () => {
    const out = toAnthropicMessages(conversation, capabilitiesOf('anthropic'))
    expect(out.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(out[1]!.content).toEqual([
      { type: 'text', text: 'On it.' },
      { type: 'tool_use', id: 'a', name: 'f', input: { x: 1 } },
      { type: 'tool_use', id: 'b', name: 'g', input: { raw: 'not json' } },
    ])
    expect(out[2]!.content).toEqual([
      { type: 'tool_result', tool_use_id: 'a', content: 'one', is_error: false },
      { type: 'tool_result', tool_use_id: 'b', content: 'bad args', is_error: true },
      { type: 'text', text: 'And now?' },
    ])
  })

  it('sends a PDF as text when told the provider cannot read it', () => {
    const out = toAnthropicMessages([{ role: 'user', content: [{ type: 'document', mediaType: 'application/pdf', data: 'JVBE', name: 'a.pdf', text: ['p1', 'p2'] }] }], { ...capabilitiesOf('anthropic'), pdf: 'text' })
    expect(out[0]!.content).toEqual([{ type: 'text', text: '[Document "a.pdf", 2 pages, as extracted text]\n--- Page 1 ---\np1\n--- Page 2 ---\np2' }])
  })
})
