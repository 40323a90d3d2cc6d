import { createTimeSlicer, type ContentPart } from '../core/index.ts'
import { newRecord } from '../runs/record.ts'
import type { AttachmentRef, RunConfig, RunInput, RunRecord } from '../runs/types.ts'
import { AgentWorkerError, startJob } from './agent-client.ts'
import { toolNamesFor } from './tools-for.ts'
import { attachmentsReading, attachmentsReadyToRun, attachmentsStore, partsToSend, sourceOf } from './attachments.ts'
import { saveAttachment, saveRun, saveRunStarted } from './history.ts'
import { conversationStore, dropExchangesFrom, historyFor, recordExchange } from './conversation.ts'
import { missingKeyNotice } from './key-check.ts'
import { keyFor, redactKeys } from './keys.ts'
import { baseURLOf, modelOf } from './model-factory.ts'
import { endedWithout } from './run-end.ts'
import { activeRun, addRun, applyEvent, applyPacked, flushFrame, liveRun, requestFrame, runsStore, setNotice, type LiveRun } from './runs.ts'
import { executorOf, settingsStore, type Settings } from './settings.ts'
import { offerFor, setToolOffer } from './tool-offer.ts'

let current: AbortController | undefined

/** What one run needs beyond the settings. */
export interface RunRequest {
  prompt: string
  /** Executor label to use instead of the settings' ('concurrent', 'sequential', 'concurrency:N'). */
  executor?: string
  label?: string
  /** Keep the runs already on screen (compare, run again). */
  keepOthers?: boolean
  /** Settings to use instead of the current ones (re-running a shared config). */
  settings?: Settings
  /**
   * Its place in the conversation. 'append': a follow-up (the Run button) that continues the
   * thread; 'replace': an edited exchange `at`, which drops it and those after it; 'beside': a
   * re-run or compare variant of exchange `at` (the end by default), sent with the same history,
   * drawn on the time axis but not part of the thread. Left out: a fresh run with no history.
   */
  thread?: { mode: 'append' } | { mode: 'replace' | 'beside'; at?: number }
  /** The comparison this run is a trial of (compare variants). */
  comparison?: RunRecord['comparison']
  signal?: AbortSignal
  /** Called once the job has gone to the agent worker (what the page draws next can't delay it). */
  onStarted?: () => void
}

/** The run record's config for these settings: everything to run it again, never a key. */
export function runConfigOf(settings: Settings, executor: string, toolNames: string[]): RunConfig {
  const provider = settings.provider
  return {
    provider,
    model: modelOf(settings),
    ...(provider !== 'local' ? { baseURL: baseURLOf(settings) } : {}),
    executor,
    ...(settings.system ? { system: settings.system } : {}),
    toolPack: settings.toolPack,
    tools: toolNames,
    maxTurns: settings.maxTurns,
    routingOnly: settings.routingOnly,
    ...(settings.toolTimeoutMs > 0 ? { toolTimeoutMs: settings.toolTimeoutMs } : {}),
    ...(provider === 'local' ? { local: { ...settings.local } } : { retries: settings.retries }),
    ...(provider !== 'local' && settings.fallbackProvider && settings.fallbackProvider !== provider ? { fallbackProvider: settings.fallbackProvider } : {}),
  }
}

/** Run the agent once and stream it onto the screen. Resolves with the finished run. */
export async function runOnce(request: RunRequest): Promise<LiveRun> {
  const settings = request.settings ?? settingsStore.getState()
  const executor = request.executor ?? executorOf(settings)
  const toolNames = toolNamesFor(settings)
  const ready = attachmentsStore.getState().items.filter((a) => a.status === 'ready')
  const parts: ContentPart[] = [{ type: 'text', text: request.prompt }, ...(await partsToSend(ready, settings.provider))]
  const signal = request.signal ?? new AbortController().signal
  const place = placeOf(request.thread)
  const history = place ? historyFor(place.at) : []
  // The user's own tools (MCP servers, custom tools): their code loads with the first run.
  const { userToolsForRun } = await import('./run-tools.ts')
  const userTools = await userToolsForRun(toolNames)
  const job = startJob({ settings, executor, parts, keys: keysForRun(settings), toolSources: userTools.sources, ...(history.length ? { history: [...history] } : {}) }, signal)
  request.onStarted?.()
  await job.ready // a model that can't load (no key, no SDK) throws here, before any run is shown

  const refs: AttachmentRef[] = ready.map((a) => ({ name: a.name, mediaType: a.mediaType, size: a.size, hash: a.hash, ...(a.pages ? { pages: a.pages } : {}), ...(a.thumbnail ? { thumbnail: a.thumbnail } : {}) }))
  const input: RunInput = { text: request.prompt, attachments: refs }
  const label = request.label ?? (place?.inThread && place.at > 0 ? `#${place.at + 1} ${executor}` : executor)
  const record: RunRecord = {
    ...newRecord({ ...runConfigOf(settings, executor, toolNames), ...userTools.config }, input), status: 'running', label,
    ...(place ? { conversation: { id: conversationStore.getState().id, index: place.at, ...(place.inThread ? {} : { rerun: true as const }) } } : {}),
    ...(request.comparison ? { comparison: request.comparison } : {}),
  }
  const run = liveRun(record, label, false, history.length ? JSON.stringify(history).length : 0)
  run.startedAt = performance.now()
  if (place && !place.inThread) run.exchangeAt = place.at
  if (place?.inThread) dropExchangesFrom(place.at)
  addRun(run, request.keepOthers ?? place !== undefined)
  saveRunStarted(record)
  for (const attachment of ready) {
    // The file itself, whose bytes the hash names, so Run again can bring it back; the part sent
    // (a downscaled image) only when the file is gone.
    const source = sourceOf(attachment.id)
    const part = attachment.part
    if (source) saveAttachment(attachment.hash, source)
    else if (part) saveAttachment(attachment.hash, new Blob([Uint8Array.from(atob(part.data), (c) => c.charCodeAt(0))], { type: part.mediaType }))
  }

  // Batches that piled up behind a busy page are read without a macrotask between them: give the
  // page a turn every 8 ms (a batch is at most 2,000 events, well under a millisecond).
  const breathe = createTimeSlicer({ prioritized: true, checkEvery: 1 })
  let lastBatchAt = performance.now()
  try {
    for await (const batch of job.batches) {
      lastBatchAt = performance.now()
      for (const event of batch.others) {
        if (event.type === 'run-end' && event.result.error) {
          // Provider messages are already key-free; this is a second line of defence.
          event.result.error = { ...event.result.error, message: redactKeys(event.result.error.message) }
        }
      }
      applyPacked(run, batch)
      saveRun(record, batch)
      requestFrame(batch.count)
      const pause = breathe()
      if (pause) await pause
    }
  } catch (error) {
    if (!(error instanceof AgentWorkerError)) throw error
    // A run whose run-end already came is over; the worker's end only cut its goodbye short.
    if (run.view.status === 'running') {
      // The agent's clock is gone with it: the run ends at its last event plus the time since.
      const endT = run.view.lastT + (performance.now() - lastBatchAt)
      const closing = endedWithout(record.events, redactKeys(error.message), error.stopped, endT)
      for (const event of closing) applyEvent(run, event)
      requestFrame(closing.length)
    }
  } finally {
    job.cancel() // a no-op for a job that ended; stops one whose reader threw
  }
  record.status = 'done'
  if (place?.inThread) recordExchange(record.id, place.at, history, await job.messages)
  // The answer is drawn first; the save follows when the page is idle (state/save-queue.ts).
  flushFrame()
  saveRun(record)
  return run
}

