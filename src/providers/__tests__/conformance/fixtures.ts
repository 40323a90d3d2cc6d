// The recorded provider streams in /work/shared/fixtures/provider-streams (never edited here):
// their metadata, the adapter a user of each provider would get, and a fetch that hands the SDK
// the body in exactly the chunking under test.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Model } from '../../../core/index.ts'
import { createAnthropicModel } from '../../anthropic.ts'
import { createCompatibleModel } from '../../compatible.ts'
import { createOpenAIModel } from '../../openai.ts'

/** Where the corpus lives (overridable for a copy elsewhere). */
export const FIXTURE_DIR = process.env['LANES_PROVIDER_STREAMS'] ?? join(import.meta.dirname, '../../../../../shared/fixtures/provider-streams')

/** Which wire format a fixture speaks. */
export type WireKind = 'chat' | 'anthropic' | 'responses'

/** One expected tool call. */
export interface ExpectedCall { id: string; name: string; args: unknown }

/** The fixture's `expect` block (README: "The expect block"). */
export interface Expect {
  text: string
  reasoning?: string
  calls: ExpectedCall[]
  usage?: Record<string, number>
  finish: string
  error?: string
  mustEchoReasoning?: string
  turn2?: { text: string; calls: ExpectedCall[]; finish: string }
}

/** One fixture with its bytes. */
export interface Fixture {
  id: string
  provider: 'openai' | 'openai-responses' | 'anthropic' | 'compatible'
  preset: string | null
  model: string
  expect: Expect
  bytes: Uint8Array
  turn2?: Uint8Array
  kind: WireKind
}

/** Every fixture of the corpus, sorted by id. */
export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((name) => name.endsWith('.meta.json'))
    .sort()
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8')) as Omit<Fixture, 'bytes' | 'turn2' | 'kind'>
      const turn2Path = join(FIXTURE_DIR, `${meta.id}.turn2.sse`)
      const kind: WireKind = meta.provider === 'anthropic' ? 'anthropic' : meta.provider === 'openai-responses' ? 'responses' : 'chat'
      return {
        ...meta,
        kind,
        bytes: new Uint8Array(readFileSync(join(FIXTURE_DIR, `${meta.id}.sse`))),
        ...(existsSync(turn2Path) ? { turn2: new Uint8Array(readFileSync(turn2Path)) } : {}),
      }
    })
}

/** A fetch whose response bodies arrive in pieces of at most `size` bytes, whatever TCP did. */
export function rechunkingFetch(size: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    if (!response.body) return response
    const reader = response.body.getReader()
    let held: Uint8Array | undefined
    let at = 0
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!held || at >= held.length) {
          const next = await reader.read()
          if (next.done) { controller.close(); return }
          held = next.value
          at = 0
        }
        controller.enqueue(held.slice(at, at + size))
        at += size
      },
      cancel: (reason) => reader.cancel(reason),
    })
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
  }
}

/** The adapter a user of the fixture's provider would pick, pointed at `baseURL`. */
export function modelFor(fixture: Fixture, baseURL: string, fetchImpl: typeof fetch): Model {
  const common = { apiKey: 'sk-test-conformance-0123456789', model: fixture.model, fetch: fetchImpl, idleTimeoutMs: 120_000 }
  switch (fixture.provider) {
    case 'anthropic':
      return createAnthropicModel({ ...common, baseURL })
    case 'openai':
      return createOpenAIModel({ ...common, baseURL, api: 'chat' })
    case 'openai-responses':
      return fixture.preset
        ? createCompatibleModel({ ...common, baseURL, preset: fixture.preset, api: 'responses' })
        : createOpenAIModel({ ...common, baseURL, api: 'responses' })
    case 'compatible':
      return createCompatibleModel({ ...common, baseURL, preset: fixture.preset ?? 'custom' })
  }
}
