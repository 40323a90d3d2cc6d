// The agent worker: runs the agent loop (model, tools, executor) off the page's main thread, so a
// fast stream and the page drawing it use two cores instead of taking turns on one. Events go to
// the page in packed batches (state/event-batcher.ts), their typed arrays transferred.
import '../zod-jitless.ts'
import type { PackedEvents } from '../runs/packed-events.ts'
import { runJob, runJobInBatches, type AgentJob, type Ocr } from './agent-job.ts'
import { cloneable, transferablesOf, type FromWorker, type ToWorker } from './agent-protocol.ts'
import type { Approve } from '../tools/approval.ts'
import { installToolBuilders, listServer } from './worker-tools.ts'

installToolBuilders()

/** The parts of a dedicated worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
  addEventListener(type: 'error' | 'unhandledrejection', listener: (event: Event) => void): void
}
const scope = globalThis as unknown as WorkerScope

const runs = new Map<number, AbortController>()
const ocrRequests = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>()
let nextOcrRequest = 1

/** OCR runs in the page (tesseract has its own worker there); this asks for it. */
const ocr: Ocr = (part) =>
  new Promise((resolve, reject) => {
    const request = nextOcrRequest++
    ocrRequests.set(request, { resolve, reject })
    scope.postMessage({ type: 'ocr', request, part })
  })

const approvals = new Map<number, (allowed: boolean) => void>()
let nextApproval = 1

/** An approval prompt is shown by the page; this asks for it and waits. Stop closes the prompt. */
const approve: Approve = (call, signal) =>
  new Promise((resolve, reject) => {
    const request = nextApproval++
    const onAbort = (): void => {
      approvals.delete(request)
      scope.postMessage({ type: 'approval-closed', request })
      reject(signal.reason instanceof Error ? signal.reason : new Error('The run stopped before the call was approved.'))
    }
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    approvals.set(request, (allowed) => {
      signal.removeEventListener('abort', onAbort)
      resolve(allowed)
    })
    scope.postMessage({ type: 'approve', request, call: cloneableCall(call) })
  })

/** A call's arguments as plain data (they came from the model, but a tool may add anything). */
function cloneableCall(call: Parameters<Approve>[0]): Parameters<Approve>[0] {
  try {
    structuredClone(call.args)
    return call
  } catch {
    return { ...call, args: String(call.args) }
  }
}

async function run(id: number, message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const controller = new AbortController()
  runs.set(id, controller)
  try {
    const send = (packed: PackedEvents): void => scope.postMessage({ type: 'events', id, packed }, transferablesOf(packed))
    const messages = await runJobInBatches(message.job, controller.signal, ocr, () => scope.postMessage({ type: 'ready', id }), send, cloneable, approve)
    scope.postMessage({ type: 'end', id, ...(messages ? { messages } : {}) })
  } catch (error) {
    // The model could not load, or (a bug) the stream threw: the agent turns every model and tool
    // failure into events. The page ends the run with this message.
    scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) })
  } finally {
    runs.delete(id)
  }
}

/** The model alone, as this worker runs it: the benchmark's baseline for the page. */
async function timeAlone(id: number, job: AgentJob): Promise<void> {
  let start = 0
  try {
    await runJob(job, undefined, undefined, () => { start = performance.now() }, () => undefined)
    scope.postMessage({ type: 'timed', id, ms: performance.now() - start })
  } catch {
    scope.postMessage({ type: 'timed', id })
  }
}

// A stray error (a tool's timer throwing after its run ended) is not a dead worker: it must not
// end the run that is going on. The page would only log it too; its text is not logged here,
// since nothing a provider or a tool says may reach a log line unfiltered.
scope.addEventListener('error', (event) => {
  event.preventDefault()
  console.warn('Lanes agent worker: an error outside any run was ignored.')
})
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault()
  console.warn('Lanes agent worker: a rejection outside any run was ignored.')
})

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'warm':
      // Load the offline model's code before the first run asks for it.
      void import('../providers/local/index.ts')
      return
    case 'start':
      void run(data.id, data)
      return
    case 'time-alone':
      void timeAlone(data.id, data.job)
      return
    case 'abort':
      runs.get(data.id)?.abort()
      return
    case 'list-server':
      void listServer(data.url, data.headers).then((listing) => scope.postMessage({ type: 'server-listed', request: data.request, listing }))
      return
    case 'approval': {
      const answer = approvals.get(data.request)
      approvals.delete(data.request)
      answer?.(data.allowed)
      return
    }
    case 'ocr-result': {
      const pending = ocrRequests.get(data.request)
      ocrRequests.delete(data.request)
      if (data.error !== undefined) pending?.reject(new Error(data.error))
      else pending?.resolve(data.text ?? '')
      return
    }
  }
}

scope.postMessage({ type: 'up' })
