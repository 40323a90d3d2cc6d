import type { AgentEvent, RunResult } from './types.ts'

/**
 * The consumer side of a run: an async generator fed by the run's producer. Events are pushed as
 * they happen, so their timestamps never wait for a slow consumer, and each one costs O(1): no
 * chain of async generators to climb per event. `return()` (a `break` in for-await) calls
 * `onCancel` so the run stops working.
 */
export class EventStream implements AsyncGenerator<AgentEvent, RunResult, undefined> {
  private items: (AgentEvent | undefined)[] = []
  private head = 0
  private waiter: ((step: IteratorResult<AgentEvent, RunResult>) => void) | undefined
  private result: RunResult | undefined
  private cancelled = false

  constructor(private readonly onCancel: () => void) {}

  /** Producer: hand over one event. */
  push(event: AgentEvent): void {
    const waiter = this.waiter
    if (waiter) {
      this.waiter = undefined
      waiter({ value: event, done: false })
      return
    }
    this.items.push(event)
  }

  /** Producer: the run is over; `result` is what the generator returns. */
  close(result: RunResult): void {
    this.result = result
    const waiter = this.waiter
    if (waiter && this.head >= this.items.length) {
      this.waiter = undefined
      waiter({ value: result, done: true })
    }
  }

  next(): Promise<IteratorResult<AgentEvent, RunResult>> {
    if (this.head < this.items.length) {
      const value = this.items[this.head] as AgentEvent
      this.items[this.head++] = undefined
      if (this.head > 4096 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head)
        this.head = 0
      }
      return Promise.resolve({ value, done: false })
    }
    if (this.result !== undefined) return Promise.resolve({ value: this.result, done: true })
    return new Promise((resolve) => {
      this.waiter = resolve
    })
  }

  return(value?: RunResult | PromiseLike<RunResult>): Promise<IteratorResult<AgentEvent, RunResult>> {
    if (!this.cancelled && this.result === undefined) {
      this.cancelled = true
      this.onCancel()
    }
    this.items = []
    this.head = 0
    return Promise.resolve(value).then((v) => ({ value: (v ?? this.result) as RunResult, done: true }))
  }

  throw(error?: unknown): Promise<IteratorResult<AgentEvent, RunResult>> {
    return this.return().then(() => Promise.reject(error instanceof Error ? error : new Error(String(error))))
  }

  [Symbol.asyncIterator](): this {
    return this
  }
}
