// The real openai SDK, through createOpenAIModel / createCompatibleModel, against the mock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCompatibleModel, createOpenAIModel, listModels } from '../../../src/providers/index.ts'
import { startMockServer, type MockServer } from '../node.ts'
import { cityTools, PDF_MIN, PNG_1PX, pipelineTools, runAgent } from './helpers.ts'

const KEY = 'sk-test-openai-0123456789abcdef'
let server: MockServer

beforeAll(async () => { server = await startMockServer() })
afterAll(async () => { await server.close() })
beforeEach(() => server.reset())

const openai = (model: string) => createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model, api: 'chat' })
type Body = { messages: { role: string; content: unknown; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }[]; tools?: unknown[]; stream_options?: unknown; stream?: boolean }
const bodies = (): Body[] => server.requests().filter((r) => r.method === 'POST').map((r) => r.body as Body)

describe('OpenAI adapter against the mock', () => {
  it('runs three parallel tool calls with progress, then answers from their results', async () => {
    const { events, result } = await runAgent(openai('mock-city'), 'Weather, time and population of Seattle?', cityTools())
    expect(result.stopReason).toBe('done')
    expect(result.turns).toBe(2)
    expect(result.toolCalls.map((c) => [c.id, c.name, c.status])).toEqual([
      ['call_weather_01', 'get_weather', 'ok'], ['call_time_02', 'get_time', 'ok'], ['call_population_03', 'get_population', 'ok'],
    ])
    expect(result.toolCalls.every((c) => JSON.stringify(c.args) === '{"city":"Seattle"}')).toBe(true)
    expect(events.filter((e) => e.type === 'tool-progress')).toHaveLength(6)
    expect(result.text).toBe('Seattle report. Weather: Seattle: 12°C, light rain. Time: Seattle: 09:41. Population: Seattle: 755,078.')
    expect(result.usage).toEqual({ inputTokens: 65, outputTokens: 40 })

    const [first, second] = bodies()
    expect(first!.stream).toBe(true)
    expect(first!.stream_options).toEqual({ include_usage: true })
    expect(first!.tools).toEqual(cityTools().map((t) => ({ type: 'function', function: { name: t.name, description: t.description, parameters: t.spec.inputSchema } })))
    const assistant = second!.messages.find((m) => m.role === 'assistant')!
    expect(assistant.tool_calls!.map((c) => [c.id, c.function.name, c.function.arguments])).toEqual([
      ['call_weather_01', 'get_weather', '{"city":"Seattle"}'], ['call_time_02', 'get_time', '{"city":"Seattle"}'], ['call_population_03', 'get_population', '{"city":"Seattle"}'],
    ])
    const toolMessages = second!.messages.filter((m) => m.role === 'tool')
    expect(toolMessages.map((m) => m.tool_call_id)).toEqual(['call_weather_01', 'call_time_02', 'call_population_03'])
    expect(toolMessages[0]!.content).toBe('Seattle: 12°C, light rain')
    expect(server.requests()[0]!.headers['authorization']).toBe(`Bearer ${KEY}`)
  })

  it('plays a three-step pipeline, one call per turn', async () => {
    const { result } = await runAgent(openai('mock-multiturn'), 'Screenshot, compress, email', pipelineTools(), { executor: 'sequential' })
    expect(result.toolCalls.map((c) => c.name)).toEqual(['take_screenshot', 'compress_file', 'send_email'])
    expect(result.toolCalls[1]!.args).toEqual({ path: '/tmp/shot.png' })
    expect(result.text).toBe('Done: sent /tmp/shot.png.zip to team@example.com')
    expect(result.turns).toBe(4)
  })

  it('sends the system prompt, images as data URLs and PDFs as file parts', async () => {
    const model = createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model: 'mock-echo-parts', imageDetail: 'low', api: 'chat' })
    const stream = model.stream({
      system: 'Be brief.',
      tools: [],
      messages: [{ role: 'user', content: [
        { type: 'text', text: 'What are these?' },
        { type: 'image', mediaType: 'image/png', data: PNG_1PX, name: 'dot.png' },
        { type: 'document', mediaType: 'application/pdf', data: PDF_MIN, name: 'doc.pdf', text: ['Page one text'] },
      ] }],
    }, { signal: new AbortController().signal })
    let text = ''
    for await (const event of stream) if (event.type === 'text-delta') text += event.text
    expect(text).toBe('Received parts: text=1 image=1 file=1 document=0.')
    const body = bodies()[0]!
    expect(body.messages[0]).toEqual({ role: 'system', content: 'Be brief.' })
    expect(body.messages[1]!.content).toEqual([
      { type: 'text', text: 'What are these?' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG_1PX}`, detail: 'low' } },
      { type: 'file', file: { filename: 'doc.pdf', file_data: `data:application/pdf;base64,${PDF_MIN}` } },
    ])
  })

  it('sends a PDF as its extracted text and drops GIFs for Ollama', async () => {
    const model = createCompatibleModel({ preset: 'ollama', baseURL: `${server.url}/v1`, model: 'mock-echo-parts' })
    for await (const _event of model.stream({ tools: [], messages: [{ role: 'user', content: [
      { type: 'image', mediaType: 'image/gif', data: 'R0lGOD', name: 'a.gif' },
      { type: 'document', mediaType: 'application/pdf', data: PDF_MIN, name: 'doc.pdf', text: ['Total: 42 EUR'] },
    ] }] }, { signal: new AbortController().signal })) { /* drain */ }
    const content = bodies()[0]!.messages[0]!.content
    expect(typeof content).toBe('string')
    expect(content).toContain('[Image "a.gif" (image/gif) not sent')
    expect(content).toContain('--- Page 1 ---\nTotal: 42 EUR')
    expect(server.requests()[0]!.headers['authorization']).toBe('Bearer no-key')
  })

  it('splits Ollama-style parallel calls that all carry index 0 by id', async () => {
    const { result } = await runAgent(createCompatibleModel({ preset: 'ollama', baseURL: `${server.url}/v1`, model: 'mock-ollama-index0' }), 'Paris?', cityTools())
    expect(result.toolCalls.map((c) => [c.id, c.name])).toEqual([['call_a1', 'get_weather'], ['call_b2', 'get_time'], ['call_c3', 'get_population']])
    expect(result.toolCalls.map((c) => c.status)).toEqual(['ok', 'error', 'ok'])
  })

  it('drops every x-stainless header when asked', async () => {
    const model = createCompatibleModel({ baseURL: `${server.url}/v1`, apiKey: 'k-local', model: 'mock-text', dropStainlessHeaders: true })
    const { result } = await runAgent(model, 'hi')
    expect(result.text).toBe('Hello from the mock provider.')
    const headers = Object.keys(server.requests()[0]!.headers)
    expect(headers.filter((h) => h.startsWith('x-stainless'))).toEqual([])
    expect(headers).toContain('authorization')
  })

  it('works without streaming: the whole text arrives as one delta', async () => {
    const model = createCompatibleModel({ baseURL: `${server.url}/v1`, model: 'mock-city', streaming: false })
    const { events, result } = await runAgent(model, 'Seattle?', cityTools())
    expect(result.toolCalls).toHaveLength(3)
    expect(events.filter((e) => e.type === 'text-delta')).toHaveLength(1)
    expect(result.text).toContain('Population: Seattle: 755,078.')
    expect(bodies().every((b) => b.stream === false)).toBe(true)
  })

  it('calls tools as text when native tools are off', async () => {
    const model = createCompatibleModel({ baseURL: `${server.url}/v1`, model: 'mock-text-tools', nativeTools: false })
    const { events, result } = await runAgent(model, 'Weather in Seattle?', cityTools())
    expect(result.toolCalls.map((c) => [c.name, c.args])).toEqual([['get_weather', { city: 'Seattle' }]])
    const shown = events.filter((e) => e.type === 'text-delta').map((e) => (e.type === 'text-delta' ? e.text : '')).join('')
    expect(shown).not.toContain('TOOL_CALL')
    expect(result.text).toBe('From the tool: Result of get_weather (call text_call_1):\nSeattle: 12°C, light rain'.replace('text_call_1', result.toolCalls[0]!.id))
    const [first, second] = bodies()
    expect(first!.tools).toBeUndefined()
    expect(String(first!.messages[0]!.content)).toContain('TOOL_CALL {"name": "<tool name>"')
    expect(second!.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user'])
  })

  it('lists models from GET /models', async () => {
    const models = await listModels({ baseURL: `${server.url}/v1`, apiKey: KEY })
    expect(models).toContain('mock-city')
    expect(await listModels({ baseURL: `${server.url}/nothing-here` })).toEqual([])
  })
})
