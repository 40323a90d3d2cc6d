// Versioned URL state: a run (#r=1.…), a "try this" config (#c=1.…) or a set of runs (#s=1.…,
// run-set.ts: a comparison or a conversation), each deflate-raw JSON in
// base64url. Decoding never throws: every link, however broken, gives a typed DecodeResult with a
// message that says what to do. Every version shipped keeps a fixture in __tests__/fixtures
// forever: 1 (the first), 2 (adds thinking: reasoning-delta events and usage details).
import { LanesError, type AgentEvent, type Usage } from '../core/index.ts'
import { deflateRaw, fromBase64Url, inflateRaw, toBase64Url } from './bytes.ts'
import { compactEvents, expandEvents } from './compact.ts'
import { redactSecrets, toShareable, validateRecord } from './record.ts'
import { runSetFrom, type RunSetComparison } from './run-set.ts'
import { runConfigSchema, runInputSchema } from './schema.ts'
import type { RunConfig, RunInput, RunRecord } from './types.ts'

/** The largest decoded (inflated) link payload accepted. */
export const MAX_DECODED_BYTES = 2 * 1024 * 1024
/**
 * Versions this build reads. Version 2 only adds the reasoning-delta event code and usage details,
 * so a run without them is still written as version 1 and older builds keep opening it.
 */
const READABLE_VERSIONS: ReadonlySet<string> = new Set(['1', '2'])
/** Versions of set links (#s=) this build reads. */
const SET_VERSIONS: ReadonlySet<string> = new Set(['1'])

/** True when the log holds what only version 2 can carry. */
function needsVersion2(events: readonly AgentEvent[]): boolean {
  const detailed = (usage: Usage | undefined): boolean =>
    usage !== undefined && (usage.reasoningTokens !== undefined || usage.cacheReadTokens !== undefined || usage.cacheWriteTokens !== undefined)
  return events.some((event) =>
    event.type === 'reasoning-delta' || (event.type === 'model-end' && detailed(event.usage)) || (event.type === 'run-end' && detailed(event.result.usage)))
}

/** Why a fragment could not be decoded. */
export type DecodeFailure = 'empty' | 'bad-base64' | 'bad-compression' | 'bad-json' | 'unknown-version' | 'schema' | 'too-large'

/** What a URL fragment held. */
export type DecodeResult =
  | { ok: true; kind: 'run'; record: RunRecord }
  | { ok: true; kind: 'config'; config: RunConfig; input: RunInput }
  | { ok: true; kind: 'set'; records: RunRecord[]; comparison?: RunSetComparison }
  | { ok: false; reason: DecodeFailure; message: string }

/** A run too big for a link even without thumbnails. */
export class PermalinkTooLargeError extends LanesError {
  override name = 'PermalinkTooLargeError'
  constructor(readonly chars: number, readonly maxChars: number) {
    super(`This run needs a ${chars.toLocaleString('en')}-character link, over the ${maxChars.toLocaleString('en')} limit. Use Export to share it as a file instead.`)
  }
}

async function pack(prefix: 'r' | 'c', payload: unknown, version: '1' | '2' = '1'): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(payload))
  return `#${prefix}=${version}.${toBase64Url(await deflateRaw(bytes))}`
}

/**
 * A permalink fragment (`#r=1.…`, or `#r=2.…` for a run with thinking or usage details) of a run: shareable (no key, no attachment bytes) and compacted.
 * Throws PermalinkTooLargeError when it is longer than `maxChars` even without thumbnails.
 */
export async function encodePermalink(record: RunRecord, options: { inlineThumbnails?: boolean; maxChars?: number } = {}): Promise<string> {
  const build = async (inlineThumbnails: boolean): Promise<string> => {
    const { events, ...rest } = toShareable(record, { inlineThumbnails })
    return pack('r', { ...rest, e: compactEvents(events) }, needsVersion2(events) ? '2' : '1')
  }
  const max = options.maxChars ?? Number.POSITIVE_INFINITY
  let link = await build(options.inlineThumbnails ?? false)
  if (link.length > max && options.inlineThumbnails) link = await build(false)
  if (link.length > max) throw new PermalinkTooLargeError(link.length, max)
  return link
}

