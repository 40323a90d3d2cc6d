import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import { CHUNK_SIZE, assemble, chunksToWrite, headerOf } from '../history-chunks.ts'
import { deltasOf, endsRun, foldPacked, mergePacked, packEvents, unpackEvents } from '../packed-events.ts'
import { sampleCityRecord, sampleManyToolsRecord } from '../samples.ts'

describe('history chunks', () => {
  it('packs and unpacks every kind of event exactly, in order', () => {
    for (const record of [sampleCityRecord(), sampleManyToolsRecord(30)]) {
      expect(unpackEvents(packEvents(record.events))).toEqual(record.events)
    }
  })

  it('keeps a finished run\'s usage in its header (History prices it without the events), not a running one\'s', () => {
    const done = sampleCityRecord()
    const end = done.events.at(-1)
    expect(headerOf(done).usage).toEqual(end?.type === 'run-end' ? end.result.usage : 'no run-end')
    expect(headerOf({ ...done, status: 'running' }).usage).toBeUndefined()
  })

  it('keeps text with any characters, including empty deltas', () => {
    const events: AgentEvent[] = [
      { type: 'text-delta', t: 1.5, turn: 1, text: '' },
      { type: 'text-delta', t: 2, turn: 1, text: 'héllo 🌍\n' },
      { type: 'turn-end', t: 3, turn: 1 },
      { type: 'text-delta', t: 4, turn: 2, text: '\u0000end' },
    ]
    expect(unpackEvents(packEvents(events))).toEqual(events)
  })

  it('appends chunks for what came since the last save, and reassembles the record', () => {
    const base = sampleCityRecord()
    const delta = base.events.find((e) => e.type === 'text-delta')!
    const record = { ...base, events: Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, i): AgentEvent => ({ ...delta, t: i })) }
    expect(chunksToWrite(record, 0).map((c) => [c.index, c.packed?.count])).toEqual([[0, CHUNK_SIZE], [1, CHUNK_SIZE], [2, 5]])
    // A later save starts where the last one ended, with the next index: nothing is rewritten.
    expect(chunksToWrite(record, CHUNK_SIZE * 2 + 1, 7).map((c) => [c.index, c.packed?.count])).toEqual([[7, 4]])
    expect(chunksToWrite(record, record.events.length, 3)).toEqual([])
    const first = chunksToWrite({ ...record, events: record.events.slice(0, 100) }, 0)
    const rest = chunksToWrite(record, 100, first.length)
    const back = assemble(headerOf(record), [...rest, ...first].reverse())
    expect(back).toEqual(record)
    expect(headerOf(record).lastT).toBe(CHUNK_SIZE * 2 + 4)
  })

  it('stores batches that arrived packed as they are, packing only the events between them', () => {
    const record = sampleManyToolsRecord(30)
    const events = record.events
    const batchA = packEvents(events, 10, 40)
    const batchB = packEvents(events, 40, 45)
    const batchC = packEvents(events, 60, 70)
    const chunks = chunksToWrite(record, 5, 2, [{ from: 10, packed: batchA }, { from: 40, packed: batchB }, { from: 60, packed: batchC }])
    // One chunk (all under CHUNK_SIZE): the spans are merged with what was packed around them.
    expect(chunks.map((c) => [c.index, c.packed?.count])).toEqual([[2, events.length - 5]])
    expect(unpackEvents(chunks[0]!.packed!)).toEqual(events.slice(5))
    // A batch alone is stored as the very object that came (no copy).
    expect(chunksToWrite(record, 10, 0, [{ from: 10, packed: packEvents(events, 10) }])[0]!.packed!.count).toBe(events.length - 10)
    const lone = packEvents(events, 10)
    expect(chunksToWrite(record, 10, 0, [{ from: 10, packed: lone }])[0]!.packed).toBe(lone)
    // A span already stored, or past the record's end, is ignored: the record is the truth.
    expect(unpackEvents(chunksToWrite(record, 20, 0, [{ from: 10, packed: batchA }])[0]!.packed!)).toEqual(events.slice(20))
  })

  it('stores turns and lengths a byte each when they fit, wider when not, and merges to the widest', () => {
    const small: AgentEvent[] = [{ type: 'text-delta', t: 1, turn: 3, text: 'hi' }]
    const wide: AgentEvent[] = [{ type: 'text-delta', t: 2, turn: 70_000, text: 'x'.repeat(300) }]
    const a = packEvents(small)
    const b = packEvents(wide)
    expect([a.deltaTurn.BYTES_PER_ELEMENT, a.deltaLength.BYTES_PER_ELEMENT]).toEqual([1, 1])
    expect([b.deltaTurn.BYTES_PER_ELEMENT, b.deltaLength.BYTES_PER_ELEMENT]).toEqual([4, 2])
    const merged = mergePacked([a, b])
    expect([merged.deltaTurn.BYTES_PER_ELEMENT, merged.deltaLength.BYTES_PER_ELEMENT]).toEqual([4, 2])
    expect(unpackEvents(merged)).toEqual([...small, ...wide])
    expect(unpackEvents(structuredClone(b))).toEqual(wide)
  })

  it('merges packed batches into one, in order', () => {
    const events = sampleManyToolsRecord(5).events
    const parts = [packEvents(events, 0, 7), packEvents(events, 7, 7), packEvents(events, 7, events.length)]
    expect(unpackEvents(mergePacked(parts))).toEqual(events)
    expect(endsRun(mergePacked(parts))).toBe(true)
    expect(endsRun(parts[0]!)).toBe(false)
  })

  it('folds runs of same-turn text deltas into one call with their joined text', () => {
    const events: AgentEvent[] = [
      { type: 'turn-start', t: 0, turn: 1 },
      { type: 'text-delta', t: 1, turn: 1, text: 'a' },
      { type: 'text-delta', t: 2, turn: 1, text: 'bc' },
      { type: 'text-delta', t: 3, turn: 2, text: 'd' },
      { type: 'turn-end', t: 4, turn: 2 },
      { type: 'text-delta', t: 5, turn: 2, text: '' },
    ]
    const calls: string[] = []
    const packed = packEvents(events)
    foldPacked(packed, {
      event: (event) => calls.push(event.type),
      text: (run) => calls.push(`${deltasOf(packed, run).map((d) => d.t).join(',')}:${run.text} (${run.count}, first ${run.first.text}, last ${run.lastT})`),
    })
    expect(calls).toEqual(['turn-start', '1,2:abc (2, first a, last 2)', '3:d (1, first d, last 3)', 'turn-end', '5: (1, first , last 5)'])
  })
})
