import type { ReactNode } from 'react'
import { useRuns } from '../hooks.ts'

export type MainView = 'conversation' | 'axis'

/**
 * Below 1024 px the conversation and the time axis share the screen one at a time: this switch
 * keeps the chart one tap away. The time axis tab pulses while a run streams.
 */
export function ViewTabs({ view, onChange }: { view: MainView; onChange: (view: MainView) => void }): ReactNode {
  const busy = useRuns((s) => s.busy)
  const tab = (id: MainView, label: string, extra?: ReactNode): ReactNode => (
    <button
      type="button"
      role="tab"
      aria-selected={view === id}
      aria-controls={id === 'axis' ? 'time-axis' : 'conversation'}
      onClick={() => onChange(id)}
      className={`flex flex-1 items-center justify-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${view === id ? 'border-sky-600 text-sky-700 dark:text-sky-300' : 'border-transparent text-zinc-600 dark:text-zinc-400'}`}
    >
      {label}
      {extra}
    </button>
  )
  return (
    <div role="tablist" aria-label="Show" className="flex shrink-0 border-b border-zinc-200 lg:hidden dark:border-zinc-800">
      {tab('conversation', 'Conversation')}
      {tab('axis', 'Time axis', busy ? <span aria-label="live" className="h-2 w-2 animate-pulse rounded-full bg-sky-500" /> : null)}
    </div>
  )
}
