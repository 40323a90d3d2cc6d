// How a run is laid out in IndexedDB: a header (the record without its events) in `runs`, and the
// events in fixed-size chunks in `events`. A streaming run is saved by writing only the chunks
// that changed since the last save, so saving a long run costs time linear in its length and no
// single write clones the whole event log (a 100k-event clone is a long task on the main thread).
import type { AgentEvent } from '../core/index.ts'
import type { RunRecord } from './types.ts'

export const EVENTS = 'events'
export const CHUNK_SIZE = 2000

/** What the `runs` store holds. `events` is present only in runs saved by version 1. */
export type StoredRun = Omit<RunRecord, 'events'> & { events?: AgentEvent[]; eventCount?: number; lastT?: number }

/**
 * A chunk's events packed by column. Text deltas (nearly every event of a long answer) become
 * typed arrays and one string, which IndexedDB clones as a few memcpys instead of thousands of
 * objects; other events stay as they are, with their positions.
 */
export interface PackedEvents {
  count: number
  deltaT: Float64Array
  deltaTurn: Uint32Array
  deltaLength: Uint32Array
  deltaText: string
  otherAt: Uint32Array
  others: AgentEvent[]
}

/** One chunk of a run's events; key [runId, index]. Version-2 chunks before packing hold `events`. */
export interface StoredChunk {
  runId: string
  index: number
  packed?: PackedEvents
  events?: AgentEvent[]
}

/**
 * Packs events by column as they come (see PackedEvents). Each event object can then die young:
 * the agent worker packs its batches this way, since holding thousands of events until a batch
 * went made its scavenger copy them all (a third of its time).
 */
export class EventPacker {
  private t: number[] = []
  private turn: number[] = []
  private length: number[] = []
  private text: string[] = []
  private otherAt: number[] = []
  private others: AgentEvent[] = []
  count = 0

  push(event: AgentEvent): void {
    if (event.type === 'text-delta') {
      this.t.push(event.t)
      this.turn.push(event.turn)
      this.length.push(event.text.length)
      this.text.push(event.text)
    } else {
      this.otherAt.push(this.count)
      this.others.push(event)
    }
    this.count++
  }

  /** What was pushed, packed; the packer is then empty. */
  take(): PackedEvents {
    const packed: PackedEvents = {
      count: this.count, deltaT: Float64Array.from(this.t), deltaTurn: Uint32Array.from(this.turn),
      deltaLength: Uint32Array.from(this.length), deltaText: this.text.join(''), otherAt: Uint32Array.from(this.otherAt), others: this.others,
    }
    this.t = []
    this.turn = []
    this.length = []
    this.text = []
    this.otherAt = []
    this.others = []
    this.count = 0
    return packed
  }
}

/** Pack `events[from, to)` by column. */
export function packEvents(events: readonly AgentEvent[], from = 0, to = events.length): PackedEvents {
  const packer = new EventPacker()
  for (let i = from; i < to; i++) packer.push(events[i]!)
  return packer.take()
}

/** The events of a packed chunk, in order. */
export function unpackEvents(packed: PackedEvents): AgentEvent[] {
  const events: AgentEvent[] = []
  let delta = 0
  let other = 0
  let offset = 0
  for (let i = 0; i < packed.count; i++) {
    if (other < packed.otherAt.length && packed.otherAt[other] === i) {
      events.push(packed.others[other++]!)
      continue
    }
    const length = packed.deltaLength[delta]!
    events.push({ type: 'text-delta', t: packed.deltaT[delta]!, turn: packed.deltaTurn[delta]!, text: packed.deltaText.slice(offset, offset + length) })
    offset += length
    delta++
  }
  return events
}

/** The header to store for a record. */
export function headerOf(record: RunRecord): StoredRun {
  const { events, ...header } = record
  return { ...header, eventCount: events.length, lastT: events.at(-1)?.t ?? 0 }
}

/** The chunks to write when `written` events of the record are already stored. */
export function chunksToWrite(record: RunRecord, written: number): StoredChunk[] {
  const chunks: StoredChunk[] = []
  const from = Math.floor(Math.min(written, record.events.length) / CHUNK_SIZE)
  const to = Math.ceil(record.events.length / CHUNK_SIZE)
  for (let index = from; index < to; index++) {
    chunks.push({ runId: record.id, index, packed: packEvents(record.events, index * CHUNK_SIZE, Math.min(record.events.length, (index + 1) * CHUNK_SIZE)) })
  }
  return chunks
}

/** The key range of every chunk of one run. */
export function chunkRange(runId: string): IDBKeyRange {
  return IDBKeyRange.bound([runId, 0], [runId, Number.MAX_SAFE_INTEGER])
}

/** A whole record from its header and chunks (or a version-1 header that still holds its events). */
export function assemble(header: StoredRun, chunks: readonly StoredChunk[]): RunRecord {
  const { events: inline, eventCount, lastT, ...rest } = header
  void eventCount
  void lastT
  if (inline) return { ...rest, events: inline }
  const sorted = [...chunks].sort((a, b) => a.index - b.index)
  const events: AgentEvent[] = []
  for (const chunk of sorted) for (const event of chunk.packed ? unpackEvents(chunk.packed) : chunk.events ?? []) events.push(event)
  return { ...rest, events }
}

/** The time of a stored run's last event. */
export function lastTimeOf(header: StoredRun): number {
  return header.lastT ?? header.events?.at(-1)?.t ?? 0
}
