// Guarantees: under 'sequential' each call starts after the previous one ended, in the model's
// order; `{ concurrency: n }` never runs more than n at once. One test uses the real timer to show
// equal-delay tools overlap under 'concurrent' and run back to back under 'sequential'.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn, toolCallsTurn } from '../scripted-model.ts'
import { defineTool } from '../tool.ts'
import type { AgentEvent, ExecutorSpec } from '../types.ts'
import { collect, gatedTool, ofType, until } from './helpers.ts'

describe('sequential executor', () => {
  it('starts each call only after the previous one ended, in model order', async () => {
    const { tool, gates, log } = gatedTool()
    const model = createScriptedModel([
      toolCallsTurn(['a', 'b', 'c'].map((key) => ({ name: 'gated', args: { key } }))),
      textTurn('done'),
    ])
    const agent = new Agent({ model, tools: [tool], executor: 'sequential' })
    const run = collect(agent.stream('go'))

    for (const key of ['a', 'b', 'c']) {
      await until(() => gates.has(key))
      expect(log.at(-1)).toBe(`start:${key}`)
      expect(gates.size).toBe(['a', 'b', 'c'].indexOf(key) + 1)
      gates.get(key)!.resolve(key.toUpperCase())
    }
    const events = await run
    expect(log).toEqual(['start:a', 'end:a', 'start:b', 'end:b', 'start:c', 'end:c'])

    const toolEvents = events.filter((e) => e.type === 'tool-start' || e.type === 'tool-end')
    expect(toolEvents.map((e) => `${e.type}:${'callId' in e ? e.callId : ''}`)).toEqual([
      'tool-start:call_1', 'tool-end:call_1', 'tool-start:call_2', 'tool-end:call_2', 'tool-start:call_3', 'tool-end:call_3',
    ])
    expect(ofType(events, 'run-start')[0]!.executor).toBe('sequential')
  })

  it('runs the next call after one that fails', async () => {
    const failing = defineTool({
      name: 'fail',
      description: 'Always throws.',
      input: z.object({}),
      run: () => { throw new Error('boom') },
    })
    const { tool, gates } = gatedTool()
    const model = createScriptedModel([
      toolCallsTurn([{ name: 'fail', args: {} }, { name: 'gated', args: { key: 'a' } }]),
      textTurn('done'),
    ])
    const agent = new Agent({ model, tools: [failing, tool], executor: 'sequential' })
    const run = agent.invoke('go')
    await until(() => gates.has('a'))
    gates.get('a')!.resolve('A')
    const result = await run
    expect(result.toolCalls.map((c) => c.status)).toEqual(['error', 'ok'])
    expect(result.stopReason).toBe('done')
  })
})

describe('bounded executor', () => {
  it('never runs more than `concurrency` calls at once, and runs them all', async () => {
    let running = 0
    let peak = 0
    const started: number[] = []
    const tool = defineTool({
      name: 'work',
      description: 'Holds a slot for a few event-loop turns.',
      input: z.object({ i: z.number() }),
      run: async ({ i }) => {
        started.push(i)
        running++
        peak = Math.max(peak, running)
        for (let k = 0; k < (i % 3) + 1; k++) await new Promise((resolve) => setImmediate(resolve))
        running--
        return `w${i}`
      },
    })
    const calls = Array.from({ length: 7 }, (_, i) => ({ name: 'work', args: { i } }))
    const model = createScriptedModel([toolCallsTurn(calls), textTurn('done')])
    const agent = new Agent({ model, tools: [tool], executor: { concurrency: 2 } })
    const events = await collect(agent.stream('go'))

    expect(peak).toBe(2)
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(ofType(events, 'tool-end')).toHaveLength(7)
    expect(ofType(events, 'run-start')[0]!.executor).toBe('concurrency:2')
    // Between any two events, at most two calls are between their start and their end.
    let open = 0
    for (const event of events) {
      if (event.type === 'tool-start') open++
      if (event.type === 'tool-end') open--
      expect(open).toBeLessThanOrEqual(2)
    }
  })

  it('rejects a concurrency below 1 in the constructor, with the accepted forms', () => {
    const model = createScriptedModel([textTurn('x')])
    expect(() => new Agent({ model, executor: { concurrency: 0 } })).toThrow("executor must be 'concurrent', 'sequential' or { concurrency: N }")
    expect(() => new Agent({ model, executor: { concurrency: 1.5 } })).toThrow('got {"concurrency":1.5}')
  })
})

describe('real timer', () => {
  const sleepTool = defineTool({
    name: 'sleep',
    description: 'Sleeps 50 ms on the real timer.',
    input: z.object({ i: z.number() }),
    run: async ({ i }) => {
      const start = performance.now()
      await new Promise((resolve) => setTimeout(resolve, 50))
      return JSON.stringify({ i, start, end: performance.now() })
    },
  })

  async function spans(executor: ExecutorSpec): Promise<{ events: AgentEvent[]; spans: { i: number; start: number; end: number }[] }> {
    const calls = [0, 1, 2].map((i) => ({ name: 'sleep', args: { i } }))
    const model = createScriptedModel([toolCallsTurn(calls), textTurn('done')])
    const agent = new Agent({ model, tools: [sleepTool], executor })
    const events = await collect(agent.stream('go'))
    const parsed = ofType(events, 'tool-end').map((e) => JSON.parse(e.output) as { i: number; start: number; end: number })
    return { events, spans: parsed.sort((a, b) => a.i - b.i) }
  }

  it('overlaps equal-delay tools under concurrent', async () => {
    const { spans: s } = await spans('concurrent')
    const latestStart = Math.max(...s.map((x) => x.start))
    const earliestEnd = Math.min(...s.map((x) => x.end))
    expect(latestStart).toBeLessThan(earliestEnd)
  })

  it('runs equal-delay tools back to back under sequential', async () => {
    const { spans: s, events } = await spans('sequential')
    for (let k = 1; k < s.length; k++) expect(s[k]!.start).toBeGreaterThanOrEqual(s[k - 1]!.end)
    const starts = ofType(events, 'tool-start')
    const ends = ofType(events, 'tool-end')
    for (let k = 1; k < starts.length; k++) expect(starts[k]!.t).toBeGreaterThanOrEqual(ends[k - 1]!.t)
  })
})
