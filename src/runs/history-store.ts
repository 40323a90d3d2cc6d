// Run history in IndexedDB: db 'lanes', store 'runs' (records keyed by id, index on createdAt) and
// store 'attachments' (Blobs keyed by content hash). A streaming run calls put() per event, so
// writes are coalesced per run; when storage is missing, blocked or full, callers get a typed
// error and keep working in memory.
import type { RunRecord, RunStatus } from './types.ts'
import { HistoryError, toHistoryError } from './history-errors.ts'
import { finished, request } from './idb.ts'
import { CHUNK_SIZE, EVENTS, assemble, chunkRange, chunksToWrite, headerOf, type PackedSpan, type StoredChunk, type StoredRun } from './history-chunks.ts'
import { matches, summaryOf, type RunSummary } from './history-summary.ts'
import { eventCountOf } from './live-events.ts'
import type { PackedEvents } from './packed-events.ts'

export { exportHistory, importHistory, EXPORT_FORMAT, type ImportResult } from './history-io.ts'
export { HistoryError, toHistoryError, type HistoryErrorReason } from './history-errors.ts'
export type { RunSummary } from './history-summary.ts'

const DB_NAME = 'lanes'
const EAGER_WRITE_EVENTS = 5 * CHUNK_SIZE
// Version 2 keeps events in chunks (history-chunks.ts); version-1 runs are read as they are.
const DB_VERSION = 2
const RUNS = 'runs'
const ATTACHMENTS = 'attachments'

/** History is not available at all (no IndexedDB, private mode, blocked): runs stay in memory. */
export interface HistoryUnavailable {
  available: false
  error: HistoryError
}

/** The saved history of runs (IndexedDB). */
export interface HistoryStore {
  available: true
  /** Titles of the runs found cut off (still 'running') when history opened, newest first. */
  readonly interrupted: readonly string[]
  /**
   * Save a record; cheap to call per event (coalesced, at most one write per run per interval).
   * `appended`: the events just added to the record, already packed (a batch from the agent
   * worker), which are then stored as they are instead of packed again. Or spans of its events
   * with their positions, handed over later than they came (state/save-queue.ts): a running
   * record is then stored only up to the end of the last span, since the rest is still to come.
   */
  put(record: RunRecord, appended?: PackedEvents | readonly PackedSpan[]): void
  /** Write every pending record now; rejects with a HistoryError when a write failed. */
  flush(): Promise<void>
  get(id: string): Promise<RunRecord | undefined>
  /** Newest first; `search` matches title, prompt, label, provider, model and executor. */
  list(options?: { search?: string }): Promise<RunSummary[]>
  rename(id: string, title: string): Promise<void>
  delete(id: string): Promise<void>
  clear(): Promise<void>
  putAttachment(hash: string, blob: Blob): Promise<void>
  getAttachment(hash: string): Promise<Blob | undefined>
  close(): void
}

/** Options of openHistory; tests inject the factory, name and interval. */
export interface HistoryOptions {
  /** The IndexedDB factory; defaults to globalThis.indexedDB. */
  indexedDB?: IDBFactory
  dbName?: string
  /** Coalescing interval of put() per run, ms. */
  writeDelayMs?: number
  /** Told about write failures of coalesced puts (which have no caller to reject to). */
  onError?: (error: HistoryError) => void
}


function isSpanList(appended: PackedEvents | readonly PackedSpan[] | undefined): appended is readonly PackedSpan[] {
  return Array.isArray(appended)
}

class IdbHistory implements HistoryStore {
  readonly available = true
  interrupted: readonly string[] = []
  private readonly pending = new Map<string, RunRecord>()
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>()
  private readonly writes = new Set<Promise<void>>()
  /** What of each streaming run is stored (events, chunks), so a save writes only what came since. */
  private readonly stored = new Map<string, { events: number; chunks: number }>()
  /** Batches of each run that arrived packed and are not stored yet. */
  private readonly spans = new Map<string, PackedSpan[]>()
  /** Of a running record handed over in spans: how many of its events the store has been given. */
  private readonly given = new Map<string, number>()
  private failure: HistoryError | undefined

  constructor(private readonly db: IDBDatabase, private readonly options: HistoryOptions) {}

  /** Run `work` in one transaction; synchronous throws (a full disk can throw on put) reject too. */
  private async tx<T>(stores: string[], mode: IDBTransactionMode, work: (tx: IDBTransaction) => Promise<T> | T): Promise<T> {
    try {
      const tx = this.db.transaction(stores, mode)
      const done = finished(tx)
      // Observed below; this keeps a later abort from being "unhandled" when work throws first.
      done.catch(() => undefined)
      const value = await work(tx)
      await done
      return value
    } catch (error) {
      throw toHistoryError(error)
    }
  }

