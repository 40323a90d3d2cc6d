// One error type for every provider failure, with messages that say what to do. SDK errors are
// recognised by shape (status, name, body type/code), never by class, so nothing above the
// adapters needs the SDKs, and messages are scrubbed so a key can never leak through them.
import { LanesError } from '../core/index.ts'

/** What went wrong, as far as the app needs to decide (retry? fall back? tell the user?). */
export type ProviderErrorKind =
  | 'auth' | 'permission' | 'not-found' | 'rate-limit' | 'overloaded' | 'server' | 'context-length'
  | 'bad-request' | 'network' | 'stream-cut' | 'idle-timeout' | 'stream-error'

/** A provider call that failed; `message` is written for the user and never contains a key. */
export class ProviderError extends LanesError {
  override name = 'ProviderError'
  readonly kind: ProviderErrorKind
  readonly provider: string
  readonly status?: number
  readonly retryAfterMs?: number

  constructor(message: string, fields: { kind: ProviderErrorKind; provider: string; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(message, fields.cause === undefined ? undefined : { cause: fields.cause })
    this.kind = fields.kind
    this.provider = fields.provider
    if (fields.status !== undefined) this.status = fields.status
    if (fields.retryAfterMs !== undefined) this.retryAfterMs = fields.retryAfterMs
  }
}

/** Where an error happened, for the message and the scrubbing. */
export interface ErrorContext {
  /** Human name, e.g. "OpenAI", "Ollama". */
  provider: string
  /** Preset id ('ollama', 'lmstudio', …) for provider-specific hints. */
  providerId?: string
  apiKey?: string
  model?: string
  baseURL?: string
  /** Whether the stream had already produced an event (a cut then, not a failed connect). */
  started?: boolean
}

const KEY_PATTERNS = [/sk-[A-Za-z0-9_*.-]{4,}/g, /gsk_[A-Za-z0-9]{8,}/g, /(Bearer\s+)[^\s"',]+/gi, /(api[_-]?key["'=:\s]+)[^\s"',]+/gi]

/** Remove the configured key and anything shaped like a key from text. */
export function scrubSecrets(text: string, apiKey?: string): string {
  let out = text
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[key hidden]')
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, (_match, prefix: unknown) => `${typeof prefix === 'string' ? prefix : ''}[key hidden]`)
  return out
}

/** Milliseconds to wait from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterFrom(headers: unknown, now: () => number = Date.now): number | undefined {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name)
    if (typeof headers === 'object' && headers !== null) {
      const value = (headers as Record<string, unknown>)[name]
      return typeof value === 'string' ? value : null
    }
    return null
  }
  const ms = Number(get('retry-after-ms') ?? NaN)
  if (Number.isFinite(ms) && ms >= 0) return ms
  const after = get('retry-after')
  if (after === null) return undefined
  const seconds = Number(after)
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000
  const date = Date.parse(after)
  return Number.isFinite(date) ? Math.max(0, date - now()) : undefined
}

interface ErrorShape {
  status: number | undefined
  /** The SDK's parsed error body, present for HTTP errors and in-stream error frames. */
  hasBody: boolean
  message: string
  type: string
  code: string
  headers: unknown
}

function shapeOf(err: unknown): ErrorShape {
  const record = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>
  const body = typeof record['error'] === 'object' && record['error'] !== null ? (record['error'] as Record<string, unknown>) : {}
  const inner = typeof body['error'] === 'object' && body['error'] !== null ? (body['error'] as Record<string, unknown>) : body
  const str = (value: unknown): string => (typeof value === 'string' ? value : '')
  return {
    status: typeof record['status'] === 'number' ? record['status'] : undefined,
    hasBody: Object.keys(body).length > 0,
    message: str(inner['message']) || (err instanceof Error ? err.message : typeof err === 'string' ? err : ''),
    type: str(record['type']) || str(inner['type']),
    code: str(record['code']) || str(inner['code']) || str(record['errorCode']),
    headers: record['headers'],
  }
}

const CONTEXT = /context[_ ]length|context window|too long|maximum context|max(imum)? .*tokens|too many tokens|request_too_large/i

