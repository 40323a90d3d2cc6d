// Bundled for the browser by e2e/providers-cors.spec.ts: the real adapters (and, lazily, the real
// SDKs) run inside Chromium against the mock server on another origin.
import type { Model, ModelEvent } from '../../src/core/index.ts'
import { createAnthropicModel, createCompatibleModel, createOpenAIModel, ProviderError } from '../../src/providers/index.ts'

/** What a page-side run reports back to the test. */
export interface PageRun {
  events: ModelEvent[]
  error?: { name: string; kind: string; message: string }
}

async function drain(model: Model): Promise<PageRun> {
  const events: ModelEvent[] = []
  const tools = [{ name: 'get_weather', description: 'Weather', inputSchema: { type: 'object', properties: { city: { type: 'string' } } } }]
  try {
    for await (const event of model.stream({ tools, messages: [{ role: 'user', content: [{ type: 'text', text: 'Seattle?' }] }] }, { signal: new AbortController().signal })) events.push(event)
    return { events }
  } catch (error) {
    const kind = error instanceof ProviderError ? error.kind : ''
    return { events, error: { name: error instanceof Error ? error.name : 'Error', kind, message: error instanceof Error ? error.message : String(error) } }
  }
}

/** Stream one turn from the mock with the named adapter. */
export function runInPage(provider: 'openai' | 'anthropic' | 'compatible-nostainless', baseURL: string, model: string, apiKey: string): Promise<PageRun> {
  if (provider === 'anthropic') return drain(createAnthropicModel({ apiKey, baseURL, model }))
  if (provider === 'openai') return drain(createOpenAIModel({ apiKey, baseURL: `${baseURL}/v1`, model }))
  return drain(createCompatibleModel({ baseURL: `${baseURL}/v1`, apiKey, model, dropStainlessHeaders: true }))
}
