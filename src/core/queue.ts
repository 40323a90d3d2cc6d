// An unbounded async queue: producers push, one consumer awaits. Every operation is O(1), so a
// run with thousands of concurrent tools costs linear time (no Promise.race over all pending
// tools, the quadratic trap of some executors).

export class AsyncQueue<T> {
  private items: (T | undefined)[] = []
  private head = 0
  private waiter: ((value: T) => void) | undefined

  push(item: T): void {
    const waiter = this.waiter
    if (waiter) {
      this.waiter = undefined
      waiter(item)
      return
    }
    this.items.push(item)
  }

  /** The next item, waiting for one if the queue is empty. */
  shift(): Promise<T> {
    if (this.head < this.items.length) {
      const item = this.items[this.head] as T
      this.items[this.head] = undefined
      this.head++
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head)
        this.head = 0
      }
      return Promise.resolve(item)
    }
    return new Promise<T>((resolve) => {
      this.waiter = resolve
    })
  }

  get size(): number {
    return this.items.length - this.head
  }
}
