import { AsyncQueue } from '../core/index.ts'
import { endsRun, type PackedEvents } from '../runs/packed-events.ts'

type Entry = { batch: PackedEvents } | { end: true; error?: Error }

/**
 * Packed batches of a run's events, pushed as they arrive and read with for-await (on the core's
 * O(1) AsyncQueue), up to the batch with the run's end: the reader is done then, without waiting
 * for the job's goodbye (the conversation, which the worker copies after the run-end). `end(error)` makes the reader throw once it has read everything before;
 * `onReturn` runs when the reader leaves early (a break or a throw in its loop), so the job
 * behind it can be cancelled.
 */
export class BatchQueue implements AsyncIterable<PackedEvents> {
  private readonly entries = new AsyncQueue<Entry>()
  private finished = false
  private runEnded = false

  constructor(private readonly onReturn: () => void = () => undefined) {}

  /** Add a batch; one that holds the run's end also ends the queue (nothing comes after it). */
  push(batch: PackedEvents): void {
    if (this.finished) return
    this.entries.push({ batch })
    if (!endsRun(batch)) return
    this.runEnded = true
    this.end()
  }

  /** The run's end has come through this queue: the run is over, whatever its job does next. */
  get sawRunEnd(): boolean {
    return this.runEnded
  }

  end(error?: Error): void {
    if (this.finished) return
    this.finished = true
    this.entries.push(error ? { end: true, error } : { end: true })
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<PackedEvents> {
    let completed = false
    try {
      for (;;) {
        const entry = await this.entries.shift()
        if ('batch' in entry) {
          yield entry.batch
          continue
        }
        completed = true
        if (entry.error) throw entry.error
        return
      }
    } finally {
      if (!completed) this.onReturn()
    }
  }
}
