import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { conversationStore } from '../../state/conversation.ts'
import { activateRun, activeRun, type LiveRun } from '../../state/runs.ts'
import { useRuns } from '../hooks.ts'
import { Exchange } from './Exchange.tsx'

/** One place in the thread: its runs (the exchange, then its re-runs) and the one shown. */
interface Slot {
  index: number
  runs: LiveRun[]
  shown: LiveRun
}

/**
 * The conversation: every exchange in order (follow-ups continue the same agent conversation).
 * A re-run or compare variant of an exchange takes its place in the thread while it is the run
 * picked on the time axis, with a switch between the exchange's runs. A run that belongs to no
 * exchange (a shared or imported run) is shown on its own.
 */
export function Transcript(): ReactNode {
  const frame = useRuns((s) => s.frame) // re-render once per animation frame while a run streams
  const runs = useRuns((s) => s.runs)
  const selected = useRuns((s) => activeRun(s))
  const busy = useRuns((s) => s.busy)
  const exchanges = useStore(conversationStore, (s) => s.exchanges)
  const slots = slotsOf(runs, exchanges.map((e) => e.runId), selected)
  const placed = new Set(slots.flatMap((slot) => slot.runs))
  const alone = selected && !placed.has(selected) ? selected : undefined
  if (slots.length === 0 && !alone) return null
  const tick = (run: LiveRun): number => (run.view.status === 'running' ? frame : 0)
  return (
    <section aria-label="Transcript" className="space-y-6">
      {slots.map((slot, i) => (
        <div key={slot.index} className="space-y-2">
          {slot.runs.length > 1 && <RunSwitch slot={slot} />}
          <Exchange run={slot.shown} index={slot.index} last={!alone && i === slots.length - 1} busy={busy} tick={tick(slot.shown)} />
        </div>
      ))}
      {alone && <Exchange run={alone} index={undefined} last busy={busy} tick={tick(alone)} />}
    </section>
  )
}

/** The thread's places in order; each shows the picked run when it is one of its own, else its last. */
function slotsOf(runs: readonly LiveRun[], threadIds: readonly string[], selected: LiveRun | undefined): Slot[] {
  const byIndex = new Map<number, LiveRun[]>()
  const add = (index: number, run: LiveRun): void => {
    const list = byIndex.get(index) ?? []
    list.push(run)
    byIndex.set(index, list)
  }
  threadIds.forEach((id, index) => {
    const run = runs.find((r) => r.record.id === id)
    if (run) add(index, run)
  })
  for (const run of runs) {
    // A follow-up still streaming has no exchange yet: it is the thread's next place.
    if (run.record.conversation && !run.record.conversation.rerun && !threadIds.includes(run.record.id) && run.view.status === 'running') add(run.record.conversation.index, run)
    else if (run.exchangeAt !== undefined) add(run.exchangeAt, run)
  }
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([index, list]) => ({
    index,
    runs: list,
    shown: selected && list.includes(selected) ? selected : list[0]!,
  }))
}

/** "Run 2 of 3" with the runs of one exchange; picking one also picks it on the time axis. */
function RunSwitch({ slot }: { slot: Slot }): ReactNode {
  return (
    <div role="group" aria-label={`Runs of message ${slot.index + 1}`} className="flex flex-wrap items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <span>Runs of this message:</span>
      {slot.runs.map((run) => (
        <button
          key={run.record.id}
          type="button"
          aria-pressed={run === slot.shown}
          onClick={() => activateRun(run.record.id)}
          className={`rounded-full border px-2 py-0.5 ${run === slot.shown ? 'border-sky-500 bg-sky-50 text-sky-800 dark:bg-sky-950/40 dark:text-sky-200' : 'border-zinc-300 dark:border-zinc-700'}`}
        >
          {run.label}
        </button>
      ))}
    </div>
  )
}