  put(record: RunRecord, appended?: PackedEvents | readonly PackedSpan[]): void {
    this.pending.set(record.id, record)
    const spans = this.spans.get(record.id) ?? []
    if (isSpanList(appended)) {
      spans.push(...appended)
      const last = appended.at(-1)
      if (last) this.given.set(record.id, last.from + last.packed.count)
    } else if (appended) {
      spans.push({ from: eventCountOf(record) - appended.count, packed: appended })
      this.given.delete(record.id)
    }
    if (spans.length) this.spans.set(record.id, spans)
    if (record.status !== 'running') { this.given.delete(record.id); this.writeNow(record.id); return }
    // A fast stream is written as it goes, a few chunks at a time, so the last save of a long
    // run packs one chunk instead of all of them (20 ms at the end of a 100k-token answer).
    if (this.writable(record) - (this.stored.get(record.id)?.events ?? 0) >= EAGER_WRITE_EVENTS) { this.writeNow(record.id); return }
    if (this.timers.has(record.id)) return
    this.timers.set(record.id, setTimeout(() => this.writeNow(record.id), this.options.writeDelayMs ?? 250))
  }

  /** How many of a record's events may be stored now. */
  private writable(record: RunRecord): number {
    return Math.min(eventCountOf(record), this.given.get(record.id) ?? Number.POSITIVE_INFINITY)
  }

  private writeNow(id: string): void {
    const timer = this.timers.get(id)
    if (timer !== undefined) { clearTimeout(timer); this.timers.delete(id) }
    const record = this.pending.get(id)
    if (!record) return
    this.pending.delete(id)
    // IndexedDB clones synchronously inside put(), so later appends do not leak in; only the
    // events past what is already stored are cloned.
    const stored = this.stored.get(id) ?? { events: 0, chunks: 0 }
    const from = stored.events
    const upTo = this.writable(record)
    const spans = this.spans.get(id) ?? []
    const chunks = chunksToWrite(record, from, stored.chunks, spans, upTo)
    // Spans past what was written wait for the next write.
    const later = spans.filter((span) => span.from >= upTo)
    if (later.length) this.spans.set(id, later)
    else this.spans.delete(id)
    // A finished run is written for the last time; forget it so a long session holds nothing.
    if (record.status === 'running') this.stored.set(id, { events: upTo, chunks: stored.chunks + chunks.length })
    else this.stored.delete(id)
    const write = this.tx([RUNS, EVENTS], 'readwrite', (tx) => {
      const events = tx.objectStore(EVENTS)
      // Written from the start: drop chunks a failed or earlier save may have left.
      if (from === 0) events.delete(chunkRange(id))
      for (const chunk of chunks) events.put(chunk)
      tx.objectStore(RUNS).put(headerOf(record))
    }).catch((error: unknown) => {
      this.stored.delete(id) // write everything again next time
      const failure = toHistoryError(error)
      this.failure = failure
      this.options.onError?.(failure)
    })
    this.writes.add(write)
    void write.finally(() => this.writes.delete(write))
  }

  async flush(): Promise<void> {
    for (const id of [...this.pending.keys()]) this.writeNow(id)
    await Promise.all([...this.writes])
    const failure = this.failure
    this.failure = undefined
    if (failure) throw failure
  }

  async get(id: string): Promise<RunRecord | undefined> {
    const pending = this.pending.get(id)
    if (pending) return structuredClone(pending)
    return this.tx([RUNS, EVENTS], 'readonly', async (tx) => {
      const header = await request<StoredRun | undefined>(tx.objectStore(RUNS).get(id))
      if (!header) return undefined
      const chunks = header.events ? [] : await request<StoredChunk[]>(tx.objectStore(EVENTS).getAll(chunkRange(id)))
      return assemble(header, chunks)
    })
  }

  async list(options: { search?: string } = {}): Promise<RunSummary[]> {
    await this.flush().catch(() => undefined)
    const records = await this.tx([RUNS], 'readonly', (tx) => request<StoredRun[]>(tx.objectStore(RUNS).index('createdAt').getAll()))
    const needle = options.search?.trim().toLowerCase() ?? ''
    const out: RunSummary[] = []
    for (let i = records.length - 1; i >= 0; i--) {
      const record = records[i]!
      if (!needle || matches(record, needle)) out.push(summaryOf(record))
    }
    return out
  }

  async rename(id: string, title: string): Promise<void> {
    const pending = this.pending.get(id)
    if (pending) pending.title = title
    await this.flush()
    await this.tx([RUNS], 'readwrite', async (tx) => {
      const store = tx.objectStore(RUNS)
      const record = await request<StoredRun | undefined>(store.get(id))
      if (record) store.put({ ...record, title })
    })
  }

