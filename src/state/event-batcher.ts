// Collects a run's events and hands them on packed, once per macrotask: a flood of text deltas
// travels in few batches (at most BATCH_MAX events each, a history chunk's worth: small batches
// keep each of the page's tasks short). The agent worker posts its batches to the page; the
// page's own fallback (no worker) feeds its batches to the same reader.
import type { AgentEvent } from '../core/index.ts'
import { EventPacker, type PackedEvents } from '../runs/packed-events.ts'

const BATCH_MAX = 2_000
const EAGER_GAP_MS = 4

export interface EventBatcher {
  push(event: AgentEvent): void
  /** Send what is left and stop; call once, when the run is over. */
  close(): void
}

export function createEventBatcher(send: (packed: PackedEvents) => void): EventBatcher {
  const packer = new EventPacker()
  let scheduled = false
  const channel = new MessageChannel()
  let lastFlush = Number.NEGATIVE_INFINITY
  const flush = (): void => {
    scheduled = false
    if (packer.count === 0) return
    send(packer.take())
    lastFlush = performance.now()
  }
  channel.port1.onmessage = flush
  return {
    push(event) {
      packer.push(event)
      // A tool's start goes out at once: the tool's own code runs next and may never yield (a
      // synchronous loop), and its card must show that it started. So does the run's end: what
      // follows it (the conversation copied for a follow-up) must not hold up the page's last
      // batch. Other events but text go out at once unless a batch has just gone, so a flood of
      // tool events still travels batched.
      const eager = event.type === 'tool-start' || event.type === 'run-end' || (event.type !== 'text-delta' && performance.now() - lastFlush > EAGER_GAP_MS)
      if (eager || packer.count >= BATCH_MAX) flush()
      else if (!scheduled) {
        scheduled = true
        channel.port2.postMessage(null)
      }
    },
    close() {
      try {
        flush()
      } finally {
        channel.port1.close()
        channel.port2.close()
      }
    },
  }
}
