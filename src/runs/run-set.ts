// A set of runs in one link: `#s=1.<base64url(deflate-raw(JSON))>`. It carries any list of run
// records (the runs of a comparison, the exchanges of a conversation, or both) and what they share
// is stored once.
//
// Payload, version 1 (fields are short because every byte is in the URL):
//   {
//     c: RunConfig[]        distinct configs (shareable: no key), referred to by index
//     i: RunInput[]         distinct inputs (text + attachments by reference), by index
//     r: [{ c, i, e, ...}]  one per record, in order: `c`/`i` index the tables above, `e` is the
//                           compact event log (compact.ts, every event code including thinking),
//                           except that a run-end result without `toolCalls` means "the calls
//                           the tool-start/tool-end events describe" (left out when equal),
//                           and the rest are the record's own fields (id, createdAt, title, label,
//                           status, projected, imported, conversation, comparison)
//     m?: { t?: string }    set metadata: the comparison's title
//   }
// A record's `conversation: {id, index}` and `comparison: {id, variant, trial}` say where it
// belongs; the comparison a decoded set holds (its variants and trials) is derived from them, so
// the records alone are the truth and the link cannot contradict them.
//
// API (stable): encodeRunSet(records, meta?, options?) → '#s=1.…'; decodeFragment (permalink.ts)
// gives { ok: true, kind: 'set', records, comparison? } for it. Decoding never throws, and one
// invalid record refuses the whole link with a message naming it (a set is shared as a whole).
// Every version shipped keeps a fixture in __tests__/fixtures forever (s1-comparison.txt).
import { deflateRaw, toBase64Url } from './bytes.ts'
import { compactEvents, expandEvents } from './compact.ts'
import { toShareable, validateRecord } from './record.ts'
import type { AgentEvent, ToolCallRecord } from '../core/index.ts'
import type { RunConfig, RunInput, RunRecord } from './types.ts'
import { comparisonOfRecords, type RunSetComparison } from './set-comparison.ts'

// Kept here too: this module is where set links are documented and read.
export { comparisonOfRecords, type RunSetComparison }

/** The most records a set link holds (a comparison has at most 4 × 10; a conversation more). */
export const MAX_SET_RECORDS = 200


/** A decoded set: the records, and the comparison they form when they carry one. */
export interface RunSet {
  records: RunRecord[]
  comparison?: RunSetComparison
}

/** Metadata stored once for the whole set. */
export interface RunSetMeta {
  /** The comparison's title. */
  title?: string
}

/** A set link over `maxChars` even without thumbnails. */
export class RunSetTooLargeError extends Error {
  override name = 'RunSetTooLargeError'
  constructor(readonly chars: number, readonly maxChars: number) {
    super(`These runs need a ${chars.toLocaleString('en')}-character link, over the ${maxChars.toLocaleString('en')} limit. Use Export to share them as a file instead.`)
  }
}

/** Index of `value` in `table` by its JSON, adding it when new. */
function indexIn<T>(table: T[], seen: Map<string, number>, value: T): number {
  const key = JSON.stringify(value)
  const known = seen.get(key)
  if (known !== undefined) return known
  table.push(value)
  seen.set(key, table.length - 1)
  return table.length - 1
}

/** The tool calls a log's tool-start and tool-end events describe, in start order. */
function callsOf(events: readonly unknown[]): ToolCallRecord[] {
  const calls = new Map<string, ToolCallRecord>()
  for (const item of events) {
    if (typeof item !== 'object' || item === null) continue
    const event = item as Partial<Record<string, unknown>>
    if (event['type'] === 'tool-start' && typeof event['callId'] === 'string' && typeof event['name'] === 'string' && typeof event['t'] === 'number') {
      calls.set(event['callId'], { id: event['callId'], name: event['name'], args: event['args'] ?? {}, status: 'aborted', startT: event['t'], endT: event['t'] })
    }
    const call = typeof event['callId'] === 'string' ? calls.get(event['callId']) : undefined
    if (event['type'] === 'tool-end' && call && typeof event['status'] === 'string' && typeof event['t'] === 'number') {
      call.status = event['status']
      call.endT = event['t']
    }
  }
  return [...calls.values()]
}

/** The compact log, with the run-end's tool calls left out when the events say the same. */
function compactLog(events: readonly AgentEvent[]): unknown[][] {
  const rows = compactEvents(events)
  const end = rows.at(-1)
  const result: unknown = end?.[2]
  if (end?.[0] !== 11 || typeof result !== 'object' || result === null) return rows
  const { toolCalls, ...rest } = result as { toolCalls: unknown }
  const expanded = expandEvents(rows.slice(0, -1))
  if (expanded && JSON.stringify(callsOf(expanded)) === JSON.stringify(toolCalls)) end[2] = rest
  return rows
}