/** A "try this" fragment (`#c=1.…`): prompt, settings and tools, no events and no key. */
export async function encodeConfigLink(config: RunConfig, input: RunInput): Promise<string> {
  const shared = toShareable({ v: 1, id: 'config', createdAt: new Date(0).toISOString(), config, input, events: [] }, { inlineThumbnails: false })
  return pack('c', { config: shared.config, input: { ...shared.input, text: redactSecrets(input.text) } })
}

const fail = (reason: DecodeFailure, message: string): DecodeResult => ({ ok: false, reason, message })

const TOO_LARGE = 'This link holds more than 2 MB of data, more than Lanes opens from a link. Ask for an exported file instead.'

/** The payload after `r=`/`c=`/`s=` in a fragment such as "#r=1.abc" (other parameters ignored). */
function findPayload(hash: string): { kind: 'r' | 'c' | 's'; body: string } | undefined {
  for (const part of hash.replace(/^#/, '').split('&')) {
    const match = /^([rcs])=(.*)$/s.exec(part)
    if (match) return { kind: match[1] === 'r' ? 'r' : match[1] === 's' ? 's' : 'c', body: match[2] ?? '' }
  }
  return undefined
}

/** Decode a URL fragment into a run or a config. Never throws. */
export async function decodeFragment(hash: string): Promise<DecodeResult> {
  try {
    return await decode(hash)
  } catch (error) {
    return fail('bad-json', `This link could not be read (${error instanceof Error ? error.message : 'unknown error'}). Ask for a new link.`)
  }
}

async function decode(hash: string): Promise<DecodeResult> {
  const found = typeof hash === 'string' ? findPayload(hash) : undefined
  if (!found || found.body === '') return fail('empty', 'There is no run or config in this link. Open a full Lanes link (it contains "#r=", "#c=" or "#s=").')
  const dot = found.body.indexOf('.')
  const version = dot < 0 ? '' : found.body.slice(0, dot)
  if (!(found.kind === 's' ? SET_VERSIONS : READABLE_VERSIONS).has(version)) {
    return fail('unknown-version', `This link uses format version "${version || '?'}", which this version of Lanes does not know. Reload to get the latest Lanes, or ask for a new link.`)
  }
  const text = found.body.slice(dot + 1)
  // Deflate spends at most 15 bits per output byte, so a link this long cannot inflate to under the
  // limit: refuse it before allocating anything for it.
  if (text.length > MAX_DECODED_BYTES * 3) return fail('too-large', TOO_LARGE)
  const bytes = fromBase64Url(text)
  if (!bytes || bytes.length === 0) return fail('bad-base64', 'This link is damaged (it is not valid base64url). It may have been cut off when copied: copy the whole link again.')
  let inflated: Uint8Array | 'too-large'
  try {
    inflated = await inflateRaw(bytes, MAX_DECODED_BYTES)
  } catch {
    return fail('bad-compression', 'This link is damaged (its compressed data is corrupt or cut off). Copy the whole link again.')
  }
  if (inflated === 'too-large') return fail('too-large', TOO_LARGE)
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated))
  } catch {
    return fail('bad-json', 'This link decodes to something that is not a Lanes run or config. Ask for a new link.')
  }
  return found.kind === 'r' ? runFrom(json) : found.kind === 's' ? setFrom(json) : configFrom(json)
}

function setFrom(json: unknown): DecodeResult {
  const read = runSetFrom(json)
  if (!read.ok) return fail('schema', read.message)
  return { ok: true, kind: 'set', ...read.set }
}

function runFrom(json: unknown): DecodeResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return fail('schema', 'This link does not contain a Lanes run. Ask for a new link.')
  const { e, ...rest } = json as Record<string, unknown>
  const events = expandEvents(e)
  if (!events) return fail('schema', 'This link\'s run has no readable event log. Ask for a new link.')
  const checked = validateRecord({ ...rest, events })
  if (!checked.ok) return fail('schema', `${checked.error} Ask for a new link.`)
  return { ok: true, kind: 'run', record: checked.value }
}

function configFrom(json: unknown): DecodeResult {
  const shape = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  const config = runConfigSchema.safeParse(shape['config'])
  const input = runInputSchema.safeParse(shape['input'])
  if (!config.success || !input.success) return fail('schema', 'This "try this" link does not hold valid Lanes settings. Ask for a new link.')
  return { ok: true, kind: 'config', config: config.data, input: input.data }
}
