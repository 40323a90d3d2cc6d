// Events packed by column: how a run's events travel from the agent worker to the page and how
// they are stored in history. A long answer is nearly all text deltas; packed, they are a few
// typed arrays and one string, which structured clone (postMessage, IndexedDB) copies in a few
// memcpys instead of thousands of objects, and which the page folds a run of deltas at a time.
import type { AgentEvent, AgentEventOf } from '../core/index.ts'

export type TextDelta = AgentEventOf<'text-delta'>

/** A column of small whole numbers, stored in the narrowest array that holds its largest value. */
export type Whole = Uint8Array | Uint16Array | Uint32Array

/** Events packed by column: text deltas as typed arrays and one string; other events as they are, with their positions. */
export interface PackedEvents {
  count: number
  deltaT: Float64Array
  /** Turn numbers and text lengths are nearly always under 256: a byte each, not four. */
  deltaTurn: Whole
  deltaLength: Whole
  deltaText: string
  otherAt: Uint32Array
  others: AgentEvent[]
}

/**
 * Packs events by column as they come, straight into typed arrays (grown by doubling). Each event
 * object can then die young: the agent worker packs its batches this way, since holding
 * thousands of events until a batch went made its scavenger copy them all (a third of its time).
 */
export class EventPacker {
  private t = new Float64Array(256)
  private turn = new Uint32Array(256)
  private length = new Uint32Array(256)
  private text: string[] = []
  private deltas = 0
  private otherAt: number[] = []
  private others: AgentEvent[] = []
  count = 0

  push(event: AgentEvent): void {
    if (event.type === 'text-delta') {
      const at = this.deltas++
      if (at === this.t.length) this.grow()
      this.t[at] = event.t
      this.turn[at] = event.turn
      this.length[at] = event.text.length
      this.text.push(event.text)
    } else {
      this.otherAt.push(this.count)
      this.others.push(event)
    }
    this.count++
  }

  private grow(): void {
    const t = new Float64Array(this.t.length * 2)
    const turn = new Uint32Array(t.length)
    const length = new Uint32Array(t.length)
    t.set(this.t)
    turn.set(this.turn)
    length.set(this.length)
    this.t = t
    this.turn = turn
    this.length = length
  }

  /** What was pushed, packed (columns of exactly its length); the packer is then empty. */
  take(): PackedEvents {
    const n = this.deltas
    const packed: PackedEvents = {
      count: this.count, deltaT: this.t.slice(0, n), deltaTurn: narrow(this.turn, n), deltaLength: narrow(this.length, n),
      deltaText: this.text.join(''), otherAt: Uint32Array.from(this.otherAt), others: this.others,
    }
    this.text = []
    this.deltas = 0
    this.otherAt = []
    this.others = []
    this.count = 0
    return packed
  }
}

/** The first `n` values of `column` in the narrowest whole-number array that holds them. */
function narrow(column: Uint32Array, n: number): Whole {
  let max = 0
  for (let i = 0; i < n; i++) if (column[i]! > max) max = column[i]!
  const out = max < 0x100 ? new Uint8Array(n) : max < 0x10000 ? new Uint16Array(n) : new Uint32Array(n)
  out.set(column.subarray(0, n))
  return out
}

/** An empty column as wide as the widest of these. */
function wholeLike(columns: readonly Whole[], length: number): Whole {
  const bytes = Math.max(1, ...columns.map((column) => column.BYTES_PER_ELEMENT))
  return bytes === 1 ? new Uint8Array(length) : bytes === 2 ? new Uint16Array(length) : new Uint32Array(length)
}

/** Pack `events[from, to)` by column. */
export function packEvents(events: readonly AgentEvent[], from = 0, to = events.length): PackedEvents {
  const packer = new EventPacker()
  for (let i = from; i < to; i++) packer.push(events[i]!)
  return packer.take()
}

/**
 * Consecutive text deltas of one turn in a packed batch, read without making an object per
 * delta: what a view needs (first and latest time, count, text) and where they sit in the batch.
 */
export interface DeltaRun {
  turn: number
  count: number
  /** The first delta, as an event (one object for the whole run). */
  first: TextDelta
  /** The latest time among them. */
  lastT: number
  /** Their texts, joined in order. */
  text: string
  /** Index of the first in the batch's delta columns, and of its text in `deltaText`. */
  at: number
  offset: number
}

