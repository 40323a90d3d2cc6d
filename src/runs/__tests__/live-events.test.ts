import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import { chunksToWrite, headerOf } from '../history-chunks.ts'
import { appendPacked, eventCountOf, lastEventOf, lastEventTimeOf, runEndOf, withoutEvents } from '../live-events.ts'
import { packEvents, unpackEvents, type PackedEvents } from '../packed-events.ts'
import { newRecord } from '../record.ts'
import type { RunRecord } from '../types.ts'

const config = { provider: 'local', model: 'demo', executor: 'concurrent', toolPack: 'none', tools: [], maxTurns: 4, routingOnly: false }

function sampleEvents(): AgentEvent[] {
  const events: AgentEvent[] = [{ type: 'turn-start', t: 0, turn: 1 }]
  for (let i = 1; i <= 40; i++) events.push({ type: 'text-delta', t: i, turn: 1, text: `w${i} ` })
  events.push({ type: 'turn-end', t: 41, turn: 1 })
  return events
}

/** A packed batch that counts how often its text is read: reading it is what unpacking does. */
function watched(packed: PackedEvents): { packed: PackedEvents; reads: () => number } {
  let reads = 0
  const text = packed.deltaText
  Object.defineProperty(packed, 'deltaText', { get: () => { reads++; return text }, enumerable: true })
  return { packed, reads: () => reads }
}

function liveRecord(): RunRecord {
  return { ...newRecord(config, { text: 'hi', attachments: [] }), status: 'running' }
}

describe('a live record keeps packed batches packed until its events are read', () => {
  it('counts, times and heads the record without unpacking, and reads back every event in order', () => {
    const events = sampleEvents()
    const record = liveRecord()
    const first = watched(packEvents(events, 0, 15))
    const second = watched(packEvents(events, 15, 41))
    appendPacked(record, first.packed)
    appendPacked(record, second.packed)
    expect(eventCountOf(record)).toBe(41)
    expect(lastEventTimeOf(record)).toBe(40)
    const header = headerOf(record)
    expect(header).toMatchObject({ id: record.id, eventCount: 41, lastT: 40, status: 'running' })
    expect('events' in header).toBe(false)
    expect(Object.keys(withoutEvents(record))).not.toContain('events')
    expect(first.reads() + second.reads()).toBe(0)
    // History stores a batch as it came, without reading the record's events.
    const chunks = chunksToWrite(record, 15, 1, [{ from: 15, packed: second.packed }])
    expect(chunks).toEqual([{ runId: record.id, index: 1, packed: second.packed }])
    expect(first.reads()).toBe(0)

    // An event that comes unpacked lands after the batches.
    record.events.push(events[41]!)
    expect(record.events).toEqual(events)
    expect(eventCountOf(record)).toBe(42)
    expect(lastEventTimeOf(record)).toBe(41)
  })

  it('shows every event to spreads, JSON and structured clones', () => {
    const events = sampleEvents()
    const record = liveRecord()
    appendPacked(record, packEvents(events, 0, 20))
    appendPacked(record, packEvents(events, 20))
    expect({ ...record }.events).toEqual(events)
    appendPacked(record, packEvents([{ type: 'turn-start', t: 50, turn: 2 }]))
    expect((JSON.parse(JSON.stringify(record)) as RunRecord).events).toEqual([...events, { type: 'turn-start', t: 50, turn: 2 }])
    appendPacked(record, packEvents([{ type: 'text-delta', t: 51, turn: 2, text: 'x' }]))
    expect(lastEventTimeOf(record)).toBe(51)
    expect(structuredClone(record).events).toHaveLength(events.length + 2)
  })

  it('takes a new events array as the whole log', () => {
    const record = liveRecord()
    appendPacked(record, packEvents(sampleEvents()))
    record.events = []
    expect(eventCountOf(record)).toBe(0)
    expect(lastEventTimeOf(record)).toBe(0)
    appendPacked(record, packEvents(sampleEvents(), 0, 3))
    expect(record.events).toEqual(unpackEvents(packEvents(sampleEvents(), 0, 3)))
  })

  it('heads a finished run with its usage, reading no batch but the last', () => {
    const events = sampleEvents()
    const usage = { inputTokens: 7, outputTokens: 40 }
    const end: AgentEvent = { type: 'run-end', t: 42, result: { text: '', turns: 1, durationMs: 42, stopReason: 'done', toolCalls: [], usage } }
    const record = liveRecord()
    const first = watched(packEvents(events, 0, 30))
    appendPacked(record, first.packed)
    appendPacked(record, packEvents([...events.slice(30), end]))
    record.status = 'done'
    expect(headerOf(record)).toMatchObject({ eventCount: 43, lastT: 42, usage })
    expect(first.reads()).toBe(0)
    // A last batch that ends in a text delta is unpacked alone.
    const open = liveRecord()
    const head = watched(packEvents(events, 0, 10))
    appendPacked(open, head.packed)
    appendPacked(open, packEvents(events, 10, 20))
    expect(lastEventOf(open)).toEqual(events[19])
    expect(head.reads()).toBe(0)
    expect(lastEventOf(liveRecord())).toBeUndefined()
    expect(runEndOf(open)).toBeUndefined()
  })

  it('reads a plain record as it is', () => {
    const record = { ...liveRecord(), events: sampleEvents() }
    expect(eventCountOf(record)).toBe(42)
    expect(lastEventTimeOf(record)).toBe(41)
    expect(headerOf(record)).toMatchObject({ eventCount: 42, lastT: 41 })
  })
})
