import type { ReactNode } from 'react'
import { activeRun } from '../../state/runs.ts'
import { useNow, useRuns } from '../hooks.ts'
import { ToolTimeline } from '../timeline/index.ts'

/** The per-tool progress timeline of the active run, drawn live from its event log. */
export function RunTimeline(): ReactNode {
  useRuns((s) => s.frame)
  const run = useRuns((s) => activeRun(s))
  // The live clock: running lanes grow while a tool reports nothing.
  const live = run?.view.status === 'running' && run.startedAt !== undefined
  const now = useNow(live, 100)
  if (!run) return null
  const { view } = run
  if (view.toolOrder.length === 0 && view.status !== 'running') {
    return <p className="text-xs text-zinc-500 dark:text-zinc-400">This run called no tools.</p>
  }
  const lanes = view.toolOrder.flatMap((id) => {
    const card = view.tools.get(id)
    if (!card) return []
    return [{
      callId: card.callId,
      name: card.name,
      startMs: card.startMs,
      ...(card.endMs !== undefined ? { endMs: card.endMs } : {}),
      status: card.status,
      progress: card.progress.map((p) => ({
        t: p.t,
        ...(typeof p.progress === 'string' ? { message: p.progress } : {
          ...(p.progress.message !== undefined ? { message: p.progress.message } : {}),
          ...(p.progress.fraction !== undefined ? { fraction: p.progress.fraction } : {}),
        }),
      })),
    }]
  })
  return <ToolTimeline calls={lanes} nowMs={live ? Math.max(view.lastT, now - run.startedAt!) : view.lastT} />
}
