import type { ReactNode } from 'react'
import { ganttSpansOf } from '../../runs/gantt.ts'
import { withoutEvents } from '../../runs/live-events.ts'
import { GanttChart } from '../gantt/index.ts'
import { useRuns } from '../hooks.ts'
import { runSummaries } from './run-summaries.ts'
import { useThrottled } from './use-throttled.ts'

/** The Gantt of every run on screen, live while one streams. */
export function RunGantt(): ReactNode {
  const frame = useRuns((s) => s.frame)
  const runs = useRuns((s) => s.runs)
  const busy = useRuns((s) => s.busy)
  const data = useThrottled(
    () => ({
      // Structural events only: recomputing the live chart costs O(calls), not O(tokens).
      spans: ganttSpansOf(
        runs.map((run) => ({ record: { ...withoutEvents(run.record), events: run.structure.events }, label: run.label })),
        { liveEndMs: Math.max(0, ...runs.map((run) => run.view.lastT)) },
      ),
      summaries: runSummaries(runs),
    }),
    [runs],
    frame,
    busy,
    120,
  )
  return <GanttChart spans={data.spans} runs={data.summaries} live={busy} />
}
