// A whole conversation back on screen: from History, a link or an exported file. Its exchanges
// become the thread again (with the agent's messages rebuilt from their events, so a follow-up
// continues it) and its re-runs sit beside their exchanges on the time axis.
import { conversationOf } from '../runs/messages-of.ts'
import type { RunRecord } from '../runs/types.ts'
import { conversationStore } from './conversation.ts'
import { importRuns } from './history.ts'
import { closeReplay } from './replay.ts'
import { liveRun, runsStore, showRuns, type LiveRun } from './runs.ts'

/** The runs of a conversation: its thread in order, and the re-runs of its exchanges. */
export interface ConversationRuns {
  id: string
  thread: RunRecord[]
  reruns: RunRecord[]
}

/**
 * Split records into conversations (records of no conversation are left out), each with its
 * thread in order. Two records at one place (an edit replaced the first) keep the newer one.
 */
export function conversationsIn(records: readonly RunRecord[]): ConversationRuns[] {
  const byId = new Map<string, { places: Map<number, RunRecord>; reruns: RunRecord[] }>()
  for (const record of records) {
    const place = record.conversation
    if (!place) continue
    const conversation = byId.get(place.id) ?? { places: new Map<number, RunRecord>(), reruns: [] }
    byId.set(place.id, conversation)
    if (place.rerun) conversation.reruns.push(record)
    else {
      const there = conversation.places.get(place.index)
      if (!there || there.createdAt <= record.createdAt) conversation.places.set(place.index, record)
    }
  }
  return [...byId.entries()].map(([id, { places, reruns }]) => ({
    id,
    thread: [...places.entries()].sort(([a], [b]) => a - b).map(([, record]) => record),
    reruns,
  }))
}

/** The records of the conversation on screen, thread first, then its re-runs (no projections). */
export function recordsOfConversation(): RunRecord[] {
  const { id, exchanges } = conversationStore.getState()
  const runs = runsStore.getState().runs
  const thread = exchanges.map((exchange) => runs.find((run) => run.record.id === exchange.runId)?.record).filter((r) => r !== undefined)
  const reruns = runs.map((run) => run.record).filter((record) => record.conversation?.id === id && record.conversation.rerun && !record.projected)
  return [...thread, ...reruns]
}

/** Records opened from a link, saved to History once the user continues the conversation. */
let unsaved: { id: string; records: RunRecord[] } | undefined

/**
 * Put a conversation on screen: the thread, continuable, and its re-runs beside their exchanges.
 * `fromLink`: the records are not in History yet; they are saved when a follow-up is run, so the
 * conversation stays whole there.
 */
export function openConversation(conversation: ConversationRuns, options: { fromLink?: boolean } = {}): void {
  closeReplay()
  const { thread, reruns } = conversation
  const runOf = (record: RunRecord): LiveRun => liveRun(record, record.label ?? record.config.executor)
  const threadRuns = thread.map(runOf)
  const rerunRuns = reruns.map((record) => {
    const run = runOf(record)
    if (record.conversation) run.exchangeAt = record.conversation.index
    return run
  })
  conversationStore.setState({
    id: conversation.id,
    exchanges: thread.map((record, i) => ({ runId: record.id, before: conversationOf(thread.slice(0, i)) })),
    messages: conversationOf(thread),
    broken: false,
  })
  showRuns([...threadRuns, ...rerunRuns])
  const last = threadRuns.at(-1)
  if (last) runsStore.setState({ activeId: last.record.id })
  unsaved = options.fromLink ? { id: conversation.id, records: [...thread, ...reruns] } : undefined
}

// A follow-up or re-run in a conversation opened from a link: its earlier exchanges go to History
// first, so History holds the whole conversation, not only what was added here.
runsStore.subscribe((state, previous) => {
  if (!state.busy || previous.busy || !unsaved) return
  const pending = unsaved
  unsaved = undefined
  if (conversationStore.getState().id === pending.id) void importRuns(pending.records)
})
