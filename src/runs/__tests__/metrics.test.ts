import { describe, expect, it } from 'vitest'
import { metricsOf, unionLength } from '../metrics.ts'
import { sampleManyToolsRecord } from '../samples.ts'
import { eventsOf } from './helpers.ts'

describe('metricsOf', () => {
  it('measures a concurrent run', () => {
    const events = eventsOf([
      { modelStart: 0, modelEnd: 100, usage: { inputTokens: 10, outputTokens: 4 }, tools: [{ id: 'a', start: 100, end: 1100 }, { id: 'b', start: 100, end: 600 }, { id: 'c', start: 100, end: 900 }] },
      { modelStart: 1100, ttft: 1300, words: ['a', 'b', 'c'], modelEnd: 1302, usage: { inputTokens: 20, outputTokens: 8 } },
    ])
    const end = events.at(-1)!
    if (end.type === 'run-end') end.result.usage = { inputTokens: 30, outputTokens: 12 }
    const m = metricsOf(events)
    expect(m).toEqual({
      makespanMs: 1302, ttftMs: 1300, outputTokens: 12, inputTokens: 30,
      tokensPerSecond: 8 / 0.002, modelTimeMs: 100 + 202, toolTimeMs: 1000 + 500 + 800, toolPhaseMs: 1000,
      overlap: 2.3, toolCalls: 3, turns: 2, reasoningTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, thinkingMs: 0,
    })
  })

  it('sees no overlap in a sequential run and counts text deltas without usage', () => {
    const m = metricsOf(eventsOf([
      { modelStart: 0, modelEnd: 10, tools: [{ id: 'a', start: 10, end: 20 }, { id: 'b', start: 20, end: 40 }, { id: 'c', start: 45, end: 50 }] },
      { modelStart: 50, ttft: 60, words: ['x', 'y'], modelEnd: 62 },
    ], { executor: 'sequential' }))
    expect(m.toolTimeMs).toBe(35)
    expect(m.toolPhaseMs).toBe(35)
    expect(m.overlap).toBe(1)
    expect(m.tokensPerSecond).toBe(1000)
    expect(m.outputTokens).toBe(0)
  })

  it('counts unfinished calls up to the last event of a live run', () => {
    const events = eventsOf([{ modelStart: 0, modelEnd: 10, tools: [{ id: 'a', start: 10, end: 20 }] }], { end: 'none' })
    events.splice(events.findIndex((event) => event.type === 'tool-end'))
    events.push({ type: 'tool-progress', t: 50, callId: 'a', progress: 'half' })
    const m = metricsOf(events)
    expect(m.makespanMs).toBe(50)
    expect(m.toolTimeMs).toBe(40)
    expect(m.ttftMs).toBeUndefined()
    expect(m.tokensPerSecond).toBeUndefined()
  })

  it('is zero for no events', () => {
    expect(metricsOf([])).toMatchObject({ makespanMs: 0, toolTimeMs: 0, toolPhaseMs: 0, overlap: 0, toolCalls: 0, turns: 0 })
  })

  it('is linear: 5,000 tools in well under a second', () => {
    const record = sampleManyToolsRecord(5000)
    const started = performance.now()
    const m = metricsOf(record.events)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(m.toolCalls).toBe(5000)
    expect(m.overlap).toBeGreaterThan(100)
  })
})

describe('unionLength', () => {
  it('merges overlapping and touching intervals', () => {
    expect(unionLength([[0, 10], [5, 15], [15, 20], [30, 40], [31, 32]])).toBe(30)
    expect(unionLength([])).toBe(0)
  })
})
