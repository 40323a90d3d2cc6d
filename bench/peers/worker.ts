// One framework per process: the parent (bench/peers.bench.ts) sends workloads over IPC and gets
// timings back, so frameworks are interleaved without sharing a heap, and a runaway one can be
// killed at the time cap.
import { getHeapStatistics } from 'node:v8'
import type { ExecutorName, PeerAdapter } from './types.ts'

/** A workload request from the parent. */
export type Workload =
  | { kind: 'tools'; n: number; delayMs: number; executor: ExecutorName }
  | { kind: 'stream'; count: number }

/** The worker's answer to one workload. */
export type WorkerReply = { ok: true; ms: number; peakBytes: number } | { ok: false; error: string }

const adapters: Record<string, () => Promise<{ adapter: PeerAdapter }>> = {
  lanes: () => import('./adapters/lanes.ts'),
  strands: () => import('./adapters/strands.ts'),
  ai: () => import('./adapters/ai-sdk.ts'),
  'openai-agents': () => import('./adapters/openai-agents.ts'),
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
}

async function measure(adapter: PeerAdapter, workload: Workload): Promise<WorkerReply> {
  collect()
  const base = getHeapStatistics().used_heap_size
  let peak = base
  const sample = (): void => {
    peak = Math.max(peak, getHeapStatistics().used_heap_size)
  }
  // Heap is sampled only where it is reported (the 1000/2000-call loads), so it costs the others nothing.
  const timer = workload.kind === 'tools' && workload.n >= 1000 ? setInterval(sample, 1) : undefined
  try {
    const ms = workload.kind === 'tools'
      ? await adapter.runTools(workload.n, workload.delayMs, workload.executor)
      : await adapter.streamDeltas(workload.count)
    sample()
    return { ok: true, ms, peakBytes: peak - base }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  } finally {
    clearInterval(timer)
  }
}

const name = process.argv[2] ?? ''
const load = adapters[name]
if (!load) throw new Error(`Unknown framework "${name}"`)
const { adapter } = await load()
process.on('message', (message: Workload) => {
  void measure(adapter, message).then((reply) => process.send?.(reply))
})
process.send?.({ ready: true, executors: adapter.executors, note: adapter.note })
