import { describe, expect, it } from 'vitest'
import { metricsOf } from '../metrics.ts'
import { projectExecutor } from '../project.ts'
import { validateRecord } from '../record.ts'
import { sampleCityRecord } from '../samples.ts'
import { eventsOf, recordOf } from './helpers.ts'

const concurrent = () => recordOf(eventsOf([
  { modelStart: 0, modelEnd: 100, tools: [{ id: 'a', start: 100, end: 1100, ticks: [600] }, { id: 'b', start: 100, end: 300 }, { id: 'c', start: 100, end: 600, ticks: [200, 400] }] },
  { modelStart: 1100, ttft: 1200, words: ['x', 'y'], modelEnd: 1300 },
]), { label: 'concurrent #1' })

describe('projectExecutor', () => {
  it('re-times a concurrent run as sequential from the recorded durations', () => {
    const projected = projectExecutor(concurrent(), 'sequential')
    expect(projected.projected).toBe(true)
    expect(projected.config.executor).toBe('sequential')
    expect(projected.label).toMatch(/\(projected\)$/)
    expect(validateRecord(projected).ok).toBe(true)
    const starts = projected.events.filter((e) => e.type === 'tool-start').map((e) => [e.callId, e.t])
    const ends = projected.events.filter((e) => e.type === 'tool-end').map((e) => [e.callId, e.t])
    expect(starts).toEqual([['a', 100], ['b', 1100], ['c', 1300]])
    expect(ends).toEqual([['a', 1100], ['b', 1300], ['c', 1800]])
    // Progress ticks keep their offsets; the next model call shifts by 700 ms but keeps its length.
    expect(projected.events.filter((e) => e.type === 'tool-progress').map((e) => [e.callId, e.t])).toEqual([['a', 600], ['c', 1400], ['c', 1600]])
    expect(projected.events.filter((e) => e.type === 'model-start').map((e) => e.t)).toEqual([0, 1800])
    expect(projected.events.filter((e) => e.type === 'text-delta').map((e) => e.t)).toEqual([1900, 1901])
    const end = projected.events.at(-1)!
    expect(end.type === 'run-end' && end.result.durationMs).toBe(2000)
    expect(end.type === 'run-end' && end.result.toolCalls.map((call) => [call.startT, call.endT])).toEqual([[100, 1100], [1100, 1300], [1300, 1800]])
    expect(projected.events[0]).toMatchObject({ type: 'run-start', executor: 'sequential' })
    expect(metricsOf(projected.events).overlap).toBe(1)
  })

  it('keeps times in order and each tool ending after its start', () => {
    const projected = projectExecutor(concurrent(), 'sequential')
    const times = projected.events.map((e) => e.t)
    expect(times).toEqual([...times].sort((x, y) => x - y))
  })

  it('round-trips sequential → concurrent to the original makespan', () => {
    const original = concurrent()
    const back = projectExecutor(projectExecutor(original, 'sequential'), 'concurrent')
    expect(metricsOf(back.events).makespanMs).toBe(metricsOf(original.events).makespanMs)
    expect(back.label).toBe('concurrent #1 → sequential → concurrent (projected)')
  })

  it('schedules concurrency:2 on the earliest free slot', () => {
    const projected = projectExecutor(concurrent(), 'concurrency:2')
    const starts = projected.events.filter((e) => e.type === 'tool-start').map((e) => [e.callId, e.t])
    expect(starts).toEqual([['a', 100], ['b', 100], ['c', 300]])
    expect(metricsOf(projected.events).makespanMs).toBe(1300)
  })

  it('projects the seed city run: about 3× longer tool phase sequentially', () => {
    const record = sampleCityRecord()
    const before = metricsOf(record.events)
    const after = metricsOf(projectExecutor(record, 'sequential').events)
    expect(after.toolTimeMs).toBeCloseTo(before.toolTimeMs, 1)
    expect(after.toolPhaseMs).toBeCloseTo(before.toolTimeMs, 1)
    expect(after.makespanMs - before.makespanMs).toBeCloseTo(before.toolTimeMs - before.toolPhaseMs, 0)
    expect(record.events[0]).toMatchObject({ executor: 'concurrent' })
  })

  it('rejects an unknown executor', () => {
    expect(() => projectExecutor(concurrent(), 'concurrency:x' as 'concurrency:1')).toThrow(/Unknown executor/)
  })
})
