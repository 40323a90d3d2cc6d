// The page's side of the agent worker. A run is started as a job; its events come back in
// batches. Where no worker can run (Node tests, a browser that refuses it), the same job runs on
// the page's own thread, with the same results.
import type { AgentEvent } from '../core/index.ts'
import { unpackEvents } from '../runs/history-chunks.ts'
import { agentFor, type AgentJob } from './agent-job.ts'
import type { FromWorker, ToWorker } from './agent-protocol.ts'
import { ocrForLocalModel } from './ocr.ts'

/** A job under way: `ready` settles once its model has loaded; `batches` yields its events. */
export interface JobHandle {
  ready: Promise<void>
  batches: AsyncIterable<AgentEvent[]>
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

class BatchQueue implements AsyncIterable<AgentEvent[]> {
  private items: AgentEvent[][] = []
  private finished = false
  private error: Error | undefined
  private wake: (() => void) | undefined

  push(batch: AgentEvent[]): void {
    this.items.push(batch)
    this.notify()
  }

  end(error?: Error): void {
    if (this.finished) return
    this.finished = true
    this.error = error
    this.notify()
  }

  private notify(): void {
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<AgentEvent[]> {
    for (;;) {
      const batch = this.items.shift()
      if (batch) {
        yield batch
        continue
      }
      if (this.finished) {
        if (this.error) throw this.error
        return
      }
      await new Promise<void>((resolve) => { this.wake = resolve })
    }
  }
}

interface Job {
  queue: BatchQueue
  settleReady: (error?: Error) => void
  /** Run it here instead (the worker never came up). */
  runHere: () => void
}

const jobs = new Map<number, Job>()
let nextId = 1
let worker: Worker | undefined
/** The worker has answered at least once: it loads here. */
let workerUp = false
/** The worker could not load: every run stays on the page. */
let workerRefused = typeof Worker !== 'function' || typeof document === 'undefined'

function send(message: ToWorker): void {
  worker?.postMessage(message)
}

function agentWorker(): Worker | undefined {
  if (worker || workerRefused) return worker
  try {
    worker = new Worker(new URL('./agent-worker.ts', import.meta.url), { type: 'module', name: 'lanes-agent' })
  } catch {
    workerRefused = true
    return undefined
  }
  worker.onmessage = ({ data }: MessageEvent<FromWorker>) => {
    workerUp = true
    onMessage(data)
  }
  worker.onerror = (event) => {
    event.preventDefault()
    if (!workerUp) {
      // It never loaded (blocked, missing): run everything on the page from now on.
      workerRefused = true
      dropWorker()
      for (const [id, job] of jobs) {
        jobs.delete(id)
        job.runHere()
      }
      return
    }
    failAll(`The agent worker stopped (${event.message || 'no reason given'}). The run ended here; everything before is kept.`, false)
  }
  return worker
}

function dropWorker(): void {
  worker?.terminate()
  worker = undefined
  workerUp = false
}

function failAll(message: string, stopped: boolean): void {
  dropWorker()
  for (const [id, job] of jobs) {
    jobs.delete(id)
    job.settleReady(new AgentWorkerError(message, stopped))
    job.queue.end(new AgentWorkerError(message, stopped))
  }
}

function onMessage(message: FromWorker): void {
  if (message.type === 'ocr') {
    ocrForLocalModel(message.part).then(
      (text) => send({ type: 'ocr-result', request: message.request, text }),
      (error: unknown) => send({ type: 'ocr-result', request: message.request, error: error instanceof Error ? error.message : String(error) }),
    )
    return
  }
  if (message.type === 'timed') {
    timings.get(message.id)?.(message.ms)
    timings.delete(message.id)
    return
  }
  const job = jobs.get(message.id)
  if (!job) return
  switch (message.type) {
    case 'ready':
      job.settleReady()
      return
    case 'failed':
      jobs.delete(message.id)
      job.settleReady(new Error(message.message))
      job.queue.end(new AgentWorkerError(message.message, false))
      return
    case 'events':
      job.queue.push(unpackEvents(message.packed))
      return
    case 'end':
      jobs.delete(message.id)
      job.queue.end()
      return
  }
}

const timings = new Map<number, (ms: number) => void>()

/** Benchmark: the job's agent run in the worker with no UI; its time in ms (undefined: no worker). */
export function timeAloneInWorker(job: AgentJob): Promise<number | undefined> {
  if (!agentWorker()) return Promise.resolve(undefined)
  const id = nextId++
  return new Promise((resolve) => {
    timings.set(id, resolve)
    send({ type: 'time-alone', id, job })
  })
}

/** Load the worker and the offline model's code ahead of the first run. */
export function warmAgentWorker(): void {
  if (agentWorker()) send({ type: 'warm' })
}

/** Start a job: in the agent worker when the page has one, else on this thread. */
export function startJob(job: AgentJob, signal: AbortSignal): JobHandle {
  const queue = new BatchQueue()
  let settleReady: (error?: Error) => void = () => undefined
  const ready = new Promise<void>((resolve, reject) => {
    settleReady = (error) => (error ? reject(error) : resolve())
  })
  // A caller that fails on `ready` never reads the batches; an unhandled rejection would be noise.
  ready.catch(() => undefined)
  const runHere = (): void => void runOnThisThread(job, signal, queue, settleReady)
  const target = agentWorker()
  if (!target) {
    runHere()
    return { ready, batches: queue }
  }
  const id = nextId++
  jobs.set(id, { queue, settleReady, runHere })
  signal.addEventListener('abort', () => {
    send({ type: 'abort', id })
    setTimeout(() => {
      if (jobs.has(id)) failAll(`The run did not stop within ${STOP_GRACE_MS / 1000} s of Stop (a tool ignored it), so its worker was shut down. The next run starts a fresh one.`, true)
    }, STOP_GRACE_MS)
  }, { once: true })
  send({ type: 'start', id, job })
  return { ready, batches: queue }
}

async function runOnThisThread(job: AgentJob, signal: AbortSignal, queue: BatchQueue, settleReady: (error?: Error) => void): Promise<void> {
  let agent
  try {
    agent = await agentFor(job, ocrForLocalModel)
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error))
    settleReady(failure)
    queue.end(failure)
    return
  }
  settleReady()
  try {
    for await (const event of agent.stream(job.parts, { signal })) queue.push([event])
    queue.end()
  } catch (error) {
    queue.end(new AgentWorkerError(error instanceof Error ? error.message : String(error), false))
  }
}
