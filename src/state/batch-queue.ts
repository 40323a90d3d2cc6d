import type { PackedEvents } from '../runs/packed-events.ts'

/**
 * Packed batches of a run's events, pushed as they arrive and read with for-await. `end(error)` makes
 * the reader throw once it has read everything before; `onReturn` runs when the reader leaves
 * early (a break or a throw in its loop), so the job behind it can be cancelled.
 */
export class BatchQueue implements AsyncIterable<PackedEvents> {
  private items: PackedEvents[] = []
  private finished = false
  private error: Error | undefined
  private wake: (() => void) | undefined

  constructor(private readonly onReturn: () => void = () => undefined) {}

  push(batch: PackedEvents): void {
    if (this.finished) return
    this.items.push(batch)
    this.notify()
  }

  end(error?: Error): void {
    if (this.finished) return
    this.finished = true
    this.error = error
    this.notify()
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<PackedEvents> {
    let completed = false
    try {
      for (;;) {
        const batch = this.items.shift()
        if (batch) {
          yield batch
          continue
        }
        if (this.finished) {
          completed = true
          if (this.error) throw this.error
          return
        }
        await new Promise<void>((resolve) => { this.wake = resolve })
      }
    } finally {
      if (!completed) this.onReturn()
    }
  }
}
