import { describe, expect, it } from 'vitest'
import { ProviderError, retryAfterFrom, scrubSecrets, toProviderError } from '../errors.ts'

/** An SDK-shaped HTTP error (both SDKs put status, headers and the body's error on the instance). */
function apiError(status: number | undefined, body: Record<string, unknown>, headers: Record<string, string> = {}): Error {
  return Object.assign(new Error(`${status ?? ''} ${String(body['message'] ?? '')}`), { status, error: body, headers: new Headers(headers) })
}

describe('toProviderError', () => {
  const ctx = { provider: 'OpenAI', apiKey: 'sk-live-abcdef123456', model: 'gpt-x' }

  it.each([
    [401, 'auth'], [403, 'permission'], [404, 'not-found'], [429, 'rate-limit'], [500, 'server'], [502, 'server'],
    [503, 'overloaded'], [529, 'overloaded'], [408, 'server'], [409, 'server'], [422, 'bad-request'], [413, 'context-length'],
  ])('maps status %i to %s', (status, kind) => {
    const error = toProviderError(apiError(status, { message: 'nope' }), ctx)
    expect(error).toBeInstanceOf(ProviderError)
    expect(error.name).toBe('ProviderError')
    expect(error.kind).toBe(kind)
    expect(error.status).toBe(status)
  })

  it('recognises a context-length 400 by its code or message', () => {
    expect(toProviderError(apiError(400, { message: 'x', code: 'context_length_exceeded' }), ctx).kind).toBe('context-length')
    expect(toProviderError(apiError(400, { message: 'prompt is too long: 300000 tokens' }), ctx).kind).toBe('context-length')
    expect(toProviderError(apiError(400, { message: 'bad field' }), ctx).kind).toBe('bad-request')
  })

  it('says when a 429 is about quota rather than rate', () => {
    const error = toProviderError(apiError(429, { message: 'You exceeded your current quota', code: 'insufficient_quota' }), ctx)
    expect(error.message).toMatch(/out of quota/)
  })

  it('carries retry-after in milliseconds', () => {
    expect(toProviderError(apiError(429, { message: 'slow' }, { 'retry-after': '2' }), ctx).retryAfterMs).toBe(2000)
    expect(toProviderError(apiError(529, { message: 'busy' }, { 'retry-after-ms': '150', 'retry-after': '9' }), ctx).retryAfterMs).toBe(150)
  })

  it('tells network errors from cuts, with a fix for local servers', () => {
    const ollama = toProviderError(new TypeError('Failed to fetch'), { provider: 'Ollama', providerId: 'ollama', baseURL: 'http://localhost:11434/v1' })
    expect(ollama.kind).toBe('network')
    expect(ollama.message).toMatch(/OLLAMA_ORIGINS/)
    expect(toProviderError(new TypeError('Failed to fetch'), { provider: 'LM Studio', providerId: 'lmstudio' }).message).toMatch(/--cors/)
    expect(toProviderError(new TypeError('terminated'), { provider: 'OpenAI', started: true }).kind).toBe('stream-cut')
  })

  it('treats an in-stream error body and a bad frame as stream errors', () => {
    expect(toProviderError(apiError(undefined, { message: 'boom', type: 'server_error' }), ctx).kind).toBe('stream-error')
    expect(toProviderError(new SyntaxError('Unexpected token'), ctx).kind).toBe('stream-error')
  })

  it('never lets a key through', () => {
    const error = toProviderError(apiError(401, { message: 'Incorrect API key provided: sk-live-abcdef123456 and sk-other-987654321' }), ctx)
    expect(error.message).not.toContain('abcdef123456')
    expect(error.message).not.toContain('987654321')
  })

  it('passes a ProviderError through unchanged', () => {
    const original = new ProviderError('x', { kind: 'auth', provider: 'p' })
    expect(toProviderError(original, ctx)).toBe(original)
  })
})

describe('scrubSecrets', () => {
  it('hides the configured key, sk- keys, bearer tokens and key fields', () => {
    const out = scrubSecrets('key my-local-key, sk-proj-AAAA1111, Authorization: Bearer abc.def, api_key=zzz123, gsk_abcdefghijkl', 'my-local-key')
    expect(out).not.toMatch(/my-local-key|AAAA1111|abc\.def|zzz123|gsk_abcdefghijkl/)
    expect(out).toContain('Bearer [key hidden]')
  })
})

describe('retryAfterFrom', () => {
  it('reads seconds, milliseconds and HTTP dates', () => {
    expect(retryAfterFrom(new Headers({ 'retry-after': '3' }))).toBe(3000)
    expect(retryAfterFrom({ 'retry-after-ms': '40' })).toBe(40)
    expect(retryAfterFrom(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:10 GMT' }), () => Date.parse('Thu, 01 Jan 2026 00:00:00 GMT'))).toBe(10_000)
    expect(retryAfterFrom(new Headers())).toBeUndefined()
  })
})
