import { useMemo, type ReactNode } from 'react'
import { ganttSpansOf } from '../../runs/gantt.ts'
import { withoutEvents } from '../../runs/live-events.ts'
import { GanttChart } from '../gantt/index.ts'
import { useNow, useRuns } from '../hooks.ts'
import { runSummaries } from './run-summaries.ts'
import { useThrottled } from './use-throttled.ts'

/** The Gantt of every run on screen, live while one streams. */
export function RunGantt(): ReactNode {
  const frame = useRuns((s) => s.frame)
  const all = useRuns((s) => s.runs)
  const runs = useMemo(() => all.filter((run) => !run.hidden), [all])
  const busy = useRuns((s) => s.busy)
  // The live clock: running bars grow while a tool works silently, not only when events arrive.
  const now = useNow(busy, 120, frame)
  const liveEndMs = Math.max(0, ...runs.map((run) => (run.view.status === 'running' && run.startedAt !== undefined ? Math.max(run.view.lastT, now - run.startedAt) : run.view.lastT)))
  const data = useThrottled(
    () => ({
      // Structural events only: recomputing the live chart costs O(calls), not O(tokens).
      spans: ganttSpansOf(
        runs.map((run) => ({ record: { ...withoutEvents(run.record), events: run.structure.events }, label: run.label })),
        { liveEndMs },
      ),
      summaries: runSummaries(runs),
    }),
    [runs],
    frame + Math.floor(now / 120),
    busy,
    120,
  )
  // The same element while the throttled data stands: React then skips the whole chart on the
  // frames in between, instead of re-rendering it with equal props.
  return useMemo(() => <GanttChart spans={data.spans} runs={data.summaries} live={busy} />, [data, busy])
}
