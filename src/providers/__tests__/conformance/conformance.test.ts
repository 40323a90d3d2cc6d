// Every recorded stream of the corpus, replayed byte for byte from a loopback server through the
// real SDKs, in ~100-byte pieces and one byte at a time, read as the corpus README says; and,
// where the turn called tools, the follow-up request checked and its recorded answer read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Message } from '../../../core/index.ts'
import { assistantMessage, drive, normalFinish, squash, toolSpecs, type Outcome } from './drive.ts'
import { checkSecondRequest } from './echo.ts'
import { loadFixtures, modelFor, rechunkingFetch, type Fixture } from './fixtures.ts'
import { startReplayServer, type ReplayServer } from './replay-server.ts'

const fixtures = loadFixtures()
let server: ReplayServer

beforeAll(async () => { server = await startReplayServer() })
afterAll(async () => { await server.close() })

const USER: Message = { role: 'user', content: [{ type: 'text', text: 'Go.' }] }

function checkOutcome(out: Outcome, expected: Fixture['expect']): void {
  expect(out.text).toBe(expected.text)
  if (expected.reasoning === undefined) expect(out.reasoning).toBe('')
  else if (out.reasoning !== expected.reasoning) expect(squash(out.reasoning)).toBe(squash(expected.reasoning))
  expect(out.calls).toEqual(expected.calls)
  if (expected.error) {
    expect(out.error?.message.toLowerCase()).toContain(expected.error.toLowerCase())
    expect(out.error?.message).not.toContain('sk-test-conformance')
    expect(out.finish).toBeUndefined()
    return
  }
  expect(out.error).toBeUndefined()
  expect(normalFinish(out.finish)).toBe(expected.finish)
  if (expected.usage) expect(out.usage).toEqual(expected.usage)
}

it('has the whole corpus: 58 streams, 7 follow-ups', () => {
  expect(fixtures).toHaveLength(58)
  expect(fixtures.filter((f) => f.turn2)).toHaveLength(7)
})

describe.each([['~100-byte pieces', 100], ['1 byte at a time', 1]])('corpus replayed in %s', (_label, chunk) => {
  it.each(fixtures.map((f) => [f.id, f] as const))('%s', async (_id, fixture) => {
    const fetchImpl = rechunkingFetch(chunk)
    const model = modelFor(fixture, server.url, fetchImpl)
    const tools = toolSpecs([...fixture.expect.calls, ...(fixture.expect.turn2?.calls ?? [])].map((c) => c.name))
    server.queue(fixture.kind, { bytes: fixture.bytes, chunk }, ...(fixture.turn2 ? [{ bytes: fixture.turn2, chunk }] : []))
    const first = await drive(model, { system: 'Be brief.', messages: [USER], tools })
    checkOutcome(first, fixture.expect)
    if (!fixture.expect.calls.length) return

    const results: Message = {
      role: 'tool',
      content: fixture.expect.calls.map((c) => ({ type: 'tool-result', callId: c.id, name: c.name, output: `result of ${c.name}`, isError: false })),
    }
    const second = await drive(model, { system: 'Be brief.', messages: [USER, assistantMessage(first.events), results], tools })
    checkSecondRequest(fixture, server.bodies()[1])
    const turn2 = fixture.expect.turn2
    if (turn2) {
      expect(second.text).toBe(turn2.text)
      expect(second.calls).toEqual(turn2.calls)
      expect(normalFinish(second.finish)).toBe(turn2.finish)
    } else {
      expect(second.error).toBeUndefined()
      expect(second.text).toBe('Done.')
    }
  }, 120_000)
})