/** Where a fold of packed events sends what it reads. */
export interface PackedSink {
  /** One event that is not a text delta. */
  event(event: AgentEvent): void
  /** A run of consecutive same-turn text deltas (at least one). */
  text(run: DeltaRun): void
}

/**
 * Read packed events in order, handing each run of consecutive same-turn text deltas over at
 * once: a consumer that keeps text per turn appends one string per run instead of one per token,
 * and no delta becomes an object unless it asks (deltasOf).
 */
export function foldPacked(packed: PackedEvents, sink: PackedSink): void {
  const { count, deltaT, deltaTurn, deltaLength, deltaText, otherAt, others } = packed
  let delta = 0
  let other = 0
  let offset = 0
  let i = 0
  while (i < count) {
    if (other < otherAt.length && otherAt[other] === i) {
      sink.event(others[other++]!)
      i++
      continue
    }
    const end = other < otherAt.length ? otherAt[other]! : count
    const turn = deltaTurn[delta]!
    const at = delta
    const runStart = offset
    let lastT = deltaT[delta]!
    while (i < end && deltaTurn[delta] === turn) {
      const t = deltaT[delta]!
      if (t > lastT) lastT = t
      offset += deltaLength[delta]!
      delta++
      i++
    }
    const first: TextDelta = { type: 'text-delta', t: deltaT[at]!, turn, text: deltaText.slice(runStart, runStart + deltaLength[at]!) }
    sink.text({ turn, count: delta - at, first, lastT, text: deltaText.slice(runStart, offset), at, offset: runStart })
  }
}

/** The deltas of a run read by foldPacked, as events. */
export function deltasOf(packed: PackedEvents, run: DeltaRun): TextDelta[] {
  const deltas: TextDelta[] = [run.first]
  let offset = run.offset + packed.deltaLength[run.at]!
  for (let k = run.at + 1; k < run.at + run.count; k++) {
    const length = packed.deltaLength[k]!
    deltas.push({ type: 'text-delta', t: packed.deltaT[k]!, turn: run.turn, text: packed.deltaText.slice(offset, offset + length) })
    offset += length
  }
  return deltas
}

/** The events of a packed batch, in order. */
export function unpackEvents(packed: PackedEvents): AgentEvent[] {
  const events: AgentEvent[] = []
  foldPacked(packed, {
    event: (event) => events.push(event),
    text: (run) => { for (const delta of deltasOf(packed, run)) events.push(delta) },
  })
  return events
}

/** Several packed batches, in order, as one (a copy of their columns). */
export function mergePacked(parts: readonly PackedEvents[]): PackedEvents {
  if (parts.length === 1) return parts[0]!
  let deltas = 0
  let otherCount = 0
  let count = 0
  for (const part of parts) {
    deltas += part.deltaT.length
    otherCount += part.otherAt.length
    count += part.count
  }
  const merged: PackedEvents = {
    count, deltaT: new Float64Array(deltas), deltaTurn: wholeLike(parts.map((part) => part.deltaTurn), deltas), deltaLength: wholeLike(parts.map((part) => part.deltaLength), deltas),
    deltaText: parts.map((part) => part.deltaText).join(''), otherAt: new Uint32Array(otherCount), others: [],
  }
  let deltaAt = 0
  let otherAt = 0
  let base = 0
  for (const part of parts) {
    merged.deltaT.set(part.deltaT, deltaAt)
    merged.deltaTurn.set(part.deltaTurn, deltaAt)
    merged.deltaLength.set(part.deltaLength, deltaAt)
    deltaAt += part.deltaT.length
    for (let k = 0; k < part.otherAt.length; k++) merged.otherAt[otherAt++] = part.otherAt[k]! + base
    for (const event of part.others) merged.others.push(event)
    base += part.count
  }
  return merged
}

/** Whether the batch ends with the run's run-end. */
export function endsRun(packed: PackedEvents): boolean {
  return packed.otherAt.length > 0 && packed.otherAt[packed.otherAt.length - 1] === packed.count - 1 && packed.others.at(-1)?.type === 'run-end'
}
