import type { GanttSpan } from '../../../runs/types.ts'

/** A span with defaults for the fields a test does not care about. */
export function span(partial: Partial<GanttSpan> & Pick<GanttSpan, 'run' | 'name' | 'startMs' | 'endMs'>): GanttSpan {
  const kind = partial.kind ?? 'tool'
  return {
    kind,
    key: `${partial.run}/${partial.name}/${partial.startMs}`,
    turn: 1,
    running: false,
    critical: false,
    ...partial,
  }
}
