import type { AgentEvent } from '../core/index.ts'

/**
 * The structural events of a run: everything but text and reasoning deltas, plus the first text
 * delta of each turn (the time-to-first-token mark) and the first and latest reasoning delta of
 * each turn (first thought, end of thinking). The Gantt and the run summaries need only these, so
 * a long answer (100k deltas) costs them nothing: recomputing them live stays O(calls + turns).
 */
export class RunStructure {
  readonly events: AgentEvent[] = []
  private readonly turnsWithText = new Set<number>()
  /** Per turn: where its latest reasoning delta sits in `events` (-1 while only the first is in). */
  private readonly thinking = new Map<number, number>()

  /** Take one event of the run, in order. */
  apply(event: AgentEvent): void {
    if (event.type === 'text-delta') {
      if (this.turnsWithText.has(event.turn)) return
      this.turnsWithText.add(event.turn)
    }
    if (event.type === 'reasoning-delta') {
      const latest = this.thinking.get(event.turn)
      if (latest !== undefined && latest >= 0) {
        // The latest thought replaces the previous latest: two entries per turn, whatever its length.
        this.events[latest] = event
        return
      }
      this.thinking.set(event.turn, latest === undefined ? -1 : this.events.length)
    }
    this.events.push(event)
  }
}

/** The structure of a whole event log. */
export function structureOf(events: readonly AgentEvent[]): RunStructure {
  const structure = new RunStructure()
  for (const event of events) structure.apply(event)
  return structure
}
