// The mock's bytes on the wire, checked raw (wire-formats.md checklist §6), plus its CORS answers,
// request log, counted faults, and use as an in-process fetch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOpenAIModel } from '../../../src/providers/index.ts'
import { createMockHandler } from '../handler.ts'
import { startMockServer, type MockServer } from '../node.ts'
import { runAgent } from './helpers.ts'

let server: MockServer
beforeAll(async () => { server = await startMockServer() })
afterAll(async () => { await server.close() })
beforeEach(() => server.reset())

const post = (path: string, body: object, headers: Record<string, string> = { authorization: 'Bearer k' }) =>
  fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
const user = [{ role: 'user', content: 'hi' }]

/** Split an SSE body into frames of { event, data }. */
function frames(text: string): { event: string | undefined; data: string }[] {
  return text.split('\n\n').filter(Boolean).map((raw) => {
    const lines = raw.split('\n')
    return { event: lines.find((l) => l.startsWith('event: '))?.slice(7), data: lines.find((l) => l.startsWith('data: '))?.slice(6) ?? '' }
  })
}

describe('mock server wire format', () => {
  it('answers the CORS preflight and exposes headers on every response', async () => {
    const asked = 'authorization,content-type,x-stainless-arch,x-stainless-retry-count'
    const pre = await fetch(`${server.url}/v1/chat/completions`, { method: 'OPTIONS', headers: { origin: 'http://example.test', 'access-control-request-method': 'POST', 'access-control-request-headers': asked } })
    expect(pre.status).toBe(204)
    expect(pre.headers.get('access-control-allow-origin')).toBe('*')
    expect(pre.headers.get('access-control-allow-headers')).toBe(asked)
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST')
    const error = await post('/v1/chat/completions', { model: 'fault-429', messages: user })
    expect(error.headers.get('access-control-expose-headers')).toBe('*')
    expect(error.headers.get('retry-after')).toBe('1')
  })

  it('streams the Responses API as named events with rising sequence numbers, no [DONE]', async () => {
    const response = await post('/v1/responses', { model: 'mock-thinking', input: [{ role: 'user', content: 'hi' }], stream: true })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const list = frames(await response.text())
    const payloads = list.map((f) => JSON.parse(f.data) as { type: string; sequence_number: number; item?: { type: string; encrypted_content?: string } })
    expect(list.every((f, i) => f.event === payloads[i]!.type)).toBe(true)
    expect(payloads.map((p) => p.sequence_number)).toEqual(payloads.map((_, i) => i))
    expect(payloads[0]!.type).toBe('response.created')
    expect(payloads.at(-1)!.type).toBe('response.completed')
    expect(list.some((f) => f.data.includes('[DONE]'))).toBe(false)
    // Thinking first: a reasoning item with its summary, closed with the encrypted content.
    const items = payloads.filter((p) => p.type === 'response.output_item.done').map((p) => p.item!)
    expect(items.map((item) => item.type)).toEqual(['reasoning', 'function_call'])
    expect(items[0]!.encrypted_content).toBe('mock-signature-EqQBCgIYAhIM')
  })

  it('answers a Responses follow-up without its reasoning item with a 400, as the real API does', async () => {
    const input = [
      { role: 'user', content: 'hi' },
      { type: 'function_call', call_id: 'call_think_01', name: 'get_weather', arguments: '{"city":"Seattle"}' },
      { type: 'function_call_output', call_id: 'call_think_01', output: 'Sunny' },
    ]
    expect((await post('/v1/responses', { model: 'mock-thinking', input, stream: true })).status).toBe(400)
    const withReasoning = [input[0], { type: 'reasoning', id: 'rs_mock_01', summary: [], encrypted_content: 'mock-signature-EqQBCgIYAhIM' }, ...input.slice(1)]
    const ok = await post('/v1/responses', { model: 'mock-thinking', input: withReasoning, stream: true })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('"delta":"Sunny"')
  })

  it('streams Anthropic thinking first, closed by a signature_delta', async () => {
    const response = await post('/v1/messages', { model: 'mock-thinking', max_tokens: 100, messages: user, stream: true })
    const list = frames(await response.text()).map((f) => JSON.parse(f.data) as { type: string; content_block?: { type: string }; delta?: { type: string } })
    expect(list.find((f) => f.type === 'content_block_start')?.content_block?.type).toBe('thinking')
    const deltas = list.filter((f) => f.type === 'content_block_delta').map((f) => f.delta!.type)
    expect(deltas.slice(0, 4)).toEqual(['thinking_delta', 'thinking_delta', 'thinking_delta', 'signature_delta'])
  })

  it('streams OpenAI data-only frames: role first, finish, usage, [DONE]', async () => {
    const response = await post('/v1/chat/completions', { model: 'mock-text', messages: user, stream: true, stream_options: { include_usage: true } })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const text = await response.text()
    expect(text.endsWith('data: [DONE]\n\n')).toBe(true)
    const list = frames(text)
    expect(list.every((f) => f.event === undefined)).toBe(true)
    const chunks = list.slice(0, -1).map((f) => JSON.parse(f.data) as { choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[]; usage: unknown })
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant')
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('Hello from the mock provider.')
    expect(chunks.at(-2)!.choices[0]!.finish_reason).toBe('stop')
    expect(chunks.at(-1)!.choices).toEqual([])
    expect(chunks.at(-1)!.usage).toMatchObject({ prompt_tokens: 25, completion_tokens: 4 })
  })

  it('streams Anthropic named events with sequential block indexes', async () => {
    const response = await post('/v1/messages', { model: 'mock-city', max_tokens: 10, messages: user, stream: true }, { 'x-api-key': 'k', 'anthropic-version': '2023-06-01' })
    const list = frames(await response.text())
    expect(list.every((f) => f.event !== undefined && (JSON.parse(f.data) as { type: string }).type === f.event)).toBe(true)
    expect(list[0]!.event).toBe('message_start')
    expect(list.at(-1)!.event).toBe('message_stop')
    const starts = list.filter((f) => f.event === 'content_block_start').map((f) => (JSON.parse(f.data) as { index: number }).index)
    expect(starts).toEqual([0, 1, 2])
    const delta = JSON.parse(list.at(-2)!.data) as { delta: { stop_reason: string }; usage: { output_tokens: number } }
    expect(delta.delta.stop_reason).toBe('tool_use')
    expect(delta.usage.output_tokens).toBe(36)
  })

  it('rejects a request without a key, in the protocol’s error shape', async () => {
    const response = await post('/v1/messages', { model: 'mock-text', max_tokens: 10, messages: user }, {})
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
  })

  it('records requests with headers and bodies, and resets', async () => {
    await post('/v1/chat/completions', { model: 'mock-text', messages: user })
    const log = (await (await fetch(`${server.url}/__mock/requests`)).json()) as { method: string; path: string; headers: Record<string, string>; body: { model: string } }[]
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ method: 'POST', path: '/v1/chat/completions', body: { model: 'mock-text' } })
    expect(log[0]!.headers['authorization']).toBe('Bearer k')
    await fetch(`${server.url}/__mock/reset`, { method: 'POST' })
    expect(server.requests()).toEqual([])
  })

  it('fails a counted fault N times, then plays the named scenario', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 3; i++) statuses.push((await post('/v1/chat/completions', { model: 'fault-500x2-then-text', messages: user })).status)
    expect(statuses).toEqual([500, 500, 200])
  })

  it('answers a non-streamed request with a whole completion', async () => {
    const body = (await (await post('/v1/chat/completions', { model: 'mock-text', messages: user })).json()) as { choices: { message: { content: string } }[] }
    expect(body.choices[0]!.message.content).toBe('Hello from the mock provider.')
  })

  it('serves the SDK in-process when its handler is passed as fetch', async () => {
    const mock = createMockHandler()
    const model = createOpenAIModel({ apiKey: 'k', baseURL: 'http://mock.invalid/v1', model: 'mock-text', api: 'chat', fetch: (input, init) => mock.handle(new Request(input, init)) })
    const { result } = await runAgent(model, 'hi')
    expect(result.text).toBe('Hello from the mock provider.')
    expect(mock.requests()[0]!.path).toBe('/v1/chat/completions')
  })
})
