import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent, createScriptedModel, defineTool, textTurn, toolCallsTurn } from '../../core/index.ts'
import type { AgentEvent, ExecutorSpec } from '../../core/index.ts'
import { ganttSpansOf } from '../gantt.ts'
import { sampleCityRecord } from '../samples.ts'
import { eventsOf, recordOf } from './helpers.ts'

const tools = [{ id: 'a', start: 100, end: 1100, ticks: [300, 600] }, { id: 'b', start: 100, end: 600 }, { id: 'c', start: 100, end: 900 }]

describe('ganttSpansOf', () => {
  it('makes a model span per call and a tool span per tool, with ttft and ticks', () => {
    const record = recordOf(eventsOf([{ modelStart: 0, modelEnd: 100, tools }, { modelStart: 1100, ttft: 1300, words: ['x'], modelEnd: 1400 }]))
    const spans = ganttSpansOf([{ record, label: 'concurrent #1' }])
    expect(spans.map((s) => [s.kind, s.name, s.key, s.startMs, s.endMs, s.running])).toEqual([
      ['model', 'm1', 'concurrent #1/model/1', 0, 100, false],
      ['tool', 'tool_a', 'concurrent #1/a', 100, 1100, false],
      ['tool', 'tool_b', 'concurrent #1/b', 100, 600, false],
      ['tool', 'tool_c', 'concurrent #1/c', 100, 900, false],
      ['model', 'm1', 'concurrent #1/model/2', 1100, 1400, false],
    ])
    expect(spans[4]?.ttftMs).toBe(1300)
    expect(spans[1]).toMatchObject({ ticks: [300, 600], status: 'ok', output: 'out a', args: { id: 'a' }, callId: 'a', turn: 1, run: 'concurrent #1' })
  })

  it('puts only the longest tool of a concurrent turn on the critical path', () => {
    const spans = ganttSpansOf([recordOf(eventsOf([{ modelStart: 0, modelEnd: 100, tools }, { modelStart: 1100, modelEnd: 1400 }]))])
    expect(spans.filter((s) => s.critical).map((s) => s.key)).toEqual(['run 1/model/1', 'run 1/a', 'run 1/model/2'])
  })

  it('puts every tool of a sequential turn on the critical path', () => {
    const seq = [{ id: 'a', start: 100, end: 200 }, { id: 'b', start: 200, end: 700 }, { id: 'c', start: 700, end: 800 }]
    const spans = ganttSpansOf([recordOf(eventsOf([{ modelStart: 0, modelEnd: 100, tools: seq }], { executor: 'sequential' }), { label: 'seq' })])
    expect(spans.every((s) => s.critical)).toBe(true)
  })

  it('follows freed slots under concurrency:2', () => {
    // a and b start together; c starts when b ends; a ends before c, so the path is b → c.
    const two = [{ id: 'a', start: 0, end: 300 }, { id: 'b', start: 0, end: 100 }, { id: 'c', start: 100, end: 500 }, { id: 'd', start: 300, end: 350 }]
    const spans = ganttSpansOf([recordOf(eventsOf([{ modelStart: 0, modelEnd: 0, tools: two }], { executor: 'concurrency:2' }))])
    expect(spans.filter((s) => s.kind === 'tool' && s.critical).map((s) => s.callId)).toEqual(['b', 'c'])
  })

  it('ends unfinished spans at the last event (or liveEndMs) and marks them running', () => {
    const events = eventsOf([{ modelStart: 0, modelEnd: 100, tools }], { end: 'none' })
    const live = events.filter((event) => !(event.type === 'tool-end' && event.callId === 'a') && event.type !== 'turn-end')
    const spans = ganttSpansOf([recordOf(live)])
    const a = spans.find((s) => s.callId === 'a')!
    expect(a).toMatchObject({ running: true, endMs: 900, status: 'running', critical: true })
    expect(ganttSpansOf([recordOf(live)], { liveEndMs: 1234 }).find((s) => s.callId === 'a')?.endMs).toBe(1234)
  })

  it('lays several runs side by side with their labels', () => {
    const one = sampleCityRecord(1)
    const two = { ...sampleCityRecord(2), label: 'sequential #1' }
    const spans = ganttSpansOf([one, two])
    expect(new Set(spans.map((s) => s.run))).toEqual(new Set(['concurrent #1', 'sequential #1']))
    expect(spans).toHaveLength(10)
    expect(new Set(spans.map((s) => s.key)).size).toBe(10)
    const twins = ganttSpansOf([sampleCityRecord(1), sampleCityRecord(1)])
    expect(new Set(twins.map((s) => s.run))).toEqual(new Set(['concurrent #1', 'concurrent #1 (2)']))
  })

  it.each([
    ['sequential', 4],
    ['concurrent', 1],
  ] as const)('follows a real agent run under %s (%i tools critical)', async (executor: ExecutorSpec, critical) => {
    const echo = defineTool({ name: 'echo', description: 'echo', input: z.object({ n: z.number() }), run: ({ n }) => `n=${n}` })
    const model = createScriptedModel([toolCallsTurn([1, 2, 3, 4].map((n) => ({ name: 'echo', args: { n } }))), textTurn('ok')])
    const events: AgentEvent[] = []
    for await (const event of new Agent({ model, tools: [echo], executor }).stream('go')) events.push(event)
    const spans = ganttSpansOf([recordOf(events)])
    expect(spans.filter((span) => span.kind === 'tool')).toHaveLength(4)
    expect(spans.filter((span) => span.kind === 'tool' && span.critical)).toHaveLength(critical)
    expect(spans.filter((span) => span.kind === 'model').every((span) => span.critical && !span.running)).toBe(true)
  })
})
