import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import { CHUNK_SIZE, assemble, chunksToWrite, headerOf, packEvents, unpackEvents } from '../history-chunks.ts'
import { sampleCityRecord, sampleManyToolsRecord } from '../samples.ts'

describe('history chunks', () => {
  it('packs and unpacks every kind of event exactly, in order', () => {
    for (const record of [sampleCityRecord(), sampleManyToolsRecord(30)]) {
      expect(unpackEvents(packEvents(record.events))).toEqual(record.events)
    }
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

  it('writes only the chunks past what is stored, and reassembles the record', () => {
    const base = sampleCityRecord()
    const delta = base.events.find((e) => e.type === 'text-delta')!
    const record = { ...base, events: Array.from({ length: CHUNK_SIZE * 2 + 5 }, (_, i): AgentEvent => ({ ...delta, t: i })) }
    expect(chunksToWrite(record, 0).map((c) => c.index)).toEqual([0, 1, 2])
    expect(chunksToWrite(record, CHUNK_SIZE * 2 + 1).map((c) => c.index)).toEqual([2])
    expect(chunksToWrite(record, CHUNK_SIZE).map((c) => c.index)).toEqual([1, 2])
    const back = assemble(headerOf(record), chunksToWrite(record, 0).reverse())
    expect(back).toEqual(record)
    expect(headerOf(record).lastT).toBe(CHUNK_SIZE * 2 + 4)
  })
})
