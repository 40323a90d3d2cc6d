// What the history list shows of a stored run, and what its search matches, read from the run's
// header alone (never its events).
import type { Usage } from '../core/index.ts'
import { lastTimeOf, type StoredRun } from './history-chunks.ts'
import type { RunStatus } from './types.ts'

/** One line of the history list. */
export interface RunSummary {
  id: string
  title: string
  createdAt: string
  status: RunStatus
  provider: string
  model: string
  executor: string
  /** Time of the run's last event (its end, for a finished run). */
  makespanMs: number
  /** The conversation it is an exchange (or a re-run) of. */
  conversation?: { id: string; index: number; rerun?: true }
  /** The comparison it is a trial of. */
  comparison?: { id: string; variant: string; trial: number }
  /** A finished run's token usage (its cost is usage × the model's price). */
  usage?: Usage
}

/** A stored run's line in the history list. */
export function summaryOf(record: StoredRun): RunSummary {
  return {
    id: record.id, title: record.title ?? (record.input.text.slice(0, 60) || 'Untitled run'), createdAt: record.createdAt,
    status: record.status ?? 'done', provider: record.config.provider, model: record.config.model,
    executor: record.config.executor, makespanMs: lastTimeOf(record),
    ...(record.conversation ? { conversation: record.conversation } : {}),
    ...(record.comparison ? { comparison: record.comparison } : {}),
    ...(record.usage ? { usage: record.usage } : {}),
  }
}

/** Whether a stored run matches a search (lower-cased): title, label, prompt, provider, model or executor. */
export function matches(record: StoredRun, needle: string): boolean {
  const fields = [record.title, record.label, record.input.text, record.config.provider, record.config.model, record.config.executor]
  return fields.some((field) => field?.toLowerCase().includes(needle))
}
