// Every fault scenario, through both real SDKs and the adapters: a clear ProviderError of the
// documented kind, no key in any message, partial text kept, retries visible in the run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Model } from '../../../src/core/index.ts'
import { createAnthropicModel, createFallbackModel, createOpenAIModel, ProviderError } from '../../../src/providers/index.ts'
import { startMockServer, type MockServer } from '../node.ts'
import { cityTools, runAgent } from './helpers.ts'

const KEY = 'sk-test-secret-0123456789abcdef'
let server: MockServer

beforeAll(async () => { server = await startMockServer() })
afterAll(async () => { await server.close() })
beforeEach(() => server.reset())

type Make = (model: string, extra?: { idleTimeoutMs?: number }) => Model
/** [label, the provider name errors carry, factory]: OpenAI on both of its APIs, and Anthropic. */
const PROVIDERS: [string, string, Make][] = [
  ['OpenAI Responses', 'OpenAI', (model, extra = {}) => createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model, ...extra })],
  ['OpenAI Chat', 'OpenAI', (model, extra = {}) => createOpenAIModel({ apiKey: KEY, baseURL: `${server.url}/v1`, model, api: 'chat', ...extra })],
  ['Anthropic', 'Anthropic', (model, extra = {}) => createAnthropicModel({ apiKey: KEY, baseURL: server.url, model, ...extra })],
]

/** Drain a model stream, returning the text seen and the error thrown. */
async function drain(model: Model): Promise<{ text: string; error: ProviderError }> {
  let text = ''
  try {
    for await (const event of model.stream({ tools: [], messages: [{ role: 'user', content: [{ type: 'text', text: 'go' }] }] }, { signal: new AbortController().signal })) {
      if (event.type === 'text-delta') text += event.text
    }
  } catch (error) {
    if (error instanceof ProviderError) return { text, error }
    throw error
  }
  throw new Error('expected the stream to fail')
}

const noSleep = async (): Promise<void> => {}