  async delete(id: string): Promise<void> {
    this.pending.delete(id)
    this.spans.delete(id)
    this.stored.delete(id)
    this.given.delete(id)
    const timer = this.timers.get(id)
    if (timer !== undefined) { clearTimeout(timer); this.timers.delete(id) }
    await this.tx([RUNS, EVENTS, ATTACHMENTS], 'readwrite', async (tx) => {
      const runs = tx.objectStore(RUNS)
      const record = await request<StoredRun | undefined>(runs.get(id))
      runs.delete(id)
      tx.objectStore(EVENTS).delete(chunkRange(id))
      const hashes = new Set(record?.input.attachments.map((ref) => ref.hash))
      if (hashes.size === 0) return
      // Attachments are shared by content hash: keep those another run still uses.
      for (const other of await request<StoredRun[]>(runs.getAll())) for (const ref of other.input.attachments) hashes.delete(ref.hash)
      for (const hash of hashes) tx.objectStore(ATTACHMENTS).delete(hash)
    })
  }

  async clear(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    this.pending.clear()
    this.spans.clear()
    this.stored.clear()
    this.given.clear()
    await Promise.all([...this.writes])
    await this.tx([RUNS, EVENTS, ATTACHMENTS], 'readwrite', (tx) => {
      tx.objectStore(RUNS).clear()
      tx.objectStore(EVENTS).clear()
      tx.objectStore(ATTACHMENTS).clear()
    })
  }

  async putAttachment(hash: string, blob: Blob): Promise<void> {
    await this.tx([ATTACHMENTS], 'readwrite', (tx) => { tx.objectStore(ATTACHMENTS).put(blob, hash) })
  }

  async getAttachment(hash: string): Promise<Blob | undefined> {
    return this.tx([ATTACHMENTS], 'readonly', (tx) => request<Blob | undefined>(tx.objectStore(ATTACHMENTS).get(hash)))
  }

  close(): void {
    for (const timer of this.timers.values()) clearTimeout(timer)
    this.timers.clear()
    this.db.close()
  }
}

/** Open (or create) the history database. */
function openDb(factory: IDBFactory, name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(name, DB_VERSION)
    req.onupgradeneeded = () => {
      const db = req.result
      if (!db.objectStoreNames.contains(RUNS)) db.createObjectStore(RUNS, { keyPath: 'id' }).createIndex('createdAt', 'createdAt')
      if (!db.objectStoreNames.contains(ATTACHMENTS)) db.createObjectStore(ATTACHMENTS)
      if (!db.objectStoreNames.contains(EVENTS)) db.createObjectStore(EVENTS, { keyPath: ['runId', 'index'] })
    }
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(toHistoryError(req.error))
    req.onblocked = () => reject(new HistoryError('blocked', 'History is locked by another Lanes tab with an older version. Close the other Lanes tabs and reload.'))
  })
}

/**
 * Open the history. Runs still marked 'running' were cut off by a reload or a closed tab, so
 * they are marked 'interrupted'. Resolves to HistoryUnavailable (never rejects) when storage
 * cannot be used; callers then keep runs in memory.
 */
export async function openHistory(options: HistoryOptions = {}): Promise<HistoryStore | HistoryUnavailable> {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB
  if (!factory) {
    return { available: false, error: new HistoryError('missing', 'This browser has no IndexedDB, so history is not saved. Runs are kept in memory; export them to keep them.') }
  }
  try {
    const db = await openDb(factory, options.dbName ?? DB_NAME)
    const store = new IdbHistory(db, options)
    // Not fatal: with a full disk the marks cannot be written, but history still reads.
    store.interrupted = await markInterrupted(db).catch(() => [])
    return store
  } catch (error) {
    const failure = toHistoryError(error)
    return { available: false, error: failure.reason === 'failed' ? new HistoryError('blocked', failure.message, { cause: error }) : failure }
  }
}

/** Mark cut-off runs 'interrupted'; their titles, newest first, so the page can say so. */
async function markInterrupted(db: IDBDatabase): Promise<string[]> {
  const tx = db.transaction([RUNS], 'readwrite')
  const done = finished(tx)
  const marked: { title: string; createdAt: string }[] = []
  const cursorReq = tx.objectStore(RUNS).openCursor()
  cursorReq.onsuccess = () => {
    const cursor = cursorReq.result
    if (!cursor) return
    const record = cursor.value as StoredRun
    if (record.status === 'running') {
      cursor.update({ ...record, status: 'interrupted' satisfies RunStatus })
      marked.push({ title: record.title ?? record.input.text.slice(0, 60), createdAt: record.createdAt })
    }
    cursor.continue()
  }
  await done
  return marked.sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((m) => m.title)
}
