import type { AgentEvent } from '../core/index.ts'

/**
 * The structural events of a run: everything but text deltas, plus the first delta of each turn
 * (the time-to-first-token mark). The Gantt and the run summaries need only these, so a long
 * answer (100k deltas) costs them nothing: recomputing them live stays O(calls + turns).
 */
export class RunStructure {
  readonly events: AgentEvent[] = []
  private readonly turnsWithText = new Set<number>()

  /** Take one event of the run, in order. */
  apply(event: AgentEvent): void {
    if (event.type === 'text-delta') {
      if (this.turnsWithText.has(event.turn)) return
      this.turnsWithText.add(event.turn)
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
