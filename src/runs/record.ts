// Building, validating and sharing run records. A record is the single source of truth of a run;
// these are the only ways one is made, extended, checked, or prepared to leave the machine.
import { newRunId } from '../core/index.ts'
import type { AgentEvent } from '../core/index.ts'
import { runRecordSchema } from './schema.ts'
import { RECORD_VERSION } from './types.ts'
import type { AttachmentRef, Result, RunConfig, RunInput, RunRecord } from './types.ts'

export { agentEventSchema, runConfigSchema, runInputSchema, runRecordSchema } from './schema.ts'

/** Check unknown JSON against RunRecord v1; unknown keys are stripped, errors name the path. */
export function validateRecord(json: unknown): Result<RunRecord> {
  const parsed = runRecordSchema.safeParse(json)
  if (parsed.success) return { ok: true, value: parsed.data }
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.map(String).join('.') : 'record'
    return `${path}: ${issue.message}`
  })
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : ''
  return { ok: false, error: `Not a valid Lanes run record (v${RECORD_VERSION}): ${issues.join('; ')}${more}.` }
}

/** The default title of a run: the start of its prompt, on one line. */
export function titleFromPrompt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  if (!line) return 'Untitled run'
  return line.length > 60 ? `${line.slice(0, 59)}…` : line
}

/** A fresh record for a run that is about to start (status 'running', no events yet). */
export function newRecord(config: RunConfig, input: RunInput, options: { id?: string; createdAt?: string } = {}): RunRecord {
  return {
    v: RECORD_VERSION,
    id: options.id ?? newRunId(),
    createdAt: options.createdAt ?? new Date().toISOString(),
    title: titleFromPrompt(input.text),
    status: 'running',
    config,
    input,
    events: [],
  }
}

/**
 * Append an event in place and return the record. Mutating is deliberate: a streaming run adds
 * thousands of deltas, and copying the event array per delta would be quadratic. A run-end event
 * finishes the record.
 */
export function appendEvent(record: RunRecord, event: AgentEvent): RunRecord {
  record.events.push(event)
  if (event.type === 'run-end') record.status = 'done'
  return record
}

const KEY_NAME = /^(api[-_]?key|x[-_]api[-_]key|key|secret|client[-_]?secret|password|passwd|authorization|auth[-_]?token|access[-_]?token|refresh[-_]?token|bearer|token|session[-_]?token)$/i
const KEY_VALUE = /\b(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{16,}|AIza[0-9A-Za-z_-]{30,}|gh[pousr]_[A-Za-z0-9]{30,}|xox[baprs]-[A-Za-z0-9-]{10,}|hf_[A-Za-z0-9]{30,})/g
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]{12,}/gi
const URL_KEY = /([?&](?:api[-_]?key|key|token|access_token|auth)=)[^&#\s]+/gi

/** A string with anything that looks like a secret replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  if (!/sk-|AIza|gh[pousr]_|xox|hf_|bearer|[?&]/i.test(text)) return text
  return text.replace(KEY_VALUE, '[redacted]').replace(BEARER, 'Bearer [redacted]').replace(URL_KEY, '$1[redacted]')
}

/** A deep copy of JSON-like data without key-looking properties or secret-looking strings. */
function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactSecrets(value)
  if (value === null || typeof value !== 'object' || depth > 64) return typeof value === 'object' ? null : value
  if (Array.isArray(value)) return value.map((item: unknown) => scrub(item, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [name, item] of Object.entries(value)) {
    if (KEY_NAME.test(name) || item === undefined || typeof item === 'function') continue
    out[name] = scrub(item, depth + 1)
  }
  return out
}

/** An attachment reference as it may leave the machine: no bytes, a thumbnail only on request. */
function shareableAttachment(ref: AttachmentRef, inlineThumbnails: boolean): AttachmentRef {
  const out: AttachmentRef = { name: redactSecrets(ref.name), mediaType: ref.mediaType, size: ref.size, hash: ref.hash }
  if (ref.pages !== undefined) out.pages = ref.pages
  if (inlineThumbnails && ref.thumbnail?.startsWith('data:image/')) out.thumbnail = ref.thumbnail
  return out
}

/**
 * A copy of a record fit to share (permalink, export): attachments by reference only, thumbnails
 * only when asked for, and no key-looking fields or strings anywhere (tool args and outputs are
 * free-form, so they are scrubbed too). Unknown fields are dropped by re-validating.
 */
export function toShareable(record: RunRecord, options: { inlineThumbnails: boolean }): RunRecord {
  const { input, ...rest } = record
  const scrubbed = scrub(rest)
  const candidate = typeof scrubbed === 'object' && scrubbed !== null ? scrubbed : {}
  const copy = {
    ...candidate,
    input: { text: redactSecrets(input.text), attachments: input.attachments.map((ref) => shareableAttachment(ref, options.inlineThumbnails)) },
  }
  const checked = runRecordSchema.safeParse(copy)
  // Scrubbing only removes free-form content, so a valid record stays valid; if the input was
  // already invalid, share the scrubbed copy of what we have rather than throw mid-share.
  if (checked.success) return checked.data
  return { v: RECORD_VERSION, id: record.id, createdAt: record.createdAt, config: knownConfig(record.config), input: copy.input, events: [] }
}

/** Only the fields RunConfig declares, so nothing extra can ride along. */
function knownConfig(config: RunConfig): RunConfig {
  const out: RunConfig = {
    provider: config.provider, model: config.model, executor: config.executor, toolPack: config.toolPack,
    tools: [...config.tools], maxTurns: config.maxTurns, routingOnly: config.routingOnly,
  }
  if (config.baseURL !== undefined) out.baseURL = redactSecrets(config.baseURL)
  if (config.system !== undefined) out.system = redactSecrets(config.system)
  if (config.toolTimeoutMs !== undefined) out.toolTimeoutMs = config.toolTimeoutMs
  if (config.local) out.local = { ...config.local }
  return out
}
