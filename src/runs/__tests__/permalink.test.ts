import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { benchPermalinkSizes } from '../bench.ts'
import { deflateRaw, toBase64Url } from '../bytes.ts'
import { roundTenth } from '../compact.ts'
import { decodeFragment, encodeConfigLink, encodePermalink, PermalinkTooLargeError } from '../permalink.ts'
import { sampleCityRecord, sampleManyToolsRecord } from '../samples.ts'
import type { RunRecord } from '../types.ts'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trim()

async function link(prefix: string, payload: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload
  return `#${prefix}=1.${toBase64Url(await deflateRaw(bytes))}`
}

/** The record as a link keeps it: times rounded to 0.1 ms. */
function rounded(record: RunRecord): RunRecord {
  return JSON.parse(JSON.stringify(record, (key, value: unknown) => (['t', 'startT', 'endT', 'durationMs'].includes(key) && typeof value === 'number' ? roundTenth(value) : value))) as RunRecord
}

describe('permalinks', () => {
  it('round-trip a run, with times rounded to 0.1 ms and nothing else lost', async () => {
    const record = sampleCityRecord()
    const hash = await encodePermalink(record)
    expect(hash).toMatch(/^#r=1\.[A-Za-z0-9_-]+$/)
    const decoded = await decodeFragment(hash)
    expect(decoded).toEqual({ ok: true, kind: 'run', record: rounded(record) })
  })

  it('round-trip a run whose answer is not the last text (no flag) and one with odd events', async () => {
    const record = sampleManyToolsRecord(3)
    const end = record.events.at(-1)!
    if (end.type === 'run-end') end.result.text = 'something else'
    const start = record.events.find((e) => e.type === 'tool-start')!
    if (start.type === 'tool-start') delete (start as { args?: unknown }).args
    const decoded = await decodeFragment(await encodePermalink(record))
    // Missing arguments (JSON drops undefined) come back as {}, as the agent treats empty args.
    if (start.type === 'tool-start') start.args = {}
    expect(decoded.ok && decoded.kind === 'run' && decoded.record).toEqual(rounded(record))
  })

  it('meets the size targets: city ≤ 2,000 chars, 30 tools ≤ 8,000', async () => {
    const sizes = await benchPermalinkSizes()
    expect(sizes.city).toBeLessThanOrEqual(2000)
    expect(sizes.thirtyTools).toBeLessThanOrEqual(8000)
  })

  it('never carries a key', async () => {
    const record = sampleCityRecord()
    record.config.baseURL = 'https://proxy.example/v1?api_key=sk-abcdefghijklmnopqrstuvwxyz'
    Object.assign(record.config, { apiKey: 'sk-abcdefghijklmnopqrstuvwxyz' })
    const decoded = await decodeFragment(await encodePermalink(record))
    expect(JSON.stringify(decoded)).not.toContain('sk-abcdefghijklmnopqrstuvwxyz')
    const config = await decodeFragment(await encodeConfigLink(record.config, record.input))
    expect(JSON.stringify(config)).not.toContain('sk-abcdefghijklmnopqrstuvwxyz')
  })

  it('drops thumbnails to fit maxChars, and says when even that is too long', async () => {
    const record = sampleCityRecord()
    const noise = toBase64Url(crypto.getRandomValues(new Uint8Array(3000)))
    record.input.attachments.push({ name: 'a.png', mediaType: 'image/png', size: 9, hash: 'abc', thumbnail: `data:image/png;base64,${noise}` })
    const big = await encodePermalink(record, { inlineThumbnails: true })
    expect(big.length).toBeGreaterThan(4000)
    const small = await encodePermalink(record, { inlineThumbnails: true, maxChars: 3000 })
    expect(small.length).toBeLessThan(3000)
    await expect(encodePermalink(record, { maxChars: 100 })).rejects.toBeInstanceOf(PermalinkTooLargeError)
  })

  it('encodes and decodes a "try this" config link without events', async () => {
    const { config, input } = sampleCityRecord()
    const hash = await encodeConfigLink(config, input)
    expect(hash).toMatch(/^#c=1\./)
    expect(await decodeFragment(hash)).toEqual({ ok: true, kind: 'config', config, input })
  })

  it('keeps decoding every shipped version (v1 fixtures)', async () => {
    const run = await decodeFragment(fixture('v1-run.txt'))
    expect(run.ok && run.kind === 'run' && run.record.config.tools).toEqual(['get_weather', 'get_time', 'get_population'])
    expect(run.ok && run.kind === 'run' && run.record.events.length).toBe(82)
    const config = await decodeFragment(fixture('v1-config.txt'))
    expect(config.ok && config.kind === 'config' && config.input.text).toBe("What's the weather, time, and population in Seattle?")
  })

  it.each([
    ['', 'empty'], ['#', 'empty'], ['#x=1', 'empty'], ['#r=', 'empty'],
    ['#r=3.abc', 'unknown-version'], ['#r=abc', 'unknown-version'],
    ['#r=1.@@@', 'bad-base64'], ['#r=1.a', 'bad-base64'],
    ['#r=1.AAAAAAAA', 'bad-compression'],
  ])('reports %j as %s', async (hash, reason) => {
    const decoded = await decodeFragment(hash)
    expect(decoded).toMatchObject({ ok: false, reason })
    expect(!decoded.ok && decoded.message.length).toBeGreaterThan(20)
  })

  it('reports truncated, non-JSON, wrong-schema and huge payloads', async () => {
    const good = await encodePermalink(sampleCityRecord())
    expect(await decodeFragment(good.slice(0, 400))).toMatchObject({ ok: false, reason: 'bad-compression' })
    expect(await decodeFragment(await link('r', 'not json {'))).toMatchObject({ ok: false, reason: 'bad-json' })
    expect(await decodeFragment(await link('r', new Uint8Array([0xff, 0xfe, 0x22])))).toMatchObject({ ok: false, reason: 'bad-json' })
    expect(await decodeFragment(await link('r', '{"v":1}'))).toMatchObject({ ok: false, reason: 'schema' })
    expect(await decodeFragment(await link('r', '[1,2]'))).toMatchObject({ ok: false, reason: 'schema' })
    expect(await decodeFragment(await link('r', '{"v":1,"e":[[99,0]]}'))).toMatchObject({ ok: false, reason: 'schema' })
    expect(await decodeFragment(await link('c', '{"config":{}}'))).toMatchObject({ ok: false, reason: 'schema' })
    // A zip bomb: 50 MB of spaces in a few kB of link; inflating stops at the 2 MB limit.
    const bomb = await link('r', new Uint8Array(50 * 1024 * 1024).fill(32))
    expect(bomb.length).toBeLessThan(100_000)
    expect(await decodeFragment(bomb)).toMatchObject({ ok: false, reason: 'too-large' })
    expect(await decodeFragment(`#r=1.${'A'.repeat(7_000_000)}`)).toMatchObject({ ok: false, reason: 'too-large' })
  })

  it('finds the payload among other fragment parameters', async () => {
    const hash = await encodeConfigLink(sampleCityRecord().config, sampleCityRecord().input)
    expect((await decodeFragment(`#tab=gantt&${hash.slice(1)}`)).ok).toBe(true)
  })
})

describe('settings edge cases survive a link', () => {
  it('an unlimited-rate offline run (tokensPerSecond 0) and a fallback config round-trip', async () => {
    const { encodePermalink, decodeFragment } = await import('../permalink.ts')
    const { sampleCityRecord } = await import('../samples.ts')
    const base = sampleCityRecord()
    for (const config of [
      { ...base.config, local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } },
      { ...base.config, provider: 'openai', model: 'gpt-4o-mini', retries: 2, fallbackProvider: 'local' },
    ]) {
      const decoded = await decodeFragment(await encodePermalink({ ...base, config }))
      expect(decoded.ok && decoded.kind === 'run' && decoded.record.config).toEqual(config)
    }
  })
})
