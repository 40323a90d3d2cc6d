// The real openai SDK on the Responses API, through createOpenAIModel (its default for OpenAI),
// against the mock: calls with call_id, results as function_call_output, usage, parts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createOpenAIModel } from '../../../src/providers/index.ts'
import { startMockServer, type MockServer } from '../node.ts'
import { cityTools, PDF_MIN, PNG_1PX, pipelineTools, runAgent } from './helpers.ts'

const KEY = 'sk-test-0123456789abcdef'
let server: MockServer

beforeAll(async () => { server = await startMockServer() })
afterAll(async () => { await server.close() })
beforeEach(() => server.reset())

const openai = (model: string) => createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model })
type Item = { type?: string; role?: string; [key: string]: unknown }
type Body = { model: string; store: boolean; stream: boolean; include?: string[]; instructions?: string; tools?: Item[]; input: Item[] }
const bodies = (): Body[] => server.requests().filter((r) => r.method === 'POST').map((r) => r.body as Body)

describe('OpenAI Responses adapter against the mock', () => {
  it('runs three parallel calls by call_id and answers from their results in call order', async () => {
    const { result } = await runAgent(openai('mock-city'), 'Weather, time and population of Seattle?', cityTools())
    expect(result.stopReason).toBe('done')
    expect(result.toolCalls.map((c) => [c.id, c.name, c.status])).toEqual([
      ['call_weather_01', 'get_weather', 'ok'], ['call_time_02', 'get_time', 'ok'], ['call_population_03', 'get_population', 'ok'],
    ])
    expect(result.text).toBe('Seattle report. Weather: Seattle: 12°C, light rain. Time: Seattle: 09:41. Population: Seattle: 755,078.')
    expect(server.requests().filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/v1/responses', '/v1/responses'])
    const [first, second] = bodies()
    expect(first!.store).toBe(false)
    expect(first!.stream).toBe(true)
    expect(first!.tools!.map((t) => [t.type, t['name']])).toEqual(cityTools().map((t) => ['function', t.name]))
    const calls = second!.input.filter((i) => i.type === 'function_call')
    expect(calls.map((c) => [c['call_id'], c['name'], JSON.parse(String(c['arguments'])) as unknown])).toEqual([
      ['call_weather_01', 'get_weather', { city: 'Seattle' }], ['call_time_02', 'get_time', { city: 'Seattle' }], ['call_population_03', 'get_population', { city: 'Seattle' }],
    ])
    const outputs = second!.input.filter((i) => i.type === 'function_call_output')
    expect(outputs.map((o) => [o['call_id'], o['output']])).toEqual([
      ['call_weather_01', 'Seattle: 12°C, light rain'], ['call_time_02', 'Seattle: 09:41'], ['call_population_03', 'Seattle: 755,078'],
    ])
  })

  it('plays a three-step pipeline, one call per turn', async () => {
    const { result } = await runAgent(openai('mock-multiturn'), 'Screenshot, compress, email', pipelineTools(), { executor: 'sequential' })
    expect(result.toolCalls.map((c) => c.name)).toEqual(['take_screenshot', 'compress_file', 'send_email'])
    expect(result.text).toBe('Done: sent /tmp/shot.png.zip to team@example.com')
  })

  it('sends the system prompt as instructions, images as input_image and PDFs as input_file', async () => {
    const stream = openai('mock-echo-parts').stream({
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
    expect(text).toBe('Received parts: text=1 image=1 file=1 document=0.')
    const body = bodies()[0]!
    expect(body.instructions).toBe('Be brief.')
    expect(body.input).toEqual([{ role: 'user', content: [
      { type: 'input_text', text: 'What are these?' },
      { type: 'input_image', image_url: `data:image/png;base64,${PNG_1PX}`, detail: 'auto' },
      { type: 'input_file', filename: 'doc.pdf', file_data: `data:application/pdf;base64,${PDF_MIN}` },
    ] }])
  })

  it('asks reasoning models for encrypted reasoning, and not older models that reject it', async () => {
    await runAgent(openai('mock-text'), 'hi')
    await runAgent(createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model: 'gpt-4o-mini' }), 'hi')
    const [reasoning, older] = bodies()
    expect(reasoning!.include).toEqual(['reasoning.encrypted_content'])
    expect(older!.include).toBeUndefined()
  })

  it('reports usage with reasoning tokens, as the Responses API counts them', async () => {
    const { events } = await runAgent(openai('mock-thinking'), 'Weather?', cityTools())
    const ends = events.filter((e) => e.type === 'model-end')
    expect(ends.map((e) => (e.type === 'model-end' ? e.usage : undefined))).toEqual([
      { inputTokens: 40, outputTokens: 15, reasoningTokens: 3 },
      { inputTokens: 25, outputTokens: 4, reasoningTokens: 2 },
    ])
  })
})
