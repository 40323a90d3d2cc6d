// The agent worker: runs the agent loop (model, tools, executor) off the page's main thread, so a
// fast stream and the page drawing it use two cores instead of taking turns on one. Events go to
// the page in packed batches: whatever piled up since the last macrotask, at most BATCH_MAX.
import '../zod-jitless.ts'
import type { AgentEvent } from '../core/index.ts'
import { agentFor, type Ocr } from './agent-job.ts'
import { packBatch, type FromWorker, type ToWorker } from './agent-protocol.ts'

const BATCH_MAX = 20_000

/** The parts of a dedicated worker's global scope used here (the DOM lib types `self` as a Window). */
interface WorkerScope {
  postMessage(message: FromWorker, transfer?: Transferable[]): void
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
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
  let events: AgentEvent[] = []
  let scheduled = false
  const channel = new MessageChannel()
  const flush = (): void => {
    scheduled = false
    if (events.length === 0) return
    const { packed, transfer } = packBatch(events)
    events = []
    scope.postMessage({ type: 'events', id, packed }, transfer)
  }
  channel.port1.onmessage = flush
  return {
    push(event) {
      events.push(event)
      if (events.length >= BATCH_MAX) flush()
      else if (!scheduled) {
        scheduled = true
        channel.port2.postMessage(null)
      }
    },
    flush() {
      flush()
      channel.port1.close()
    },
  }
}

async function run(id: number, message: Extract<ToWorker, { type: 'start' }>): Promise<void> {
  const controller = new AbortController()
  runs.set(id, controller)
  try {
    let agent
    try {
      agent = await agentFor(message.job, ocr)
    } catch (error) {
      scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) })
      return
    }
    scope.postMessage({ type: 'ready', id })
    const batcher = createBatcher(id)
    try {
      for await (const event of agent.stream(message.job.parts, { signal: controller.signal })) batcher.push(event)
    } finally {
      batcher.flush()
    }
    scope.postMessage({ type: 'end', id })
  } catch (error) {
    // The agent turns every model and tool failure into events; this is a bug or a message that
    // could not be cloned. The page ends the run with this message.
    scope.postMessage({ type: 'failed', id, message: error instanceof Error ? error.message : String(error) })
  } finally {
    runs.delete(id)
  }
}

scope.onmessage = ({ data }) => {
  switch (data.type) {
    case 'warm':
      // Load the offline model's code before the first run asks for it.
      void import('../providers/local/index.ts')
      return
    case 'start':
      void run(data.id, data)
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