/** A compact log back into events, the run-end's tool calls rebuilt when they were left out. */
function expandLog(rows: unknown): unknown[] | undefined {
  const events = expandEvents(rows)
  const end = events?.at(-1) as Partial<Record<string, unknown>> | undefined
  const result = end?.['result']
  if (events && end?.['type'] === 'run-end' && typeof result === 'object' && result !== null && !('toolCalls' in result)) {
    end['result'] = { ...result, toolCalls: callsOf(events) }
  }
  return events
}

function payloadOf(records: readonly RunRecord[], meta: RunSetMeta, inlineThumbnails: boolean): unknown {
  const configs: RunConfig[] = []
  const inputs: RunInput[] = []
  const seenConfigs = new Map<string, number>()
  const seenInputs = new Map<string, number>()
  const rows = records.map((record) => {
    // v is the record version, the same for every record: the link version implies it.
    const { config, input, events, v: _v, ...rest } = toShareable(record, { inlineThumbnails })
    return { ...rest, c: indexIn(configs, seenConfigs, config), i: indexIn(inputs, seenInputs, input), e: compactLog(events) }
  })
  return { c: configs, i: inputs, r: rows, ...(meta.title ? { m: { t: meta.title } } : {}) }
}

async function pack(payload: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload))
  return `#s=1.${toBase64Url(await deflateRaw(bytes))}`
}

/**
 * A set link (`#s=1.…`) of these records in this order: shareable (no key, no attachment bytes),
 * configs and inputs stored once. Throws RunSetTooLargeError when it is longer than `maxChars`
 * even without thumbnails, and a RangeError for no records or more than MAX_SET_RECORDS.
 */
export async function encodeRunSet(records: readonly RunRecord[], meta: RunSetMeta = {}, options: { inlineThumbnails?: boolean; maxChars?: number } = {}): Promise<string> {
  if (records.length === 0 || records.length > MAX_SET_RECORDS) throw new RangeError(`A set link holds 1 to ${MAX_SET_RECORDS} runs, not ${records.length}.`)
  const max = options.maxChars ?? Number.POSITIVE_INFINITY
  let link = await pack(payloadOf(records, meta, options.inlineThumbnails ?? false))
  if (link.length > max && options.inlineThumbnails) link = await pack(payloadOf(records, meta, false))
  if (link.length > max) throw new RunSetTooLargeError(link.length, max)
  return link
}

/** A set from decoded JSON, or why it is not one (a message for the person holding the link). */
export function runSetFrom(json: unknown): { ok: true; set: RunSet } | { ok: false; message: string } {
  const bad = (why: string): { ok: false; message: string } => ({ ok: false, message: `This link does not hold a valid set of Lanes runs (${why}). Ask for a new link.` })
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return bad('not an object')
  const { c: configs, i: inputs, r: rows, m: meta } = json as Record<string, unknown>
  if (!Array.isArray(configs) || !Array.isArray(inputs) || !Array.isArray(rows)) return bad('its tables are missing')
  if (rows.length === 0) return bad('it holds no runs')
  if (rows.length > MAX_SET_RECORDS) return bad(`it holds ${rows.length} runs, more than ${MAX_SET_RECORDS}`)
  const records: RunRecord[] = []
  for (const [n, row] of rows.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) return bad(`run ${n + 1} is not an object`)
    const { c, i, e, ...rest } = row as Record<string, unknown>
    const config: unknown = Number.isInteger(c) ? configs[c as number] : undefined
    const input: unknown = Number.isInteger(i) ? inputs[i as number] : undefined
    if (config === undefined || input === undefined) return bad(`run ${n + 1} points at a config or input the link does not have`)
    const events = expandLog(e)
    if (!events) return bad(`run ${n + 1} has no readable event log`)
    const checked = validateRecord({ ...rest, v: 1, config, input, events })
    if (!checked.ok) return bad(`run ${n + 1}: ${checked.error}`)
    records.push(checked.value)
  }
  const title = typeof meta === 'object' && meta !== null && typeof (meta as Record<string, unknown>)['t'] === 'string' ? String((meta as Record<string, unknown>)['t']).slice(0, 200) : undefined
  const comparison = comparisonOfRecords(records, title)
  return { ok: true, set: comparison ? { records, comparison } : { records } }
}
