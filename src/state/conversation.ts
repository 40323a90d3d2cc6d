import { createStore } from 'zustand/vanilla'
import type { Message } from '../core/index.ts'
import { newRunId } from '../core/index.ts'
import { runsStore } from './runs.ts'

/** One exchange of the conversation: its run, and the messages the agent had before its prompt. */
export interface Exchange {
  runId: string
  before: readonly Message[]
}

/**
 * The conversation on screen: its exchanges in order, and the agent's messages after the last
 * one (what a follow-up sends before its prompt). Re-runs and compare variants of an exchange sit
 * beside it on the time axis but are not part of the thread.
 */
export interface ConversationState {
  id: string
  exchanges: readonly Exchange[]
  messages: readonly Message[]
  /** The agent's messages could not be kept (a worker that died): a follow-up starts afresh. */
  broken: boolean
}

export const conversationStore = createStore<ConversationState>(() => ({ id: newRunId(), exchanges: [], messages: [], broken: false }))

/** Start over: an empty thread and axis (pinned runs stay on the axis). */
export function newChat(): void {
  conversationStore.setState({ id: newRunId(), exchanges: [], messages: [], broken: false })
  runsStore.setState((s) => {
    const runs = s.runs.filter((run) => run.pinned)
    return { runs, activeId: runs.at(-1)?.record.id, notice: undefined, frame: s.frame + 1 }
  })
}

/** The messages a new exchange at `index` starts from (the end of the thread by default). */
export function historyFor(index?: number): readonly Message[] {
  const { exchanges, messages } = conversationStore.getState()
  if (index === undefined || index >= exchanges.length) return messages
  return exchanges[index]?.before ?? []
}

/**
 * Record a finished exchange. `at`: its place in the thread (a new one goes last; an edited one
 * replaces that exchange and drops those after it). `after`: the agent's messages at its end.
 */
export function recordExchange(runId: string, at: number, before: readonly Message[], after: readonly Message[] | undefined): void {
  conversationStore.setState((s) => ({
    exchanges: [...s.exchanges.slice(0, at), { runId, before }],
    messages: after ?? [],
    broken: after === undefined,
  }))
}

/**
 * An edited exchange replaces exchange `at`: it and those after it leave the thread, and their
 * runs leave the screen (history keeps them).
 */
export function dropExchangesFrom(at: number): void {
  const { exchanges } = conversationStore.getState()
  if (at >= exchanges.length) return
  const dropped = new Set(exchanges.slice(at).map((exchange) => exchange.runId))
  conversationStore.setState({ exchanges: exchanges.slice(0, at), messages: exchanges[at]?.before ?? [] })
  runsStore.setState((s) => ({ runs: s.runs.filter((run) => !dropped.has(run.record.id)), frame: s.frame + 1 }))
}

/**
 * Where the composer's prompt goes: an edited exchange is replaced; the same prompt as the last
 * exchange (only the settings changed) is re-run beside it, with the same history, so both land
 * on the time axis as one task; anything else is a follow-up.
 */
export function placeForPrompt(prompt: string, editing: number | undefined, lastPrompt: string | undefined): { mode: 'append' } | { mode: 'replace' | 'beside'; at: number } {
  const count = conversationStore.getState().exchanges.length
  if (editing !== undefined) return { mode: 'replace', at: editing }
  if (count > 0 && lastPrompt !== undefined && lastPrompt.trim() === prompt.trim()) return { mode: 'beside', at: count - 1 }
  return { mode: 'append' }
}

/** The prompt of the thread's last exchange, if it is on screen. */
export function lastThreadPrompt(): string | undefined {
  const last = conversationStore.getState().exchanges.at(-1)
  return last ? runsStore.getState().runs.find((run) => run.record.id === last.runId)?.record.input.text : undefined
}
