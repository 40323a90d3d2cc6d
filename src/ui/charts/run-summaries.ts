import { metricsOf } from '../../runs/metrics.ts'
import { axisSpeedups } from '../../runs/same-task.ts'
import type { LiveRun } from '../../state/runs.ts'
import type { GanttRunSummary } from '../gantt/index.ts'

/**
 * What the Gantt writes beside each run. A speedup shows only between finished runs of the same
 * task (runs/same-task.ts); otherwise the run's note says why there is none.
 */
export function runSummaries(runs: readonly LiveRun[]): GanttRunSummary[] {
  // Structural events carry every time these figures need; a live run's makespan is its last event.
  const metrics = runs.map((run) => {
    const m = metricsOf(run.structure.events)
    return run.view.status === 'running' ? { ...m, makespanMs: run.view.lastT } : m
  })
  const speedups = axisSpeedups(runs.map((run, i) => ({ record: run.record, finished: run.view.status !== 'running', makespanMs: metrics[i]!.makespanMs, toolCalls: metrics[i]!.toolCalls })))
  return runs.map((run, i) => {
    const m = metrics[i]!
    const speedup = speedups[i]!
    return {
      label: run.label,
      makespanMs: m.makespanMs,
      toolTimeMs: m.toolTimeMs,
      modelTimeMs: m.modelTimeMs,
      ...('speedup' in speedup ? { speedup: speedup.speedup } : {}),
      ...('why' in speedup ? { note: speedup.why } : {}),
      ...(run.record.projected ? { projected: true } : {}),
      ...(run.record.comparison ? { group: run.record.comparison.variant } : {}),
    }
  })
}