/** Where a request goes in the conversation: the exchange index, and whether it joins the thread. */
function placeOf(thread: RunRequest['thread']): { at: number; inThread: boolean } | undefined {
  if (!thread) return undefined
  const count = conversationStore.getState().exchanges.length
  if (thread.mode === 'append') return { at: count, inThread: true }
  const at = Math.min(count, Math.max(0, thread.at ?? count))
  return { at, inThread: thread.mode === 'replace' }
}

/** The keys this run may use: its provider's and its fallback's, nothing else leaves the store. */
function keysForRun(settings: Settings): Record<string, string> {
  const keys: Record<string, string> = {}
  for (const provider of [settings.provider, settings.fallbackProvider]) {
    const key = provider ? keyFor(provider) : undefined
    if (provider && key) keys[provider] = key
  }
  return keys
}

/** Start a run from the composer: one at a time; Stop aborts it. */
export async function startRun(prompt: string, options: Omit<RunRequest, 'prompt' | 'signal'> = {}): Promise<LiveRun | undefined> {
  if (current || runsStore.getState().busy) return undefined
  const noKey = missingKeyNotice(options.settings ?? settingsStore.getState(), keyFor)
  if (noKey) return void setNotice(noKey)
  const controller = new AbortController()
  current = controller
  // The page shows the run as busy (Stop) once its job has gone to the agent worker: drawing that
  // first held up the start of every run by a render. A wait for files shows it at once.
  const showBusy = (): void => {
    if (runsStore.getState().busy) return
    runsStore.setState({ busy: true, notice: undefined })
    setToolOffer(undefined)
  }
  if (attachmentsReading()) showBusy()
  try {
    // A file picked or dropped just before Run goes with this message, never silently left out.
    const notify = (title: string, detail: string): void => setNotice({ kind: 'error', title, detail })
    if (!(await attachmentsReadyToRun(controller.signal, notify))) return undefined
    const run = await runOnce({ ...options, prompt, signal: controller.signal, onStarted: showBusy })
    if (run.view.status === 'done' && run.view.toolOrder.length === 0) {
      // The run is over and shown; the offer (which reads the prompt with the offline model's
      // code) follows when ready, unless another run has started meanwhile.
      void offerFor(prompt, options.settings ?? settingsStore.getState()).then((offer) => {
        if (!runsStore.getState().busy && activeRun(runsStore.getState()) === run) setToolOffer(offer)
      })
    }
    return run
  } catch (error) {
    setNotice({ kind: 'error', title: 'The run could not start', detail: redactKeys(error instanceof Error ? error.message : String(error)) })
    return undefined
  } finally {
    current = undefined
    runsStore.setState({ busy: false })
  }
}

/** Run several requests one after another as one busy session (Compare executors). */
export async function runSeries(requests: Omit<RunRequest, 'signal'>[]): Promise<LiveRun[]> {
  if (runsStore.getState().busy) return []
  const noKey = missingKeyNotice(requests[0]?.settings ?? settingsStore.getState(), keyFor)
  if (noKey) {
    setNotice(noKey)
    return []
  }
  const controller = new AbortController()
  current = controller
  runsStore.setState({ busy: true, notice: undefined })
  const done: LiveRun[] = []
  try {
    for (const request of requests) {
      if (controller.signal.aborted) break
      done.push(await runOnce({ ...request, signal: controller.signal }))
    }
    return done
  } finally {
    current = undefined
    runsStore.setState({ busy: false })
  }
}

/** Stop the run in progress; everything streamed so far stays. */
export function stopRun(): void {
  current?.abort()
}
