// Shared by the local model's tests: a virtual clock and an event collector.
import type { AgentEvent, RunResult } from '../../../core/index.ts'
import type { ModelSleep } from '../tokens.ts'

/**
 * Sleeping advances the clock by exactly the requested time, so pacing is exact and tests never
 * wait real time. The macrotask hop lets the agent stamp the events already queued before the
 * clock moves on, as it would in real time.
 */
export function virtualClock(): { now: () => number; sleep: ModelSleep; sleeps: number[] } {
  let time = 0
  const sleeps: number[] = []
  return {
    now: () => time,
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms)
      await new Promise((resolve) => setTimeout(resolve, 0))
      time += ms
    },
  }
}

/** Every event of a run, and its result. */
export async function collect(run: AsyncIterable<AgentEvent>): Promise<{ events: AgentEvent[]; result: RunResult }> {
  const events: AgentEvent[] = []
  for await (const event of run) events.push(event)
  const last = events[events.length - 1]
  if (last?.type !== 'run-end') throw new Error('the run did not end with run-end')
  return { events, result: last.result }
}

/** The text deltas of a run, in order. */
export function deltas(events: readonly AgentEvent[]): string[] {
  return events.flatMap((e) => (e.type === 'text-delta' ? [e.text] : []))
}

/** The ACME receipt of the seed, as OCR reads it. */
export const ACME_TEXT = [
  'ACME GROCERY', '123 Main St', 'Receipt #: 2025-001234', 'Date: Oct 11, 2025',
  'Apples (2 lbs) $5.99', 'Bread $3.49', 'Eggs (12) $4.99', 'Milk $4.29', 'Salmon $12.99', 'Greens $3.49',
  'Subtotal: $35.24', 'Tax: $3.00', 'TOTAL: $38.24',
].join('\n')
