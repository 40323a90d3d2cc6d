import { createStore } from 'zustand/vanilla'
import { runSeries } from './run-controller.ts'
import { activeRun, addRun, liveRun, runsStore } from './runs.ts'
import { executorOf, settingsStore } from './settings.ts'
import { conversationStore, lastThreadPrompt, placeForPrompt } from './conversation.ts'

export const compareStore = createStore<{ trials: number }>(() => ({ trials: 1 }))

export function setTrials(trials: number): void {
  compareStore.setState({ trials: Math.min(10, Math.max(1, Math.round(trials))) })
}

/**
 * Run the prompt under the chosen executor (a limit of N included) and under the other one
 * (Sequential, or Concurrent when Sequential is chosen), k trials each, interleaved A B A B so that
 * drift (a warming cache, a busy provider) hits both executors alike.
 */
export async function compareExecutors(prompt: string): Promise<void> {
  const { trials } = compareStore.getState()
  const chosen = executorOf(settingsStore.getState())
  // Variants of one exchange: the last one again when the prompt is its prompt, else the next.
  const place = placeForPrompt(prompt, undefined, lastThreadPrompt())
  const at = place.mode === 'append' ? conversationStore.getState().exchanges.length : place.at
  const pair = chosen === 'sequential' ? ['concurrent', 'sequential'] : [chosen, 'sequential']
  const requests = []
  for (let i = 1; i <= trials; i++) {
    for (const executor of pair) {
      requests.push({ prompt, executor, label: trials > 1 ? `${executor} #${i}` : executor, keepOthers: true, thread: { mode: 'beside' as const, at } })
    }
  }
  await runSeries(requests)
}

/** What-if: the active run re-timed under the other executor from its recorded tool durations. */
export async function projectOtherExecutor(): Promise<void> {
  const run = activeRun()
  if (!run || run.view.status === 'running') return
  const other = run.record.config.executor === 'sequential' ? 'concurrent' : 'sequential'
  const { projectExecutor } = await import('../runs/project.ts')
  const projected = projectExecutor(run.record, other)
  const label = `${other} (projected)`
  const already = runsStore.getState().runs.some((r) => r.label === label && r.record.projected)
  if (already) return
  addRun(liveRun(projected, label, true), true, false)
}
