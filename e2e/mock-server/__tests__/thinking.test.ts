// Thinking streams through every adapter against the mock: it arrives as reasoning events before
// the answer, and goes back in the next request as each API requires (the mock answers 400 as
// Anthropic and the Responses API do when it is missing).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Model } from '../../../src/core/index.ts'
import { createAnthropicModel, createCompatibleModel, createOpenAIModel } from '../../../src/providers/index.ts'
import { startMockServer, type MockServer } from '../node.ts'
import { cityTools, runAgent } from './helpers.ts'

const KEY = 'sk-test-0123456789abcdef'
let server: MockServer

beforeAll(async () => { server = await startMockServer() })
afterAll(async () => { await server.close() })
beforeEach(() => server.reset())

const MODELS: [string, () => Model][] = [
  ['Anthropic', () => createAnthropicModel({ apiKey: KEY, baseURL: server.url, model: 'mock-thinking', thinking: { budgetTokens: 2048 } })],
  ['OpenAI Responses', () => createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model: 'mock-thinking', reasoningEffort: 'low' })],
  ['DeepSeek (Chat)', () => createCompatibleModel({ preset: 'deepseek', apiKey: KEY, baseURL: `${server.url}/v1`, model: 'mock-thinking' })],
]

describe.each(MODELS)('%s thinking', (name, make) => {
  it('streams thinking before the answer and sends it back after the tool call', async () => {
    const { events, result } = await runAgent(make(), 'Weather in Seattle?', cityTools())
    expect(result.stopReason).toBe('done')
    expect(result.text).toBe('Seattle: Seattle: 12°C, light rain')
    const thinking = events.filter((e) => e.type === 'reasoning-delta').map((e) => (e.type === 'reasoning-delta' ? [e.turn, e.text] : []))
    expect(thinking.filter(([turn]) => turn === 1).map(([, text]) => text).join('')).toBe('The user wants the weather in Seattle; I should call get_weather.')
    expect(thinking.filter(([turn]) => turn === 2).map(([, text]) => text).join('')).toBe('The tool answered; now I can reply.')
    // Thinking of a turn comes before its first text and its tool start.
    const firstThought = events.findIndex((e) => e.type === 'reasoning-delta')
    expect(firstThought).toBeLessThan(events.findIndex((e) => e.type === 'tool-start'))
    const second = server.requests().filter((r) => r.method === 'POST')[1]!.body as Record<string, unknown>
    const wire = JSON.stringify(second)
    if (name === 'DeepSeek (Chat)') expect(wire).toContain('"reasoning_content":"The user wants the weather in Seattle; I should call get_weather."')
    else expect(wire).toContain('mock-signature-EqQBCgIYAhIM')
  })
})

it('sends the thinking options on the wire', async () => {
  await runAgent(MODELS[0]![1](), 'hi', cityTools())
  await runAgent(MODELS[1]![1](), 'hi', cityTools())
  const [anthropic, , responses] = server.requests().filter((r) => r.method === 'POST').map((r) => r.body as Record<string, unknown>)
  expect(anthropic!['thinking']).toEqual({ type: 'enabled', budget_tokens: 2048, display: 'summarized' })
  expect(anthropic!['max_tokens']).toBe(4096)
  expect(responses!['reasoning']).toEqual({ effort: 'low', summary: 'auto' })
})