describe.each(PROVIDERS)('%s faults', (_label, name, make) => {
  it.each([
    ['fault-401', 'auth', 401, /rejected the API key/],
    ['fault-403', 'permission', 403, /no access to model/],
    ['fault-404', 'not-found', 404, /Check the model name/],
    ['fault-429', 'rate-limit', 429, /rate limiting.*wait 1 s/],
    ['fault-500', 'server', 500, /server error/],
    ['fault-529', 'overloaded', 529, /overloaded/],
    ['fault-400-context', 'context-length', 400, /too long for model/],
  ])('%s → %s', async (scenario, kind, status, message) => {
    const { error } = await drain(make(scenario))
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
    expect(error.provider).toBe(name)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(KEY)
    expect(server.requests()).toHaveLength(1) // the SDK's own retries are off
  })

  it('reads retry-after-ms', async () => {
    const { error } = await drain(make('fault-429ms'))
    expect(error.retryAfterMs).toBe(250)
  })

  it('never puts the key in the 401 message, though the server echoes it', async () => {
    const { error } = await drain(make('fault-401'))
    expect(error.message).toContain('[key hidden]')
    expect(`${error.message} ${String(error.stack)} ${String(error.cause)}`).not.toContain(KEY)
  })

  it('aborts a stalled stream with an idle-timeout error', async () => {
    const started = Date.now()
    const { error } = await drain(make('fault-ttft-stall', { idleTimeoutMs: 300 }))
    expect(error.kind).toBe('idle-timeout')
    expect(error.message).toBe(`No data from ${name} for 0.3 s; the server may be stalled. Try again or raise the idle timeout.`)
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('keeps the partial text when the connection is cut', async () => {
    const { events, result } = await runAgent(make('fault-cut'), 'go')
    expect(result.stopReason).toBe('error')
    expect(result.text).toBe('Partial answer before the cut')
    expect(result.error?.name).toBe('ProviderError')
    expect(result.error?.message).toMatch(/The stream ended early/)
    expect(events.some((e) => e.type === 'model-end' && e.finish === 'error')).toBe(true)
  })

  it('reports a malformed frame', async () => {
    const { text, error } = await drain(make('fault-malformed'))
    expect(text).toBe('Before the bad frame')
    expect(error.kind).toBe('stream-error')
    expect(error.message).toMatch(/malformed stream frame/)
  })

  it('reports an error frame mid-stream', async () => {
    const { text, error } = await drain(make('fault-stream-error'))
    expect(text).toBe('Working on it')
    // Anthropic's mid-stream error is an overload: the same kind as a 529, so a chain may retry it.
    expect(error.kind).toBe(name === 'Anthropic' ? 'overloaded' : 'stream-error')
    expect(error.status).toBeUndefined()
  })

  it('passes unparsable tool arguments on, so the model hears about them', async () => {
    const { result } = await runAgent(make('fault-bad-tool-json'), 'Weather?', cityTools())
    expect(result.toolCalls[0]!.status).toBe('error')
    expect(result.text).toMatch(/Invalid arguments for get_weather/)
  })

  it('streams a 5 MB answer whole', async () => {
    const { result } = await runAgent(make('fault-big'), 'go')
    expect(result.text.length).toBe(5 * 1024 * 1024)
  })

  it('retries a 429 twice with visible events, then succeeds', async () => {
    const sleeps: number[] = []
    const model = createFallbackModel([make('fault-429x2-then-text')], { sleep: async (ms) => { sleeps.push(ms) } })
    const { events, result } = await runAgent(model, 'hi')
    expect(result.text).toBe('Hello from the mock provider.')
    const retries = events.filter((e) => e.type === 'model-retry')
    expect(retries.map((e) => (e.type === 'model-retry' ? [e.attempt, e.delayMs] : []))).toEqual([[1, 1000], [2, 1000]])
    expect(sleeps).toEqual([1000, 1000])
    expect(server.requests()).toHaveLength(3)
  })

  it('retries an overload sent inside the stream, before any content, like a 529', async () => {
    const model = createFallbackModel([make('fault-overloaded-startx1-then-text')], { sleep: noSleep, random: () => 0 })
    const { events, result } = await runAgent(model, 'hi')
    expect(result.text).toBe('Hello from the mock provider.')
    const retry = events.find((e) => e.type === 'model-retry')
    expect(retry?.type === 'model-retry' && retry.reason).toMatch(/overloaded/i)
    expect(server.requests()).toHaveLength(2)
  })

  it('says the stream ended early when it opens and then closes with no answer (not a CORS guess)', async () => {
    const { text, error } = await drain(make('fault-start-only'))
    expect(text).toBe('')
    expect(error.kind).toBe('stream-cut')
    expect(error.message).toMatch(/^The stream ended early: .* closed the connection/)
    expect(error.message).not.toMatch(/CORS|Could not reach/)
  })

  it('falls back to the next model after the retries of a 500', async () => {
    const model = createFallbackModel([make('fault-500'), make('mock-text')], { sleep: noSleep, random: () => 0 })
    const { events, result } = await runAgent(model, 'hi')
    expect(result.text).toBe('Hello from the mock provider.')
    const kinds = events.filter((e) => e.type === 'model-retry' || e.type === 'model-fallback').map((e) => e.type)
    expect(kinds).toEqual(['model-retry', 'model-retry', 'model-fallback'])
    const retry = events.find((e) => e.type === 'model-retry')
    expect(retry?.type === 'model-retry' && retry.delayMs).toBe(500)
    expect(server.requests()).toHaveLength(4)
  })

  it('falls back when the primary stalls before its first token', async () => {
    const model = createFallbackModel([make('fault-ttft-stall', { idleTimeoutMs: 200 }), make('mock-text')], { retries: 0, sleep: noSleep })
    const { events, result } = await runAgent(model, 'hi')
    expect(result.text).toBe('Hello from the mock provider.')
    const fallback = events.find((e) => e.type === 'model-fallback')
    expect(fallback?.type === 'model-fallback' && fallback.reason).toMatch(/No data from .* for 0.2 s/)
  })

  it('does not retry or fall back on a 401', async () => {
    const model = createFallbackModel([make('fault-401'), make('mock-text')], { sleep: noSleep })
    const { events, result } = await runAgent(model, 'hi')
    expect(result.stopReason).toBe('error')
    expect(result.error?.message).toMatch(/rejected the API key/)
    expect(result.error?.message).not.toContain(KEY)
    expect(events.some((e) => e.type === 'model-retry' || e.type === 'model-fallback')).toBe(false)
    expect(server.requests()).toHaveLength(1)
  })
})
