// The page's side of the agent worker. A run is started as a job; its events come back in
// batches. Where no worker can run (Node tests, a browser that refuses it), the same job runs on
// the page's own thread, with the same results.
import type { Message } from '../core/index.ts'
import { endsRun, type PackedEvents } from '../runs/packed-events.ts'
import type { AgentJob } from './agent-job.ts'
import type { FromWorker, ServerListing, ToWorker } from './agent-protocol.ts'
import { BatchQueue } from './batch-queue.ts'
import { ocrForLocalModel } from './ocr.ts'
import { requestApproval } from './approvals.ts'

/** A job under way: `ready` settles once its model has loaded; `batches` yields its events, packed. */
export interface JobHandle {
  ready: Promise<void>
  batches: AsyncIterable<PackedEvents>
  /** The conversation at the run's end; undefined when the run did not end by itself (a dead worker). */
  messages: Promise<Message[] | undefined>
  /** Stop it and forget it (its reader gave up); harmless once it has ended. */
  cancel: () => void
}

/** A run that ended without its own run-end event: the worker died, or would not stop. */
export class AgentWorkerError extends Error {
  override name = 'AgentWorkerError'
  constructor(message: string, readonly stopped: boolean) {
    super(message)
  }
}

// After Stop, a run has this long to end before its worker is terminated: a tool stuck in a
// synchronous loop never reads its abort signal, and the next run needs a working worker.
const STOP_GRACE_MS = 3000

interface Job {
  queue: BatchQueue
  settleMessages: (messages: Message[] | undefined) => void
  settleReady: (error?: Error) => void
  /** Its model has loaded and its events flow. */
  ready: boolean
  /** Its run-end has arrived: there is nothing left for Stop to force. */
  ended: boolean
  /** Run it here instead (the worker never came up). */
  runHere: () => void
  /** Drop its abort listener and grace timer. */
  detach: () => void
}

const jobs = new Map<number, Job>()
const timings = new Map<number, (ms: number | undefined) => void>()
/** Server listings asked of the worker, by request number. */
const listings = new Map<number, (listing: ServerListing) => void>()
let nextListing = 1
const NO_WORKER: ServerListing = { ok: false, error: 'Tool servers are reached from the agent worker, which this browser could not start (or which stopped). Reload the page to try again.' }
/** Approval prompts the worker opened, by its request number: aborting one closes the prompt. */
const approvalPrompts = new Map<number, AbortController>()
let nextId = 1
let worker: Worker | undefined
/** The worker has said its module loaded: from now on an error is a crash, not a refusal. */
let workerUp = false
/** The worker could not load: every run stays on the page. */
let workerRefused = typeof Worker !== 'function' || typeof document === 'undefined'

function send(message: ToWorker): void {
  worker?.postMessage(message)
}

function agentWorker(): Worker | undefined {
  if (worker || workerRefused) return worker
  let created: Worker
  try {
    created = new Worker(new URL('./agent-worker.ts', import.meta.url), { type: 'module', name: 'lanes-agent' })
  } catch {
    workerRefused = true
    return undefined
  }
  worker = created
  // A worker that was shut down may still deliver what it sent before: only the current one counts.
  created.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    if (created === worker) onMessage(created, data)
  }
  created.onmessageerror = () => {
    if (created === worker) failAll('A message from the agent worker could not be read. The run ended here; everything before is kept.', false)
  }
  created.onerror = (event) => {
    event.preventDefault()
    if (created !== worker) return
    if (!workerUp) {
      // It never loaded (blocked, missing): run everything on the page from now on.
      workerRefused = true
      dropWorker()
      for (const [id, job] of jobs) {
        finish(id)
        job.runHere()
      }
      return
    }
    failAll(`The agent worker stopped (${event.message || 'no reason given'}). The run ended here; everything before is kept.`, false)
  }
  return created
}

function dropWorker(): void {
  for (const prompt of approvalPrompts.values()) prompt.abort()
  for (const answer of listings.values()) answer(NO_WORKER)
  listings.clear()
  approvalPrompts.clear()
  worker?.terminate()
  worker = undefined
  workerUp = false
}

function finish(id: number): void {
  jobs.get(id)?.detach()
  jobs.delete(id)
}

function failAll(message: string, stopped: boolean): void {
  dropWorker()
  for (const [id, job] of jobs) {
    finish(id)
    job.settleReady(new AgentWorkerError(message, stopped))
    job.settleMessages(undefined)
    job.queue.end(new AgentWorkerError(message, stopped))
  }
  for (const [id, resolve] of timings) {
    timings.delete(id)
    resolve(undefined)
  }
}

