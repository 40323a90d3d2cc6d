// The agent worker: runs the agent loop (model, tools, executor) off the page's main thread, so a
// fast stream and the page drawing it use two cores instead of taking turns on one. Events go to
// the page in packed batches: whatever piled up since the last macrotask, at most BATCH_MAX (a
// history chunk's worth: small batches keep each of the page's tasks short).
import '../zod-jitless.ts'
import type { AgentEvent } from '../core/index.ts'
import { runJob, type AgentJob, type Ocr } from './agent-job.ts'
import { EventPacker } from '../runs/history-chunks.ts'
import { cloneable, transferablesOf, type FromWorker, type ToWorker } from './agent-protocol.ts'

const BATCH_MAX = 2_000
const EAGER_GAP_MS = 4

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

/** Collects events and sends them once per macrotask, so a flood travels in few messages. */
function createBatcher(id: number): { push: (event: AgentEvent) => void; flush: () => void } {
  const packer = new EventPacker()
  let scheduled = false
  const channel = new MessageChannel()
  let lastFlush = Number.NEGATIVE_INFINITY
  const flush = (): void => {
    scheduled = false
    if (packer.count === 0) return
    const packed = packer.take()
    scope.postMessage({ type: 'events', id, packed }, transferablesOf(packed))
    lastFlush = performance.now()
  }
  channel.port1.onmessage = flush
  return {
    push(event) {
      packer.push(cloneable(event))
      // A tool's start goes out at once: the tool's own code runs next and may never yield (a
      // synchronous loop), and its card must show that it started. Other events but text go out
      // at once unless a batch has just gone, so a flood of tool events still travels batched.
      const eager = event.type === 'tool-start' || (event.type !== 'text-delta' && performance.now() - lastFlush > EAGER_GAP_MS)
      if (eager || packer.count >= BATCH_MAX) flush()
      else if (!scheduled) {
        scheduled = true
        channel.port2.postMessage(null)
      }
    },
    flush() {
      try {
        flush()
      } finally {
        channel.port1.close()
      }
    },
  }
}

async function run(id: number, message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const controller = new AbortController()
  runs.set(id, controller)
  const batcher = createBatcher(id)
  try {
    try {
      await runJob(message.job, controller.signal, ocr, () => scope.postMessage({ type: 'ready', id }), batcher.push)
    } finally {
      batcher.flush()
    }
    scope.postMessage({ type: 'end', id })
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
