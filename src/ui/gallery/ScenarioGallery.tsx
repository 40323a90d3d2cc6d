import type { ReactNode } from 'react'
import { SCENARIOS, loadScenario } from '../../state/catalog.ts'

/** One click loads a seed scenario: prompt, tools and settings. */
export function ScenarioGallery(): ReactNode {
  return (
    <nav aria-label="Scenarios" className="-mx-1 overflow-x-auto pb-1">
      <ul className="flex gap-2 px-1">
        {SCENARIOS.map((scenario) => (
          <li key={scenario.id} className="shrink-0">
            <button type="button" onClick={() => loadScenario(scenario)} title={scenario.note} className="w-48 rounded-lg border border-zinc-200 bg-white p-2 text-left text-xs hover:border-sky-400 hover:bg-sky-50 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:bg-sky-950/30" data-scenario={scenario.id}>
              <span className="block font-semibold text-zinc-900 dark:text-zinc-100">{scenario.title}</span>
              <span className="mt-0.5 line-clamp-2 block text-zinc-500 dark:text-zinc-400">{scenario.prompt}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  )
}
