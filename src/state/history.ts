import { createStore } from 'zustand/vanilla'
import type { HistoryStore, RunSummary } from '../runs/history-store.ts'

export type { RunSummary }
import type { PackedEvents } from '../runs/packed-events.ts'
import type { RunRecord } from '../runs/types.ts'
import { runsStore, setNotice } from './runs.ts'
import { createSaveQueue } from './save-queue.ts'

export interface HistoryState {
  available: boolean
  /** Why history is off or a write failed: shown to the user; runs still work in memory. */
  warning: string | undefined
  summaries: RunSummary[]
  search: string
}

export const historyStore = createStore<HistoryState>(() => ({ available: false, warning: undefined, summaries: [], search: '' }))

let store: HistoryStore | undefined
// History opens with the page (in the background); until it has, saves are skipped.
if (typeof indexedDB !== 'undefined') void open()

async function open(): Promise<HistoryStore | undefined> {
  // Loaded after the page's first script: history is not needed to paint the page.
  const { openHistory } = await import('../runs/history-store.ts')
  const result = await openHistory({ onError: report })
  if (!result.available) {
    historyStore.setState({ available: false, warning: result.error.message })
    return undefined
  }
  store = result
  historyStore.setState({ available: true })
  const [cutOff, ...more] = result.interrupted
  if (cutOff !== undefined && !runsStore.getState().notice) {
    const others = more.length ? ` (and ${more.length} more)` : ''
    setNotice({ kind: 'warning', title: 'A run was cut off by a reload', detail: `"${cutOff}"${others} was still running when the page was reloaded or closed. It is in History, marked interrupted, with everything up to then.` })
  }
  void refreshHistory()
  return store
}

function report(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  historyStore.setState({ warning: message })
}

/** Run `drain` in an idle moment, within `maxWaitMs` (a timer where there is no idle callback). */
function whenIdle(drain: () => void, maxWaitMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(drain, { timeout: maxWaitMs })
  else setTimeout(drain, 0)
}

const saves = createSaveQueue({
  put: (record, spans) => store?.put(record, spans),
  whenIdle,
  // A finished run is written now and the list shows it.
  onFinished: () => void flushHistory(),
})

// A page closed or reloaded issues what is queued or coalesced as it goes. Best effort: the
// browser may abort writes of a page being torn down (a reload in Chromium often does), which is
// why a run's header is written as it starts (saveRunStarted).
if (typeof addEventListener === 'function') addEventListener('pagehide', () => void flushHistory())

/**
 * Save a run as it streams: queued, and handed to the store when the page is idle (within 250 ms),
 * which coalesces its writes. `appended`: its newest events, packed. A run that is no longer
 * running is written as soon as it has been handed over, and the list then shows it.
 */
export function saveRun(record: RunRecord, appended?: PackedEvents): void {
  if (store) saves.save(record, appended)
}

/**
 * Write a run's header as the run starts, so a reload at any moment after finds it in History
 * (marked interrupted), not only once its first save is due.
 */
export function saveRunStarted(record: RunRecord): void {
  if (!store) return
  store.put(record)
  void flushHistory()
}

/** Write pending saves now and refresh the list. */
export async function flushHistory(): Promise<void> {
  if (!store) return
  saves.drainAll()
  try {
    await store.flush()
  } catch (error) {
    report(error)
  }
  await refreshHistory()
}

export async function refreshHistory(): Promise<void> {
  if (!store) return
  try {
    const search = historyStore.getState().search
    historyStore.setState({ summaries: await store.list(search ? { search } : {}) })
  } catch (error) {
    report(error)
  }
}

export function setHistorySearch(search: string): void {
  historyStore.setState({ search })
  void refreshHistory()
}

export async function loadRun(id: string): Promise<RunRecord | undefined> {
  return store?.get(id)
}

export async function renameRun(id: string, title: string): Promise<void> {
  await store?.rename(id, title)
  await refreshHistory()
}

export async function deleteRun(id: string): Promise<void> {
  await store?.delete(id)
  await refreshHistory()
}

/** Every saved run of one conversation (its exchanges and re-runs), whatever the search. */
export async function conversationRuns(id: string): Promise<RunRecord[]> {
  if (!store) return []
  const summaries = (await store.list({})).filter((s) => s.conversation?.id === id)
  const records = await Promise.all(summaries.map((s) => store!.get(s.id)))
  return records.filter((r): r is RunRecord => r !== undefined)
}

/** Delete every saved run of one conversation. */
export async function deleteConversation(id: string): Promise<void> {
  if (!store) return
  for (const summary of (await store.list({})).filter((s) => s.conversation?.id === id)) await store.delete(summary.id)
  await refreshHistory()
}

/** Every saved run, for "export all". */
export async function allRuns(): Promise<RunRecord[]> {
  if (!store) return []
  const summaries = await store.list({})
  const records = await Promise.all(summaries.map((s) => store!.get(s.id)))
  return records.filter((r): r is RunRecord => r !== undefined)
}

/** Save imported records, then refresh. */
export async function importRuns(records: RunRecord[]): Promise<void> {
  if (!store) return
  for (const record of records) await store.put(record)
  await flushHistory()
}

/** Import runs from an exported JSON file; says how many were taken and what was skipped. */
export async function importFile(file: File): Promise<string> {
  const { importHistory } = await import('../runs/history-io.ts')
  const result = importHistory(await file.text())
  await importRuns(result.records)
  const taken = `Imported ${result.records.length} run${result.records.length === 1 ? '' : 's'}`
  const skipped = result.skipped.length ? `; skipped ${result.skipped.length}: ${result.skipped.map((s) => `#${s.index + 1} (${s.reason})`).join(', ')}` : ''
  return `${taken}${skipped}.`
}

/** An attachment's bytes kept by an earlier run in this browser, by content hash. */
export async function storedAttachment(hash: string): Promise<Blob | undefined> {
  return store?.getAttachment(hash)
}

/** Keep an attachment's bytes with the runs that use it (stored once per content hash). */
export function saveAttachment(hash: string, blob: Blob): void {
  if (!store || !hash) return
  store.putAttachment(hash, blob).catch(report)
}
