import type { Scenario } from '../../state/catalog.ts'

/** The gallery's groups, by the document each scenario comes from. */
export const SCENARIO_GROUPS: readonly { id: string; title: string; ids: readonly string[] }[] = [
  {
    id: 'strands',
    title: 'Strands lesson: async streaming tools',
    ids: ['streaming-progress', 'download-progress', 'city-concurrent', 'city-sequential', 'workflow-sequential', 'fetch-concurrent', 'fetch-sequential', 'challenge-pipeline', 'exercise-100-records', 'exercise-variable-delays', 'exercise-variable-delays-mocks', 'exercise-parallel-apis', 'receipt-analyze', 'receipt-extract', 'receipt-pdf', 'receipt-compare', 'document-classify'],
  },
  { id: 'selectools', title: 'selectools: streaming docs', ids: ['selectools-search', 'selectools-parallel', 'token-stream', 'routing-billing'] },
]

/** Scenarios matching a search (title, prompt or note), grouped; scenarios of no group go last. */
export function groupScenarios(scenarios: readonly Scenario[], query: string): { title: string; scenarios: Scenario[] }[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const matches = (s: Scenario): boolean => words.every((w) => `${s.title} ${s.prompt} ${s.note}`.toLowerCase().includes(w))
  const byId = new Map(scenarios.map((s) => [s.id, s]))
  const placed = new Set<string>()
  const groups = SCENARIO_GROUPS.map((group) => {
    const list = group.ids.flatMap((id) => {
      const scenario = byId.get(id)
      if (!scenario) return []
      placed.add(id)
      return matches(scenario) ? [scenario] : []
    })
    return { title: group.title, scenarios: list }
  })
  groups.push({ title: 'Lanes drills and more', scenarios: scenarios.filter((s) => !placed.has(s.id) && matches(s)) })
  return groups.filter((group) => group.scenarios.length > 0)
}
