// The messages between the page and the agent worker. Events cross in batches packed by column
// (runs/history-chunks.ts): a batch of 10,000 text deltas is a few typed arrays and one string,
// which structured clone copies in a few memcpys instead of 10,000 objects.
import type { AgentEvent, ContentPart } from '../core/index.ts'
import type { PackedEvents } from '../runs/history-chunks.ts'
import type { AgentJob } from './agent-job.ts'

type ImagePart = Extract<ContentPart, { type: 'image' }>

/** Page to worker. */
export type ToWorker =
  | { type: 'warm' }
  | { type: 'start'; id: number; job: AgentJob }
  | { type: 'abort'; id: number }
  | { type: 'ocr-result'; request: number; text?: string; error?: string }
  /** Benchmark: run this job's agent here, reading its events with no UI; answer its time. */
  | { type: 'time-alone'; id: number; job: AgentJob }

/** Worker to page. */
export type FromWorker =
  /** The model loaded; events follow. */
  | { type: 'ready'; id: number }
  /** The model could not be loaded (no events follow). */
  | { type: 'failed'; id: number; message: string }
  | { type: 'events'; id: number; packed: PackedEvents }
  /** The run is over: every event has been sent. */
  | { type: 'end'; id: number }
  | { type: 'ocr'; request: number; part: ImagePart }
  | { type: 'timed'; id: number; ms: number }

/**
 * Packs events by column as they come, so each event object can die young: holding thousands of
 * them until the batch is sent made the worker's scavenger copy them all (a third of its time).
 */
export class BatchPacker {
  private t: number[] = []
  private turn: number[] = []
  private length: number[] = []
  private text: string[] = []
  private otherAt: number[] = []
  private others: AgentEvent[] = []
  count = 0

  push(event: AgentEvent): void {
    if (event.type === 'text-delta') {
      this.t.push(event.t)
      this.turn.push(event.turn)
      this.length.push(event.text.length)
      this.text.push(event.text)
    } else {
      this.otherAt.push(this.count)
      this.others.push(cloneable(event))
    }
    this.count++
  }

  /** The batch so far, with its typed arrays listed for transfer (moved, not copied); then empty. */
  take(): { packed: PackedEvents; transfer: Transferable[] } {
    const packed: PackedEvents = {
      count: this.count, deltaT: Float64Array.from(this.t), deltaTurn: Uint32Array.from(this.turn),
      deltaLength: Uint32Array.from(this.length), deltaText: this.text.join(''), otherAt: Uint32Array.from(this.otherAt), others: this.others,
    }
    this.t = []
    this.turn = []
    this.length = []
    this.text = []
    this.otherAt = []
    this.others = []
    this.count = 0
    return { packed, transfer: [packed.deltaT.buffer, packed.deltaTurn.buffer, packed.deltaLength.buffer, packed.otherAt.buffer] }
  }
}

/**
 * A tool may put anything in its arguments, progress or output: a function or a class instance
 * would make the whole batch fail to clone. Such an event is sent as its JSON form instead
 * (BigInt as a string), and if even that fails, with the value described.
 */
export function cloneable(event: AgentEvent): AgentEvent {
  if (event.type !== 'tool-start' && event.type !== 'tool-progress' && event.type !== 'run-end') return event
  try {
    structuredClone(event)
    return event
  } catch {
    try {
      return JSON.parse(JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))) as AgentEvent
    } catch (error) {
      const note = `[not serializable: ${error instanceof Error ? error.message : String(error)}]`
      if (event.type === 'tool-start') return { ...event, args: note }
      if (event.type === 'tool-progress') return { ...event, progress: note }
      // Other events carry only JSON from a model or strings; leave them as they are.
      return event
    }
  }
}