/** Turn anything an SDK or fetch threw into a ProviderError with an actionable message. */
export function toProviderError(err: unknown, ctx: ErrorContext): ProviderError {
  if (err instanceof ProviderError) return err
  const s = shapeOf(err)
  const p = ctx.provider
  const detail = s.message ? ` (${p} said: ${clip(scrubSecrets(s.message, ctx.apiKey))})` : ''
  // No `cause`: the SDK error's message may quote the key, and consoles print the cause chain.
  const make = (kind: ProviderErrorKind, message: string, extra: { retryAfterMs?: number } = {}): ProviderError =>
    new ProviderError(scrubSecrets(message, ctx.apiKey), { kind, provider: p, ...(s.status !== undefined ? { status: s.status } : {}), ...extra })
  const model = ctx.model ? ` "${ctx.model}"` : ''

  if (s.status !== undefined) {
    const retryAfterMs = retryAfterFrom(s.headers)
    const wait = retryAfterMs !== undefined ? { retryAfterMs } : {}
    const status = s.status
    if (status === 401) return make('auth', `${p} rejected the API key (401). Check the key in Settings: it may be mistyped, revoked, or for another provider.${detail}`)
    if (status === 403) return make('permission', `${p} refused access (403): this key has no access to model${model}, or the account or region is not allowed.${detail}`)
    if (status === 404) return make('not-found', `${p} does not know model${model} or the endpoint (404). Check the model name and the base URL.${detail}`)
    if (status === 429) {
      const quota = /quota|billing|credit/i.test(`${s.code} ${s.message}`)
      const how = retryAfterMs !== undefined ? ` It asks to wait ${formatSeconds(retryAfterMs)}.` : ''
      return make('rate-limit', quota
        ? `${p} says the account is out of quota or credit (429). Check billing, or switch provider.${detail}`
        : `${p} is rate limiting requests (429).${how} Wait a moment, or lower the request rate.${detail}`, wait)
    }
    if (status === 529 || status === 503 || /overloaded/i.test(s.type)) return make('overloaded', `${p} is overloaded (${status}). Try again shortly, or add a fallback model.${detail}`, wait)
    if (status === 413 || ((status === 400 || status === 422) && CONTEXT.test(`${s.code} ${s.message}`))) {
      return make('context-length', `The conversation is too long for model${model} (${status}). Start a new run, remove attachments, or use a model with a larger context window.${detail}`)
    }
    if (status === 408 || status === 409 || status >= 500) return make('server', `${p} had a server error (${status}). Try again; the fallback chain retries this automatically.${detail}`, wait)
    return make('bad-request', `${p} rejected the request (${status}).${detail}`)
  }
  // An overload inside a 200 stream is the same condition as a 529: the fallback chain retries it.
  if (/insufficient_quota|billing/i.test(`${s.code} ${s.type}`)) return make('rate-limit', `${p} says the account is out of quota or credit. Check billing, or switch provider.${detail}`)
  if (/overloaded/i.test(s.type)) return make('overloaded', `${p} became overloaded mid-answer and sent an error. Try again shortly, or add a fallback model.${detail}`)
  if (s.hasBody || s.type !== '') return make('stream-error', `${p} sent an error in the middle of the stream.${detail}`)
  if (err instanceof SyntaxError) return make('stream-error', `${p} sent a malformed stream frame that is not JSON. The server or a proxy may be broken.${detail}`)
  if (ctx.started) return make('stream-cut', `The stream ended early: the connection to ${p} was cut mid-answer. The partial answer is kept; try again to get the rest.${detail}`)
  return make('network', `Could not reach ${p}${ctx.baseURL ? ` at ${ctx.baseURL}` : ''}. ${networkHint(ctx.providerId)}${detail}`)
}

function networkHint(providerId: string | undefined): string {
  switch (providerId) {
    case 'ollama':
      return 'Is Ollama running? From a page that is not on localhost, start it with OLLAMA_ORIGINS set to this site (e.g. OLLAMA_ORIGINS=https://your.site ollama serve).'
    case 'lmstudio':
      return 'Is the LM Studio server running with CORS on? Start it with `lms server start --cors` or enable CORS in its server settings.'
    case 'vllm':
      return 'Is vLLM running? Allow this origin with --allowed-origins (vllm serve … --allowed-origins \'["*"]\').'
    default:
      return 'Check your network and the base URL. If the server is reachable, it may block this page by CORS: allow this origin on the server, or try "drop SDK headers".'
  }
}

function formatSeconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`
}

function clip(text: string): string {
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