function onMessage(from: Worker, message: FromWorker): void {
  switch (message.type) {
    case 'up':
      workerUp = true
      return
    case 'ocr':
      // Answered to the worker that asked, and only while it is still the current one.
      ocrForLocalModel(message.part).then(
        (text) => { if (from === worker) from.postMessage({ type: 'ocr-result', request: message.request, text } satisfies ToWorker) },
        (error: unknown) => { if (from === worker) from.postMessage({ type: 'ocr-result', request: message.request, error: error instanceof Error ? error.message : String(error) } satisfies ToWorker) },
      )
      return
    case 'approve': {
      const prompt = new AbortController()
      approvalPrompts.set(message.request, prompt)
      requestApproval(message.call, prompt.signal).then(
        (allowed) => {
          approvalPrompts.delete(message.request)
          if (from === worker) from.postMessage({ type: 'approval', request: message.request, allowed } satisfies ToWorker)
        },
        () => approvalPrompts.delete(message.request),
      )
      return
    }
    case 'server-listed':
      listings.get(message.request)?.(message.listing)
      listings.delete(message.request)
      return
    case 'approval-closed':
      approvalPrompts.get(message.request)?.abort()
      approvalPrompts.delete(message.request)
      return
    case 'timed':
      timings.get(message.id)?.(message.ms)
      timings.delete(message.id)
      return
  }
  const job = jobs.get(message.id)
  if (!job) return
  switch (message.type) {
    case 'ready':
      job.ready = true
      job.settleReady()
      return
    case 'failed':
      finish(message.id)
      job.settleReady(new Error(message.message))
      job.settleMessages(undefined)
      job.queue.end(new AgentWorkerError(message.message, false))
      return
    case 'events':
      if (endsRun(message.packed)) job.ended = true
      job.queue.push(message.packed)
      return
    case 'end':
      finish(message.id)
      job.settleMessages(message.messages)
      job.queue.end()
      return
  }
}

/** Benchmark: the job's agent run in the worker with no UI; its time in ms (undefined: no worker). */
export function timeAloneInWorker(job: AgentJob): Promise<number | undefined> {
  if (!agentWorker()) return Promise.resolve(undefined)
  const id = nextId++
  return new Promise((resolve) => {
    timings.set(id, resolve)
    send({ type: 'time-alone', id, job })
  })
}

/** An MCP server's name, version and tools, read by the agent worker (where the MCP client lives). */
export function listServerTools(url: string, headers?: Record<string, string>): Promise<ServerListing> {
  if (!agentWorker()) return Promise.resolve(NO_WORKER)
  const request = nextListing++
  return new Promise((resolve) => {
    listings.set(request, resolve)
    send({ type: 'list-server', request, url, ...(headers ? { headers } : {}) })
  })
}

/** Load the worker and the offline model's code ahead of the first run. */
export function warmAgentWorker(): void {
  if (agentWorker()) send({ type: 'warm' })
}

/** Start a job: in the agent worker when the page has one, else on this thread. */
export function startJob(job: AgentJob, signal: AbortSignal): JobHandle {
  let settleReady: (error?: Error) => void = () => undefined
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (error) => (error ? reject(error) : resolve())
  })
  // A caller that fails on `ready` never reads the batches; an unhandled rejection would be noise.
  ready.catch(() => undefined)
  let settleMessages: (messages: Message[] | undefined) => void = () => undefined
  const messages = new Promise<Message[] | undefined>((resolve) => {
    settleMessages = resolve
  })
  const here = new AbortController()
  const runHere = (): void => {
    if (signal.aborted) here.abort()
    else signal.addEventListener('abort', () => here.abort(), { once: true })
    void runOnThisThread(job, here.signal, queue, settleReady, settleMessages)
  }
  const id = nextId++
  const cancel = (): void => {
    // A run whose run-end has come is over: its job's end (the conversation) still comes and
    // finishes it, so a follow-up gets the messages.
    if (queue.sawRunEnd) return
    here.abort()
    if (!jobs.has(id)) return
    send({ type: 'abort', id })
    finish(id)
    settleMessages(undefined)
    queue.end()
  }
  const queue = new BatchQueue(cancel)
  if (!agentWorker()) {
    runHere()
    return { ready, batches: queue, messages, cancel }
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const forceStop = (): void => {
    const current = jobs.get(id)
    if (!current || current.ended) return
    // Still loading its model (an SDK on a slow line): the abort will end it once loaded.
    if (!current.ready) { timer = setTimeout(forceStop, STOP_GRACE_MS); return }
    failAll(`The run did not stop within ${STOP_GRACE_MS / 1000} s of Stop (a tool ignored it), so its worker was shut down. The next run starts a fresh one.`, true)
  }
  const onAbort = (): void => {
    send({ type: 'abort', id })
    timer = setTimeout(forceStop, STOP_GRACE_MS)
  }
  jobs.set(id, {
    queue, runHere, ready: false, ended: false,
    settleReady, settleMessages,
    detach: () => {
      signal.removeEventListener('abort', onAbort)
      clearTimeout(timer)
    },
  })
  send({ type: 'start', id, job })
  // Stop may come before the job does (attachments being prepared): honour it at once.
  if (signal.aborted) onAbort()
  else signal.addEventListener('abort', onAbort, { once: true })
  return { ready, batches: queue, messages, cancel }
}

async function runOnThisThread(job: AgentJob, signal: AbortSignal, queue: BatchQueue, settleReady: (error?: Error) => void, settleMessages: (messages: Message[] | undefined) => void): Promise<void> {
  try {
    // The agent loop loads here only when no worker can run it: the page's first script never carries it.
    const { runJobInBatches } = await import('./agent-job.ts')
    settleMessages(await runJobInBatches(job, signal, ocrForLocalModel, () => settleReady(), (packed) => queue.push(packed), undefined, requestApproval))
    queue.end()
  } catch (error) {
    settleMessages(undefined)
    // As from the worker: before ready this fails the start; after it, it ends the run.
    const message = error instanceof Error ? error.message : String(error)
    settleReady(new Error(message))
    queue.end(new AgentWorkerError(message, false))
  }
}
