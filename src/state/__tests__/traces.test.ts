// The page's side of traces: files recognised by content, the size limit checked before reading,
// and the OTLP/HTTP send that treats its headers like a key.
import { describe, expect, it, vi } from 'vitest'
import { runToOtlp } from '../../runs/otel.ts'
import { sampleCityRecord } from '../../runs/samples.ts'
import { freeLabel, isTraceFile, parseHeaderLines, readTraceFile, sendOtlp, tracesUrl } from '../traces.ts'

const SECRET = 'Bearer sk-abcdefghijklmnopqrstuvwxyz0123'

describe('trace files in the page', () => {
  it('are recognised by content, whatever their name or type', async () => {
    const trace = JSON.stringify(runToOtlp(sampleCityRecord()))
    expect(await isTraceFile(new File([trace], 'spans.txt', { type: 'text/plain' }))).toBe(true)
    expect(await isTraceFile(new File([trace], 'x', { type: '' }))).toBe(true)
    expect(await isTraceFile(new File(['{"format":"lanes-runs","runs":[]}'], 'export.json', { type: 'application/json' }))).toBe(false)
    expect(await isTraceFile(new File([trace], 'receipt.png', { type: 'image/png' }))).toBe(false)
  })

  it('refuses a 50 MB trace with a message, from its size, without reading it', async () => {
    const big = new Blob([new Uint8Array(50 * 1024 * 1024)], { type: 'application/json' })
    const text = vi.spyOn(big, 'text')
    const result = await readTraceFile(big)
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/^This trace is 50\.0 MB, over the 40\.0 MB Lanes reads\./) })
    expect(text).not.toHaveBeenCalled()
  })

  it('reads a trace file into records, and explains one that is not a trace', async () => {
    const ok = await readTraceFile(new Blob([JSON.stringify(runToOtlp(sampleCityRecord()))]))
    expect(ok.ok && ok.records.length).toBe(1)
    expect(await readTraceFile(new Blob(['{"hello":1}']))).toEqual({ ok: false, error: expect.stringContaining('not a trace') })
    expect(await readTraceFile(new Blob(['not json']))).toEqual({ ok: false, error: expect.stringContaining('not JSON') })
  })
})

describe('sending OTLP to an endpoint', () => {
  it('posts OTLP/JSON to /v1/traces with the given headers, and reports without repeating them', async () => {
    const fetcher = vi.fn(async (_url: URL | RequestInfo, _init?: RequestInit) => new Response('{}', { status: 200 }))
    const result = await sendOtlp([sampleCityRecord()], 'http://localhost:4318', `Authorization: ${SECRET}\nx-tenant: lab`, fetcher as typeof fetch)
    expect(result).toEqual({ ok: true, message: 'Sent 1 run to http://localhost:4318/v1/traces.' })
    const [url, init] = fetcher.mock.calls[0]!
    expect(String(url)).toBe('http://localhost:4318/v1/traces')
    expect(init?.method).toBe('POST')
    expect(init?.headers).toEqual({ Authorization: SECRET, 'x-tenant': 'lab', 'Content-Type': 'application/json' })
    const body = JSON.parse(await (init?.body as Blob).text()) as { resourceSpans: unknown[] }
    expect(body.resourceSpans).toHaveLength(1)
    expect(JSON.stringify(body)).not.toContain('sk-abcdefghij')
  })

  it('never puts a header value or a URL key in its messages', async () => {
    const failing = vi.fn(async () => { throw new TypeError(`Failed to fetch with ${SECRET}`) })
    const down = await sendOtlp([sampleCityRecord()], 'http://localhost:4318/v1/traces?api_key=sk-abcdefghijklmnopqrstuvwxyz', `Authorization: ${SECRET}`, failing as typeof fetch)
    expect(down.ok).toBe(false)
    const refused = await sendOtlp([sampleCityRecord()], 'http://localhost:4318', `Authorization: ${SECRET}`, (async () => new Response('', { status: 401 })) as typeof fetch)
    expect(refused.message).toContain('HTTP 401')
    const malformed = await sendOtlp([sampleCityRecord()], 'http://localhost:4318', SECRET, failing as typeof fetch)
    for (const message of [down.message, refused.message, malformed.message]) expect(message).not.toMatch(/sk-abc|Bearer/)
    expect(malformed.message).toBe('Header line 1 is not "Name: value".')
  })

  it('understands what people type as an endpoint', () => {
    expect(tracesUrl('http://localhost:4318')?.href).toBe('http://localhost:4318/v1/traces')
    expect(tracesUrl('http://127.0.0.1:4318/v1/traces')?.href).toBe('http://127.0.0.1:4318/v1/traces')
    expect(tracesUrl('https://otel.example/otlp/')?.href).toBe('https://otel.example/otlp/v1/traces')
    expect(tracesUrl('localhost:4318')).toBeUndefined()
    expect(tracesUrl('javascript:alert(1)')).toBeUndefined()
    expect(parseHeaderLines('')).toEqual({ ok: true, headers: {} })
  })
})

describe('lanes of runs shown together', () => {
  it('get labels of their own', () => {
    expect(freeLabel('a (imported)', [])).toBe('a (imported)')
    expect(freeLabel('a (imported)', ['a (imported)', 'a (imported) #2'])).toBe('a (imported) #3')
  })
})
