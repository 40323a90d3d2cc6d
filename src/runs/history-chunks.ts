// How a run is laid out in IndexedDB: a header (the record without its events) in `runs`, and the
// events in chunks of up to CHUNK_SIZE packed events in `events`, appended as the run streams. A
// save writes only the events that came since the last one, so saving a long run costs time
// linear in its length and no single write clones the whole event log (a 100k-event clone is a
// long task on the main thread).
import type { AgentEvent, Usage } from '../core/index.ts'
import { eventCountOf, lastEventTimeOf, runEndOf, withoutEvents } from './live-events.ts'
import { mergePacked, packEvents, unpackEvents, type PackedEvents } from './packed-events.ts'
import type { RunRecord } from './types.ts'

export const EVENTS = 'events'
export const CHUNK_SIZE = 2000

/** What the `runs` store holds. `events` is present only in runs saved by version 1. */
export type StoredRun = Omit<RunRecord, 'events'> & { events?: AgentEvent[]; eventCount?: number; lastT?: number; usage?: Usage }

/** One chunk of a run's events; key [runId, index]. Version-2 chunks before packing hold `events`. */
export interface StoredChunk {
  runId: string
  index: number
  packed?: PackedEvents
  events?: AgentEvent[]
}

/** The header to store for a record. */
export function headerOf(record: RunRecord): StoredRun {
  // A streaming record's newest events may still be packed (live-events.ts): count, don't unpack.
  const header: StoredRun = { ...withoutEvents(record), eventCount: eventCountOf(record), lastT: lastEventTimeOf(record) }
  // A finished run's usage (its run-end is its last event), so History can show its cost without
  // reading its events; its run-end is read without unpacking the rest (live-events.ts).
  const end = record.status === 'done' ? runEndOf(record) : undefined
  if (end) header.usage = end.result.usage
  return header
}

/** Events of a run that arrived packed (a batch from the agent worker): events [from, from + packed.count). */
export interface PackedSpan {
  from: number
  packed: PackedEvents
}

/**
 * The chunks holding `record.events` from `written` on, numbered from `nextIndex`: chunks are
 * only ever appended (a save never rewrites what is stored). Spans that arrived packed are stored
 * as they are, so a streaming run is never packed twice; events that came otherwise (and any gap)
 * are packed here. Small pieces are merged up to CHUNK_SIZE events a chunk. `upTo`: write only the
 * record's first `upTo` events (the rest are still on their way to the store).
 */
export function chunksToWrite(record: RunRecord, written: number, nextIndex = 0, spans: readonly PackedSpan[] = [], upTo = eventCountOf(record)): StoredChunk[] {
  const total = Math.min(upTo, eventCountOf(record))
  const pieces: PackedEvents[] = []
  // Only events that came unpacked (or a gap) are read from the record: the spans cover the rest.
  const packRange = (from: number, to: number): void => {
    for (let at = from; at < to; at += CHUNK_SIZE) pieces.push(packEvents(record.events, at, Math.min(to, at + CHUNK_SIZE)))
  }
  let cursor = Math.min(written, total)
  for (const span of spans) {
    if (span.from < cursor || span.from + span.packed.count > total) continue
    packRange(cursor, span.from)
    pieces.push(span.packed)
    cursor = span.from + span.packed.count
  }
  packRange(cursor, total)

  const chunks: StoredChunk[] = []
  let group: PackedEvents[] = []
  let size = 0
  const close = (): void => {
    if (group.length) chunks.push({ runId: record.id, index: nextIndex + chunks.length, packed: mergePacked(group) })
    group = []
    size = 0
  }
  for (const piece of pieces) {
    if (size + piece.count > CHUNK_SIZE) close()
    group.push(piece)
    size += piece.count
  }
  close()
  return chunks
}

/** The key range of every chunk of one run. */
export function chunkRange(runId: string): IDBKeyRange {
  return IDBKeyRange.bound([runId, 0], [runId, Number.MAX_SAFE_INTEGER])
}

/** A whole record from its header and chunks (or a version-1 header that still holds its events). */
export function assemble(header: StoredRun, chunks: readonly StoredChunk[]): RunRecord {
  // The header's own fields (counts, the last time, the usage History shows) are not the record's.
  const { events: inline, eventCount, lastT, usage, ...rest } = header
  void eventCount
  void lastT
  void usage
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
