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

/** The run ids of the thread, in order. */
export function threadRunIds(state: ConversationState = conversationStore.getState()): string[] {
  return state.exchanges.map((exchange) => exchange.runId)
}
