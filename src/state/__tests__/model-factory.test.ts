// The settings' thinking options reach the wire through loadModelFor, for each provider's API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startReplayServer, type ReplayServer } from '../../providers/__tests__/conformance/replay-server.ts'
import { loadModelFor, PROVIDERS, providerEntry } from '../model-factory.ts'
import { defaultSettings, type Settings } from '../settings.ts'

let server: ReplayServer
beforeAll(async () => { server = await startReplayServer() })
afterAll(async () => { await server.close() })

async function firstBody(settings: Settings, kind: 'chat' | 'anthropic' | 'responses'): Promise<Record<string, unknown>> {
  server.queue(kind)
  const model = await loadModelFor(settings, { keyFor: () => 'sk-test-factory-0123456789' })
  for await (const _event of model.stream({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [] }, { signal: new AbortController().signal })) { /* drain */ }
  return server.bodies()[0] as Record<string, unknown>
}

const using = (provider: string, patch: Partial<Settings>, baseURL: string): Settings =>
  ({ ...defaultSettings, provider, baseURLs: { [provider]: baseURL }, ...patch })

describe('loadModelFor', () => {
  it('sends Anthropic the thinking budget, with room for it in max_tokens', async () => {
    const body = await firstBody(using('anthropic', { thinkingBudgetTokens: 6000 }, server.url), 'anthropic')
    expect(body['thinking']).toEqual({ type: 'enabled', budget_tokens: 6000, display: 'summarized' })
    expect(body['max_tokens']).toBe(7024)
    expect(body['model']).toBe(providerEntry('anthropic').defaultModel)
  })

  it('sends no thinking when the budget is 0', async () => {
    expect(await firstBody(using('anthropic', {}, server.url), 'anthropic')).not.toHaveProperty('thinking')
  })

  it('uses the Responses API for OpenAI with the reasoning effort, or Chat when asked', async () => {
    const responses = await firstBody(using('openai', { reasoningEffort: 'high' }, `${server.url}/v1`), 'responses')
    expect(responses).toMatchObject({ store: false, reasoning: { effort: 'high', summary: 'auto' }, include: ['reasoning.encrypted_content'] })
    const chat = await firstBody(using('openai', { reasoningEffort: 'low', openaiApi: 'chat' }, `${server.url}/v1`), 'chat')
    expect(chat).toMatchObject({ reasoning_effort: 'low' })
    expect(chat).toHaveProperty('messages')
  })

  it('sends reasoning effort only to servers that take it', async () => {
    expect(await firstBody(using('xai', { reasoningEffort: 'low' }, `${server.url}/v1`), 'chat')).toMatchObject({ reasoning_effort: 'low', model: 'grok-4.3' })
    expect(await firstBody(using('ollama', { reasoningEffort: 'low', models: { ollama: 'qwen3' } }, `${server.url}/v1`), 'chat')).not.toHaveProperty('reasoning_effort')
  })

  it('lists the new presets with current default models and a thinking control where they have one', () => {
    const entries = Object.fromEntries(PROVIDERS.map((p) => [p.id, p]))
    for (const id of ['gemini', 'deepseek', 'mistral', 'xai']) {
      expect(entries[id]?.defaultModel).not.toBe('')
      expect(entries[id]?.keyNote).toMatch(/CORS|browser/i)
    }
    expect(entries['anthropic']?.thinking).toBe('budget')
    expect(entries['openai']?.thinking).toBe('effort')
  })
})
