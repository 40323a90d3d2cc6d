// Mock tools: delays, progress steps, templates and failure rates, with time and chance injected.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { Agent, createScriptedModel, textTurn, toolCallsTurn, type AgentEvent } from '../../../core/index.ts'
import type { Sleep } from '../../types.ts'
import { createCustomTools } from '../build.ts'
import { CustomToolSchema, type CustomToolDefinition, type CustomToolInput } from '../definition.ts'
import { originalNameOf } from '../../names.ts'
import { renderTemplate } from '../template.ts'

const define = (input: CustomToolInput): CustomToolDefinition => CustomToolSchema.parse(input)

/** A sleep that records each wait and returns at once (time is not what these tests measure). */
function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = []
  return { waits, sleep: async (ms, signal) => { signal.throwIfAborted(); waits.push(ms) } }
}

/** A sleep that only ends by abort: a tool that is always still running. */
const foreverSleep: Sleep = (_ms, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))

const weather = define({
  name: 'get_weather',
  description: 'Weather for a city.',
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  impl: { kind: 'mock', delay: { kind: 'fixed', ms: 900 }, steps: ['Looking up {{city}}', 'Reading sensors', 'Writing report'], output: 'Weather in {{city}}: sunny' },
})

async function run(definition: CustomToolDefinition, args: unknown, options: { sleep?: Sleep; random?: () => number; toolTimeoutMs?: number; stopOnStart?: AbortController } = {}) {
  const tools = createCustomTools([definition], { sleep: options.sleep ?? recordingSleep().sleep, random: options.random ?? (() => 0.5) })
  const model = createScriptedModel([toolCallsTurn([{ name: tools[0]!.name, args }]), textTurn('done')])
  const events: AgentEvent[] = []
  const agent = new Agent({ model, tools, ...(options.toolTimeoutMs !== undefined ? { toolTimeoutMs: options.toolTimeoutMs } : {}) })
  const stop = options.stopOnStart
  for await (const event of agent.stream('go', stop ? { signal: stop.signal } : {})) {
    events.push(event)
    if (event.type === 'tool-start') stop?.abort()
  }
  const end = events.find((event) => event.type === 'tool-end')!
  const progress = events.flatMap((event) => (event.type === 'tool-progress' ? [event.progress] : []))
  return { end, progress, model, tools }
}

describe('mock tools', () => {
  it('announces each step with its fraction, waits equal slices, answers from the template', async () => {
    const { sleep, waits } = recordingSleep()
    const { end, progress } = await run(weather, { city: 'Oslo' }, { sleep })
    expect(progress).toEqual([
      { message: 'Looking up Oslo', fraction: 0 },
      { message: 'Reading sensors', fraction: 1 / 3 },
      { message: 'Writing report', fraction: 2 / 3 },
    ])
    expect(waits).toEqual([300, 300, 300])
    expect(end).toMatchObject({ status: 'ok', output: 'Weather in Oslo: sunny' })
  })

  it('a random delay falls in its range, picked by the injected random', async () => {
    const ranged = define({ name: 'r', impl: { kind: 'mock', delay: { kind: 'random', minMs: 500, maxMs: 2000 }, output: 'ok' } })
    for (const [random, expected] of [[0, 500], [0.5, 1250], [0.999, 1998.5]] as const) {
      const { sleep, waits } = recordingSleep()
      await run(ranged, {}, { sleep, random: () => random })
      expect(waits).toEqual([expected])
    }
  })

  it('fails at its failure rate, with its message, and the run goes on', async () => {
    const flaky = define({ name: 'flaky', impl: { kind: 'mock', delay: { kind: 'fixed', ms: 0 }, output: 'ok', failureRate: 0.3, failureMessage: 'Upstream {{service}} timed out' } })
    const failed = await run(flaky, { service: 'billing' }, { random: () => 0.29 })
    expect(failed.end).toMatchObject({ status: 'error', output: 'Error: Upstream billing timed out' })
    const passed = await run(flaky, { service: 'billing' }, { random: () => 0.3 })
    expect(passed.end).toMatchObject({ status: 'ok', output: 'ok' })
  })

  it('a failure rate of 0 never fails and 1 always fails, whatever the random source says', async () => {
    await fc.assert(fc.asyncProperty(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), async (value) => {
      const never = define({ name: 'n', impl: { kind: 'mock', delay: { kind: 'fixed', ms: 0 }, output: 'ok', failureRate: 0 } })
      const always = define({ name: 'a', impl: { kind: 'mock', delay: { kind: 'fixed', ms: 0 }, output: 'ok', failureRate: 1 } })
      expect((await run(never, {}, { random: () => value })).end.status).toBe('ok')
      expect((await run(always, {}, { random: () => value })).end.status).toBe('error')
    }), { numRuns: 30 })
  })

  it('arguments are checked against the input schema before the tool runs', async () => {
    const { sleep, waits } = recordingSleep()
    const { end } = await run(weather, { town: 'Oslo' }, { sleep })
    expect(end.status).toBe('error')
    expect(end.output).toMatch(/Invalid arguments for get_weather: city/)
    expect(waits).toEqual([])
  })

  it('its time limit and Stop end it mid-delay', async () => {
    const slow = define({ name: 'slow', timeoutMs: 50, impl: { kind: 'mock', delay: { kind: 'fixed', ms: 60_000 }, output: 'late' } })
    expect((await run(slow, {}, { sleep: foreverSleep })).end.status).toBe('timeout')
    const controller = new AbortController()
    const { timeoutMs: _limit, ...unlimited } = slow
    const stopped = await run(unlimited, {}, { sleep: foreverSleep, stopOnStart: controller })
    expect(stopped.end.status).toBe('aborted')
  })

  it('disabled definitions are left out; clashing names are made unique and keep the original', () => {
    const tools = createCustomTools([
      weather,
      { ...weather, name: 'get weather!' },
      { ...weather, name: 'off', enabled: false },
    ], { takenNames: ['get_weather'] })
    expect(tools.map((tool) => tool.name)).toEqual(['get_weather_2', 'get_weather_'])
    expect(tools.map(originalNameOf)).toEqual(['get_weather', 'get weather!'])
    expect(tools[0]!.spec).toMatchObject({ name: 'get_weather_2', description: 'Weather for a city.', inputSchema: weather.inputSchema })
  })
})

describe('output templates', () => {
  it('fills arguments, nested paths and {{args}}; missing values are empty', () => {
    const args = { city: 'Oslo', days: 3, user: { name: 'Ann' }, tags: ['a'] }
    expect(renderTemplate('{{ city }} for {{days}} days, {{user.name}}, {{tags}}, [{{nope}}], {{user.nope.deeper}}', args))
      .toBe('Oslo for 3 days, Ann, ["a"], [], ')
    expect(renderTemplate('{{args}}', { a: 1 })).toBe('{"a":1}')
    expect(renderTemplate('{{args}}', { args: 'mine' })).toBe('mine')
  })

  it('never throws and leaves text without placeholders alone', () => {
    fc.assert(fc.property(fc.string(), fc.jsonValue(), (template, args) => {
      const out = renderTemplate(template, args)
      if (!template.includes('{{')) expect(out).toBe(template)
    }))
  })
})
