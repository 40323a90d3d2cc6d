import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { openAllImported, openImported, tracesStore } from '../../state/traces.ts'

/** A trace with several agent invocations: pick one to open, or import them all. */
export function TraceChoices(): ReactNode {
  const choices = useStore(tracesStore, (s) => s.choices)
  if (!choices.length) return null
  return (
    <section aria-label="Runs in this trace" className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm dark:border-sky-900 dark:bg-sky-950/30">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">This trace holds {choices.length} agent runs</h2>
        <button type="button" className="rounded bg-sky-700 px-3 py-1 font-semibold text-white" onClick={() => openAllImported(choices)}>Import all</button>
        <button type="button" className="rounded px-2 py-1 underline" onClick={() => tracesStore.setState({ choices: [] })}>Cancel</button>
      </div>
      <ul className="divide-y divide-sky-200 dark:divide-sky-900">
        {choices.map((record) => (
          <li key={record.id} className="flex flex-wrap items-center gap-2 py-1">
            <button type="button" className="flex-1 truncate text-left hover:underline" onClick={() => openImported(record)}>{record.title ?? record.id}</button>
            <span className="text-xs text-zinc-600 dark:text-zinc-400">{record.config.tools.length} tools · {record.imported?.executorNote}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
