// Saves of streaming runs wait for a moment the page has nothing to draw. Writing history costs the
// page's thread (IndexedDB clones what it stores) and the browser's storage thread as much as
// drawing the stream does, and on a small machine both compete with the agent worker for the same
// cores. So a run's batches queue here and go to the store when the page is idle, a bounded amount
// at a time (no task grows with the length of the run). A deadline keeps a flood, which leaves the
// page no idle moment, from holding back more than `maxWaitMs` of a run: what a crash can lose.
import type { PackedSpan } from '../runs/history-chunks.ts'
import { eventCountOf } from '../runs/live-events.ts'
import type { PackedEvents } from '../runs/packed-events.ts'
import type { RunRecord } from '../runs/types.ts'

export interface SaveQueueOptions {
  /** The store's put (runs/history-store.ts), given spans with their positions. */
  put: (record: RunRecord, spans: readonly PackedSpan[]) => void
  /** Run `drain` when the page is idle, or after `maxWaitMs` at the latest. */
  whenIdle: (drain: () => void, maxWaitMs: number) => void
  /** Told after a run that is no longer running has gone to the store in full. */
  onFinished?: (record: RunRecord) => void
  /** Events handed to the store per drain; more wait for the next one. */
  eventsPerDrain?: number
  maxWaitMs?: number
}

export interface SaveQueue {
  /** Queue a save of `record`; `appended`: the batch just added to it. */
  save(record: RunRecord, appended?: PackedEvents): void
  /** Hand everything queued to the store now (before a flush, or when the page goes away). */
  drainAll(): void
  /** Events queued and not yet handed to the store. */
  readonly queuedEvents: number
}

interface Entry {
  record: RunRecord
  spans: PackedSpan[]
}

export function createSaveQueue(options: SaveQueueOptions): SaveQueue {
  const perDrain = options.eventsPerDrain ?? 10_000
  const maxWaitMs = options.maxWaitMs ?? 250
  const queued = new Map<string, Entry>()
  let scheduled = false
  let queuedEvents = 0

  const hand = (entry: Entry, count: number): void => {
    const spans = entry.spans.splice(0, count)
    queuedEvents -= spans.reduce((sum, span) => sum + span.packed.count, 0)
    if (entry.spans.length > 0) {
      // Part of a run whose end is already queued: stored as still running until the rest follows,
      // so a reload in between finds it interrupted, never "done" with events missing.
      options.put(entry.record.status === 'running' ? entry.record : { ...entry.record, status: 'running' }, spans)
      return
    }
    queued.delete(entry.record.id)
    options.put(entry.record, spans)
    const finished = options.onFinished
    if (finished && entry.record.status !== 'running') queueMicrotask(() => finished(entry.record))
  }

  const drain = (limit: number): void => {
    let budget = limit
    for (const entry of [...queued.values()]) {
      let count = 0
      let events = 0
      while (count < entry.spans.length && events < budget) events += entry.spans[count++]!.packed.count
      // A save with no new events (a run's last) still goes: it carries the run's end.
      if (count > 0 || entry.spans.length === 0) hand(entry, count)
      budget -= events
      if (budget <= 0) break
    }
    if (queued.size > 0) schedule()
  }

  const schedule = (): void => {
    if (scheduled) return
    scheduled = true
    options.whenIdle(() => {
      scheduled = false
      drain(perDrain)
    }, maxWaitMs)
  }

  return {
    save(record, appended) {
      const entry = queued.get(record.id) ?? { record, spans: [] }
      entry.record = record
      if (appended) {
        entry.spans.push({ from: eventCountOf(record) - appended.count, packed: appended })
        queuedEvents += appended.count
      }
      queued.set(record.id, entry)
      schedule()
    },
    drainAll() {
      drain(Number.POSITIVE_INFINITY)
    },
    get queuedEvents() {
      return queuedEvents
    },
  }
}
