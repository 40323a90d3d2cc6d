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

/** One chunk of a run's events; key [runId, index]. */
export interface StoredChunk {
  runId: string
  index: number
  events: AgentEvent[]
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
    chunks.push({ runId: record.id, index, events: record.events.slice(index * CHUNK_SIZE, (index + 1) * CHUNK_SIZE) })
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
  for (const chunk of sorted) for (const event of chunk.events) events.push(event)
  return { ...rest, events }
}

/** The time of a stored run's last event. */
export function lastTimeOf(header: StoredRun): number {
  return header.lastT ?? header.events?.at(-1)?.t ?? 0
}
