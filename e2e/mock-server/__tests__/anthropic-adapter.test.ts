// The real @anthropic-ai/sdk 1.12, through createAnthropicModel, against the mock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createAnthropicModel } from '../../../src/providers/index.ts'
import { startMockServer, type MockServer } from '../node.ts'
import { cityTools, PDF_MIN, PNG_1PX, pipelineTools, runAgent } from './helpers.ts'

const KEY = 'sk-ant-test-0123456789abcdef'
let server: MockServer

beforeAll(async () => { server = await startMockServer() })
afterAll(async () => { await server.close() })
beforeEach(() => server.reset())

const anthropic = (model: string) => createAnthropicModel({ apiKey: KEY, baseURL: server.url, model })
type Block = { type: string; [key: string]: unknown }
type Body = { system?: string; max_tokens: number; tools?: unknown[]; messages: { role: string; content: Block[] | string }[] }
const bodies = (): Body[] => server.requests().filter((r) => r.method === 'POST').map((r) => r.body as Body)

describe('Anthropic adapter against the mock', () => {
  it('runs three parallel tool calls with progress, then answers from their results', async () => {
    const { events, result } = await runAgent(anthropic('mock-city'), 'Weather, time and population of Seattle?', cityTools())
    expect(result.stopReason).toBe('done')
    expect(result.toolCalls.map((c) => [c.id, c.name, c.status])).toEqual([
      ['call_weather_01', 'get_weather', 'ok'], ['call_time_02', 'get_time', 'ok'], ['call_population_03', 'get_population', 'ok'],
    ])
    expect(events.filter((e) => e.type === 'tool-progress')).toHaveLength(6)
    expect(result.text).toBe('Seattle report. Weather: Seattle: 12°C, light rain. Time: Seattle: 09:41. Population: Seattle: 755,078.')
    expect(result.usage).toEqual({ inputTokens: 65, outputTokens: 40 })
    const endEvents = events.filter((e) => e.type === 'model-end')
    expect(endEvents.map((e) => (e.type === 'model-end' ? e.finish : ''))).toEqual(['tool_use', 'end_turn'])

    const [first, second] = bodies()
    expect(first!.max_tokens).toBe(4096)
    expect(first!.tools).toEqual(cityTools().map((t) => ({ name: t.name, description: t.description, input_schema: t.spec.inputSchema })))
    expect(second!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    const uses = second!.messages[1]!.content as Block[]
    expect(uses.map((b) => [b.type, b['id'], b['input']])).toEqual([
      ['tool_use', 'call_weather_01', { city: 'Seattle' }], ['tool_use', 'call_time_02', { city: 'Seattle' }], ['tool_use', 'call_population_03', { city: 'Seattle' }],
    ])
    const results = second!.messages[2]!.content as Block[]
    expect(results.map((b) => [b.type, b['tool_use_id'], b['is_error']])).toEqual([
      ['tool_result', 'call_weather_01', false], ['tool_result', 'call_time_02', false], ['tool_result', 'call_population_03', false],
    ])
    expect(results[2]!['content']).toBe('Seattle: 755,078')
    const headers = server.requests()[0]!.headers
    expect(headers['authorization']).toBe(`Bearer ${KEY}`)
    expect(headers['anthropic-version']).toBe('2026-10-21')
    expect(headers['anthropic-dangerous-direct-browser-access']).toBe('true')
  })

  it('plays a three-step pipeline, one call per turn', async () => {
    const { result } = await runAgent(anthropic('mock-multiturn'), 'Screenshot, compress, email', pipelineTools(), { executor: 'sequential' })
    expect(result.toolCalls.map((c) => c.name)).toEqual(['take_screenshot', 'compress_file', 'send_email'])
    expect(result.text).toBe('Done: sent /tmp/shot.png.zip to team@example.com')
  })

  it('sends the system prompt, images as image blocks and PDFs as document blocks', async () => {
    const stream = anthropic('mock-echo-parts').stream({
      system: 'Be brief.',
      tools: [],
      messages: [{ role: 'user', content: [
        { type: 'text', text: 'What are these?' },
        { type: 'image', mediaType: 'image/png', data: PNG_1PX, name: 'dot.png' },
        { type: 'document', mediaType: 'application/pdf', data: PDF_MIN, name: 'doc.pdf' },
      ] }],
    }, { signal: new AbortController().signal })
    let text = ''
    for await (const event of stream) if (event.type === 'text-delta') text += event.text
    expect(text).toBe('Received parts: text=1 image=1 file=0 document=1.')
    const body = bodies()[0]!
    expect(body.system).toBe('Be brief.')
    expect(body.messages[0]!.content).toEqual([
      { type: 'text', text: 'What are these?' },
      { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG_1PX } },
      { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF_MIN }, title: 'doc.pdf' },
    ])
  })

  it('reports unparsable tool arguments to the model, which then answers', async () => {
    const { result } = await runAgent(anthropic('fault-bad-tool-json'), 'Weather?', cityTools())
    expect(result.toolCalls[0]!.status).toBe('error')
    expect(result.stopReason).toBe('done')
    expect(result.text).toMatch(/^The tool said: .*Invalid arguments for get_weather/)
    const results = bodies()[1]!.messages[2]!.content as Block[]
    expect(results[0]!['is_error']).toBe(true)
    // tool_use input must be an object, so the raw text travels wrapped.
    expect((bodies()[1]!.messages[1]!.content as Block[])[0]!['input']).toEqual({ raw: '{"city": "Seattle"' })
  })
})
