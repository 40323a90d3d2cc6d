import type { ExecutorSpec } from './types.ts'

/** How many tool calls of one turn may run at once under an executor. */
export function executorLimit(spec: ExecutorSpec): number {
  if (spec === 'concurrent') return Number.POSITIVE_INFINITY
  if (spec === 'sequential') return 1
  const n = Math.floor(spec.concurrency)
  if (!Number.isFinite(n) || n < 1) throw new RangeError(`Executor concurrency must be a whole number ≥ 1, got ${spec.concurrency}.`)
  return n
}

/** The executor's label in events and run records: 'concurrent', 'sequential' or 'concurrency:N'. */
export function executorLabel(spec: ExecutorSpec): string {
  return typeof spec === 'string' ? spec : `concurrency:${executorLimit(spec)}`
}

/** Parse a label back into a spec (run records store the label). */
export function parseExecutor(label: string): ExecutorSpec {
  if (label === 'concurrent' || label === 'sequential') return label
  const match = /^concurrency:(\d+)$/.exec(label)
  if (match) return { concurrency: Number(match[1]) }
  throw new RangeError(`Unknown executor "${label}".`)
}
