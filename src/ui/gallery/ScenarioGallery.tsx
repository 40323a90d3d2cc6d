import { useEffect, useRef, useState, type ReactNode } from 'react'
import { SCENARIOS, loadScenario } from '../../state/catalog.ts'
import { useRuns } from '../hooks.ts'
import { groupScenarios } from './scenario-groups.ts'

/** A compact, searchable list of the seed scenarios, grouped by the document they come from. */
function ScenarioList({ onPicked, autoFocus }: { onPicked?: () => void; autoFocus?: boolean }): ReactNode {
  const [query, setQuery] = useState('')
  const groups = groupScenarios(SCENARIOS, query)
  return (
    <nav aria-label="Scenarios" className="space-y-2">
      <input
        type="search"
        aria-label="Search scenarios"
        placeholder="Search scenarios: weather, receipt, records…"
        value={query}
        autoFocus={autoFocus}
        onChange={(e) => setQuery(e.target.value)}
        className="w-full rounded-lg border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      />
      {groups.length === 0 && <p className="text-sm text-zinc-500">No scenario matches “{query}”.</p>}
      {groups.map((group) => (
        <section key={group.title} aria-label={group.title}>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{group.title}</h3>
          <ul className="grid gap-1 sm:grid-cols-2">
            {group.scenarios.map((scenario) => (
              <li key={scenario.id} className="min-w-0">
                <button
                  type="button"
                  data-scenario={scenario.id}
                  title={scenario.note}
                  onClick={() => {
                    loadScenario(scenario)
                    onPicked?.()
                  }}
                  className="flex w-full min-w-0 items-baseline gap-2 rounded-md px-2 py-1 text-left text-sm hover:bg-sky-50 dark:hover:bg-sky-950/30"
                >
                  <span className="shrink-0 font-medium">{scenario.title}</span>
                  <span className="min-w-0 truncate text-xs text-zinc-500 dark:text-zinc-400">{scenario.prompt}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  )
}

/** The empty thread's welcome: what Lanes shows, and every scenario one click away. */
export function ScenarioGallery(): ReactNode {
  const empty = useRuns((s) => s.runs.length === 0)
  if (!empty) return null
  return (
    <div className="space-y-3 rounded-xl border border-zinc-200 p-4 dark:border-zinc-800">
      <p className="text-sm text-zinc-600 dark:text-zinc-300">
        Pick a scenario from the lessons, or type your own prompt below. Each run lands on the time axis above: run it again with another executor to see both side by side.
      </p>
      <ScenarioList />
    </div>
  )
}

/** Once the thread has runs: the same list behind a button, above the composer. */
export function ScenarioPicker(): ReactNode {
  const empty = useRuns((s) => s.runs.length === 0)
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (!open) return
    const onKey = (e: KeyboardEvent): void => { if (e.key === 'Escape') setOpen(false) }
    const onDown = (e: PointerEvent): void => { if (!panel.current?.contains(e.target as Node)) setOpen(false) }
    window.addEventListener('keydown', onKey)
    window.addEventListener('pointerdown', onDown)
    return () => {
      window.removeEventListener('keydown', onKey)
      window.removeEventListener('pointerdown', onDown)
    }
  }, [open])
  if (empty) return null
  return (
    <div ref={panel} className="relative">
      <button type="button" aria-expanded={open} onClick={() => setOpen((v) => !v)} className="rounded-lg border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Scenarios
      </button>
      {open && (
        <div className="absolute bottom-full left-0 z-20 mb-2 max-h-[60vh] w-[min(40rem,calc(100vw-2rem))] overflow-y-auto rounded-xl border border-zinc-200 bg-white p-3 shadow-xl dark:border-zinc-800 dark:bg-zinc-950">
          <ScenarioList autoFocus onPicked={() => setOpen(false)} />
        </div>
      )}
    </div>
  )
}
