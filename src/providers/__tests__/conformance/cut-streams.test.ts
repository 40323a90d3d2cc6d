// Cut streams: each recorded stream with text or tool calls, replayed cut at three points before
// the provider said it was complete. Through the real SDKs and the agent loop, the run must end
// in an error that says the stream ended early, keep the text that came, and start no tool.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent, defineTool, type AgentEvent, type RunResult } from '../../../core/index.ts'
import { cutPoints } from './cut.ts'
import { drive, toolSpecs } from './drive.ts'
import { loadFixtures, modelFor, rechunkingFetch } from './fixtures.ts'
import { startReplayServer, type ReplayServer } from './replay-server.ts'

const fixtures = loadFixtures().filter((f) => !f.expect.error && (f.expect.text !== '' || f.expect.calls.length > 0))
let server: ReplayServer

beforeAll(async () => { server = await startReplayServer() })
afterAll(async () => { await server.close() })

const cases = fixtures.flatMap((fixture) => cutPoints(fixture).map((at) => [`${fixture.id} cut at byte ${at}`, fixture, at] as const))

it('cuts every stream with text or calls at three points', () => {
  expect(fixtures.length).toBeGreaterThan(40)
  expect(cases.length).toBe(fixtures.length * 3)
})

describe('cut streams', () => {
  it.each(cases)('%s', async (_name, fixture, at) => {
    const tools = toolSpecs(fixture.expect.calls.map((c) => c.name))
    const fetchImpl = rechunkingFetch(100)

    // The adapter: partial text, no finish, no call on cut arguments, the stream-ended error.
    server.queue(fixture.kind, { bytes: fixture.bytes, chunk: 100, cutAt: at })
    const out = await drive(modelFor(fixture, server.url, fetchImpl), { messages: [{ role: 'user', content: [{ type: 'text', text: 'Go.' }] }], tools })
    expect(out.error?.message).toMatch(/^The stream ended early/)
    expect(out.finish).toBeUndefined()
    expect(fixture.expect.text.startsWith(out.text)).toBe(true)
    for (const call of out.calls) expect(fixture.expect.calls).toContainEqual(call)

    // The run: an error the page shows, its partial text kept, no tool started.
    server.queue(fixture.kind, { bytes: fixture.bytes, chunk: 100, cutAt: at })
    const started: string[] = []
    const agentTools = tools.map((spec) => defineTool({ name: spec.name, description: spec.description, input: z.object({}).passthrough(), run: () => { started.push(spec.name); return 'ok' } }))
    const agent = new Agent({ model: modelFor(fixture, server.url, fetchImpl), tools: agentTools })
    const events: AgentEvent[] = []
    const run = agent.stream('Go.')
    let step = await run.next()
    while (!step.done) { events.push(step.value); step = await run.next() }
    const result: RunResult = step.value
    expect(result.stopReason).toBe('error')
    expect(result.error?.message).toMatch(/^The stream ended early/)
    expect(result.text).toBe(out.text)
    expect(events.filter((e) => e.type === 'tool-start')).toEqual([])
    expect(started).toEqual([])
  }, 30_000)
})
