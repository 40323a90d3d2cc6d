// The contract every framework's adapter meets, so the peer bench runs the same workloads on each.

/** How the tool calls of one model turn run. */
export type ExecutorName = 'concurrent' | 'sequential'

/** One framework, driven by a mock model written against that framework's own model interface. */
export interface PeerAdapter {
  name: string
  /** The executors the framework offers; workloads for the others are reported as n/a. */
  executors: readonly ExecutorName[]
  /** A note on what the framework supports, printed under the table. */
  note: string
  /** One turn of `n` tool calls that each sleep `delayMs` (real timer), then a final text. Returns the makespan in ms. */
  runTools(n: number, delayMs: number, executor: ExecutorName): Promise<number>
  /** One model turn streaming `count` one-token text deltas through the framework's stream API. Returns ms. */
  streamDeltas(count: number): Promise<number>
}

/** Resolve after `ms` on the real timer. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Throw unless the run saw what it should: a failed run must not pass as a fast one. */
export function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(message)
}
