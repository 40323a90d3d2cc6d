// What the second request must carry back, read from the fixture's own bytes, and the check of
// the request body the adapter sent.
import { expect } from 'vitest'
import type { Fixture } from './fixtures.ts'

/** Every JSON `data:` payload of an SSE body. */
export function ssePayloads(bytes: Uint8Array): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = []
  for (const frame of new TextDecoder().decode(bytes).split(/\r?\n\r?\n/)) {
    const data = frame.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n')
    if (!data || data === '[DONE]') continue
    try {
      out.push(JSON.parse(data) as Record<string, unknown>)
    } catch {
      // Comments and keep-alives carry no JSON.
    }
  }
  return out
}

type Json = Record<string, unknown>
const obj = (value: unknown): Json => (typeof value === 'object' && value !== null ? (value as Json) : {})
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.map(obj) : [])

/** Anthropic thinking blocks of the stream: text + signature, or redacted data. */
function anthropicThinking(bytes: Uint8Array): Json[] {
  const blocks = new Map<number, Json>()
  for (const event of ssePayloads(bytes)) {
    const index = Number(event['index'])
    if (event['type'] === 'content_block_start') {
      const block = obj(event['content_block'])
      if (block['type'] === 'thinking') blocks.set(index, { type: 'thinking', thinking: block['thinking'] ?? '', signature: block['signature'] ?? '' })
      if (block['type'] === 'redacted_thinking') blocks.set(index, { type: 'redacted_thinking', data: block['data'] })
    } else if (event['type'] === 'content_block_delta') {
      const block = blocks.get(index)
      const delta = obj(event['delta'])
      if (block && delta['type'] === 'thinking_delta') block['thinking'] = String(block['thinking']) + String(delta['thinking'])
      if (block && delta['type'] === 'signature_delta') block['signature'] = String(block['signature']) + String(delta['signature'])
    }
  }
  return [...blocks.entries()].sort((a, b) => a[0] - b[0]).map(([, block]) => block)
}

/** Responses reasoning items as output_item.done gave them. */
function responsesReasoning(bytes: Uint8Array): Json[] {
  return ssePayloads(bytes)
    .filter((event) => event['type'] === 'response.output_item.done' && obj(event['item'])['type'] === 'reasoning')
    .map((event) => obj(event['item']))
}

/** Check the follow-up request: the calls and their results, and reasoning where the API needs it. */
export function checkSecondRequest(fixture: Fixture, body: unknown): void {
  const calls = fixture.expect.calls
  const req = obj(body)
  if (fixture.kind === 'chat') {
    const messages = list(req['messages'])
    const assistant = messages.find((m) => m['role'] === 'assistant')!
    expect(list(assistant['tool_calls']).map((c) => [c['id'], obj(c['function'])['name'], JSON.parse(String(obj(c['function'])['arguments'])) as unknown])).toEqual(calls.map((c) => [c.id, c.name, c.args]))
    expect(messages.filter((m) => m['role'] === 'tool').map((m) => m['tool_call_id'])).toEqual(calls.map((c) => c.id))
    if (fixture.expect.mustEchoReasoning) expect(assistant['reasoning_content']).toBe(fixture.expect.reasoning)
  } else if (fixture.kind === 'anthropic') {
    const messages = list(req['messages'])
    const assistant = list(messages.find((m) => m['role'] === 'assistant')!['content'])
    expect(assistant.filter((b) => b['type'] === 'tool_use').map((b) => [b['id'], b['name'], b['input']])).toEqual(calls.map((c) => [c.id, c.name, c.args]))
    // Thinking goes back first, unchanged, with its signature; redacted thinking with its data.
    const thinking = anthropicThinking(fixture.bytes)
    expect(assistant.filter((b) => b['type'] === 'thinking' || b['type'] === 'redacted_thinking')).toEqual(thinking)
    if (thinking.length) expect(assistant[0]!['type']).toMatch(/thinking/)
    const user = list(messages[messages.length - 1]!['content'])
    expect(user.filter((b) => b['type'] === 'tool_result').map((b) => b['tool_use_id'])).toEqual(calls.map((c) => c.id))
  } else {
    const input = list(req['input'])
    expect(req['store']).toBe(false)
    const fnCalls = input.filter((item) => item['type'] === 'function_call')
    expect(fnCalls.map((c) => [c['call_id'], c['name'], JSON.parse(String(c['arguments'])) as unknown])).toEqual(calls.map((c) => [c.id, c.name, c.args]))
    expect(input.filter((item) => item['type'] === 'function_call_output').map((item) => item['call_id'])).toEqual(calls.map((c) => c.id))
    // Every encrypted reasoning item goes back whole, before the calls it preceded.
    const items = responsesReasoning(fixture.bytes).filter((item) => item['encrypted_content'])
    const sent = input.filter((item) => item['type'] === 'reasoning')
    expect(sent.map((item) => [item['id'], item['encrypted_content']])).toEqual(items.map((item) => [item['id'], item['encrypted_content']]))
    if (items.length) expect(input.findIndex((item) => item['type'] === 'reasoning')).toBeLessThan(input.findIndex((item) => item['type'] === 'function_call'))
    if (fixture.expect.mustEchoReasoning && fixture.expect.reasoning) expect(items.length).toBeGreaterThan(0)
  }
}
