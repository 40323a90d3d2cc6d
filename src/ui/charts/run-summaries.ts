import { metricsOf } from '../../runs/metrics.ts'
import type { LiveRun } from '../../state/runs.ts'
import type { GanttRunSummary } from '../gantt/index.ts'

/**
 * What the Gantt writes beside each run. With several runs, speedup is against the slowest
 * sequential run on the chart (or the slowest run when none is sequential).
 */
export function runSummaries(runs: readonly LiveRun[]): GanttRunSummary[] {
  // Structural events carry every time these figures need; a live run's makespan is its last event.
  const metrics = runs.map((run) => {
    const m = metricsOf(run.structure.events)
    return run.view.status === 'running' ? { ...m, makespanMs: run.view.lastT } : m
  })
  const sequential = runs.map((run, i) => (run.record.config.executor === 'sequential' ? metrics[i]!.makespanMs : 0))
  const baseline = Math.max(...sequential, 0) || Math.max(...metrics.map((m) => m.makespanMs), 0)
  return runs.map((run, i) => {
    const m = metrics[i]!
    const speedup = runs.length > 1 && m.makespanMs > 0 ? baseline / m.makespanMs : undefined
    return {
      label: run.label,
      makespanMs: m.makespanMs,
      toolTimeMs: m.toolTimeMs,
      modelTimeMs: m.modelTimeMs,
      ...(speedup !== undefined ? { speedup } : {}),
      ...(run.record.projected ? { projected: true } : {}),
    }
  })
}
