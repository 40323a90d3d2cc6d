import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import type { PackedSpan } from '../../runs/history-chunks.ts'
import { appendPacked } from '../../runs/live-events.ts'
import { packEvents } from '../../runs/packed-events.ts'
import { newRecord } from '../../runs/record.ts'
import { sampleCityRecord } from '../../runs/samples.ts'
import type { RunRecord, RunStatus } from '../../runs/types.ts'
import { createSaveQueue } from '../save-queue.ts'

interface Put {
  status: RunStatus | undefined
  spans: { from: number; count: number }[]
}

/** A queue whose idle callbacks run only when the test says, and a store that records each put. */
function harness(eventsPerDrain: number) {
  const idle: (() => void)[] = []
  const waits: number[] = []
  const puts: Put[] = []
  const finished: string[] = []
  const queue = createSaveQueue({
    put: (record: RunRecord, spans: readonly PackedSpan[]) => puts.push({ status: record.status, spans: spans.map((s) => ({ from: s.from, count: s.packed.count })) }),
    whenIdle: (drain, maxWaitMs) => {
      idle.push(drain)
      waits.push(maxWaitMs)
    },
    onFinished: (record) => finished.push(record.id),
    eventsPerDrain,
  })
  const runIdle = (): boolean => {
    const next = idle.shift()
    next?.()
    return next !== undefined
  }
  return { queue, puts, finished, waits, runIdle }
}

function batchOf(size: number, from: number): ReturnType<typeof packEvents> {
  const events: AgentEvent[] = Array.from({ length: size }, (_, i) => ({ type: 'text-delta', t: from + i, turn: 1, text: 'x' }))
  return packEvents(events)
}

function streamingRecord(): RunRecord {
  const sample = sampleCityRecord()
  return { ...newRecord(sample.config, sample.input, { id: 'r1' }), status: 'running' }
}

describe('save queue', () => {
  it('hands nothing to the store until the page is idle, and asks for idle time within 250 ms', () => {
    const { queue, puts, waits, runIdle } = harness(10_000)
    const record = streamingRecord()
    for (let i = 0; i < 5; i++) {
      const batch = batchOf(2000, i * 2000)
      appendPacked(record, batch)
      queue.save(record, batch)
    }
    expect(puts).toEqual([])
    expect(queue.queuedEvents).toBe(10_000)
    expect(waits).toEqual([250]) // one request, however many saves
    runIdle()
    expect(puts).toEqual([{ status: 'running', spans: [0, 2000, 4000, 6000, 8000].map((from) => ({ from, count: 2000 })) }])
    expect(queue.queuedEvents).toBe(0)
  })

  it('drainAll hands everything at once (a flush, or a page going away)', () => {
    const { queue, puts, finished } = harness(2000)
    const record = streamingRecord()
    for (let i = 0; i < 4; i++) {
      const batch = batchOf(2000, i * 2000)
      appendPacked(record, batch)
      queue.save(record, batch)
    }
    record.status = 'done'
    queue.save(record)
    queue.drainAll()
    expect(puts).toHaveLength(1)
    expect(puts[0]!.status).toBe('done')
    expect(puts[0]!.spans.map((s) => s.from)).toEqual([0, 2000, 4000, 6000])
    return Promise.resolve().then(() => expect(finished).toEqual(['r1']))
  })

  it('whatever the batches and idle moments: every batch reaches the store once, in order, in bounded drains, and "done" comes last', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ size: fc.integer({ min: 1, max: 3000 }), idleAfter: fc.boolean() }), { minLength: 0, maxLength: 40 }),
      fc.integer({ min: 1, max: 12_000 }),
      async (batches, perDrain) => {
        const { queue, puts, finished, runIdle } = harness(perDrain)
        const record = streamingRecord()
        let count = 0
        for (const { size, idleAfter } of batches) {
          const batch = batchOf(size, count)
          appendPacked(record, batch)
          count += size
          queue.save(record, batch)
          if (idleAfter) runIdle()
        }
        record.status = 'done'
        queue.save(record)
        let drains = 0
        while (runIdle()) drains++
        await Promise.resolve()

        const handed = puts.flatMap((put) => put.spans)
        // Contiguous from the first event, each batch exactly once.
        let next = 0
        for (const span of handed) {
          expect(span.from).toBe(next)
          next += span.count
        }
        expect(next).toBe(count)
        expect(handed.map((s) => s.count)).toEqual(batches.map((b) => b.size))
        // Only the last put says the run is over; the store never sees "done" with events missing.
        expect(puts.at(-1)!.status).toBe('done')
        expect(puts.slice(0, -1).every((put) => put.status === 'running')).toBe(true)
        expect(finished).toEqual(['r1'])
        // Bounded: a drain hands at most perDrain events, or one batch when a single batch is larger.
        for (const put of puts) {
          const events = put.spans.reduce((sum, s) => sum + s.count, 0)
          if (put.spans.length > 1) expect(events - put.spans.at(-1)!.count).toBeLessThan(perDrain)
        }
        expect(queue.queuedEvents).toBe(0)
        expect(drains).toBeGreaterThan(0)
      },
    ), { numRuns: 200 })
  })
})
