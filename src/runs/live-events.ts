// A streaming record's events, kept packed until something reads them. Batches reach the page
// packed (packed-events.ts); unpacking each into an object per text delta as it came made the page
// hold 100,000 small objects per long answer, which its garbage collector copied and marked while
// the stream ran, on the same two cores as the agent worker producing it. The transcript, the
// Gantt and history need no such objects (they read runs of deltas, structural events and packed
// batches), so a live record keeps its batches packed, and `record.events` unpacks them the first
// time anything reads it (a share, an export, a comparison): every reader still sees the whole
// log, in order, as a plain array.
import type { AgentEvent } from '../core/index.ts'
import { unpackEvents, type PackedEvents } from './packed-events.ts'
import type { RunRecord } from './types.ts'

interface DeferredLog {
  /** Events already unpacked (or that came unpacked), in order. */
  settled: AgentEvent[]
  /** Batches after them, not unpacked yet. */
  deferred: PackedEvents[]
  deferredCount: number
}

const logs = new WeakMap<RunRecord, DeferredLog>()

function settle(log: DeferredLog): AgentEvent[] {
  if (log.deferred.length) {
    for (const packed of log.deferred) for (const event of unpackEvents(packed)) log.settled.push(event)
    log.deferred = []
    log.deferredCount = 0
  }
  return log.settled
}

/**
 * Append a packed batch to a record without unpacking it. From the first call on, the record's
 * `events` is read through an accessor that unpacks what is pending; it stays an own, enumerable
 * property, so spreads, JSON and structured clones (IndexedDB, postMessage) see every event.
 */
export function appendPacked(record: RunRecord, packed: PackedEvents): void {
  let log = logs.get(record)
  if (!log) {
    const created: DeferredLog = { settled: record.events, deferred: [], deferredCount: 0 }
    Object.defineProperty(record, 'events', {
      get: () => settle(created),
      set: (events: AgentEvent[]) => {
        created.settled = events
        created.deferred = []
        created.deferredCount = 0
      },
      enumerable: true,
      configurable: true,
    })
    logs.set(record, created)
    log = created
  }
  log.deferred.push(packed)
  log.deferredCount += packed.count
}

/** How many events a record has, without unpacking any. */
export function eventCountOf(record: RunRecord): number {
  const log = logs.get(record)
  return log ? log.settled.length + log.deferredCount : record.events.length
}

/** The time of a record's last event (0 when it has none), without unpacking any. */
export function lastEventTimeOf(record: RunRecord): number {
  const log = logs.get(record)
  const last = log?.deferred.at(-1)
  if (!last) return (log ? log.settled : record.events).at(-1)?.t ?? 0
  const lastIsOther = last.otherAt.length > 0 && last.otherAt[last.otherAt.length - 1] === last.count - 1
  return (lastIsOther ? last.others.at(-1)?.t : last.deltaT[last.deltaT.length - 1]) ?? 0
}

/**
 * A record's last event (undefined when it has none), unpacking at most its last batch: a finished
 * run's run-end, read for its usage, must not unpack the whole answer (100,000 objects and 10-18 ms
 * at the end of a 100k-token stream, before the page could show it done).
 */
export function lastEventOf(record: RunRecord): AgentEvent | undefined {
  const log = logs.get(record)
  const last = log?.deferred.at(-1)
  if (!last || last.count === 0) return record.events.at(-1)
  const lastIsOther = last.otherAt.length > 0 && last.otherAt[last.otherAt.length - 1] === last.count - 1
  return lastIsOther ? last.others.at(-1) : unpackEvents(last).at(-1)
}

/**
 * The record's run-end when it is its last event, read without unpacking anything: a run-end is
 * never a text delta, so a batch that ends in deltas has none.
 */
export function runEndOf(record: RunRecord): Extract<AgentEvent, { type: 'run-end' }> | undefined {
  const log = logs.get(record)
  const last = log?.deferred.at(-1)
  const lastIsOther = last !== undefined && last.otherAt.length > 0 && last.otherAt[last.otherAt.length - 1] === last.count - 1
  const event = !last || last.count === 0 ? record.events.at(-1) : lastIsOther ? last.others.at(-1) : undefined
  return event?.type === 'run-end' ? event : undefined
}

/** Every field of a record but its events, read without unpacking them. */
export function withoutEvents(record: RunRecord): Omit<RunRecord, 'events'> {
  const fields: Partial<Record<keyof RunRecord, unknown>> = {}
  for (const key of Object.keys(record) as (keyof RunRecord)[]) if (key !== 'events') fields[key] = record[key]
  return fields as Omit<RunRecord, 'events'>
}
