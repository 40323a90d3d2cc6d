import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { deflateRaw, fromBase64Url, toBase64Url } from '../bytes.ts'
import { roundTenth } from '../compact.ts'
import { decodeFragment, type DecodeResult } from '../permalink.ts'
import { validateRecord } from '../record.ts'
import { encodeRunSet, MAX_SET_RECORDS, RunSetTooLargeError } from '../run-set.ts'
import { sampleComparisonRecords } from '../samples-compare.ts'
import { sampleCityRecord, sampleThinkingRecord } from '../samples.ts'
import type { RunRecord } from '../types.ts'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trim()

/** Records as a link keeps them: times rounded to 0.1 ms. */
function rounded(records: RunRecord[]): RunRecord[] {
  return JSON.parse(JSON.stringify(records, (key, value: unknown) => (['t', 'startT', 'endT', 'durationMs'].includes(key) && typeof value === 'number' ? roundTenth(value) : value))) as RunRecord[]
}

async function setLink(payload: unknown): Promise<string> {
  return `#s=1.${toBase64Url(await deflateRaw(new TextEncoder().encode(typeof payload === 'string' ? payload : JSON.stringify(payload))))}`
}

describe('set links (#s=1.)', () => {
  it('round-trip a comparison: every record in order, and the comparison they form', async () => {
    const records = sampleComparisonRecords()
    const hash = await encodeRunSet(records, { title: 'City, four ways' })
    expect(hash).toMatch(/^#s=1\.[A-Za-z0-9_-]+$/)
    const decoded = await decodeFragment(hash)
    expect(decoded).toEqual({
      ok: true, kind: 'set', records: rounded(records),
      comparison: { id: 'cmp-19', title: 'City, four ways', variants: ['concurrent', 'sequential', 'limit 2', 'slow model'], trials: 3 },
    })
  })

  it('holds a conversation (records with conversation places, thinking events) and no comparison', async () => {
    const first = { ...sampleCityRecord(1), id: 'a', conversation: { id: 'conv-1', index: 0 } }
    const second = { ...sampleThinkingRecord(), id: 'b', conversation: { id: 'conv-1', index: 1 } }
    const decoded = await decodeFragment(await encodeRunSet([first, second]))
    expect(decoded).toEqual({ ok: true, kind: 'set', records: rounded([first, second]) })
  })

  it('keeps run-end tool calls the events do not describe (a routed call)', async () => {
    const record = sampleCityRecord(2)
    const end = record.events.at(-1)!
    if (end.type === 'run-end') end.result.toolCalls.push({ id: 'routed-1', name: 'billing_tool', args: {}, status: 'routed', startT: 5, endT: 5 })
    expect(await decodeFragment(await encodeRunSet([record]))).toEqual({ ok: true, kind: 'set', records: rounded([record]) })
  })

  it('stores what the records share once: 4 variants × 3 trials of the city scenario fit in 8,000 characters', async () => {
    const records = sampleComparisonRecords()
    const set = await encodeRunSet(records)
    expect(set.length).toBeLessThan(8000)
    // Far less than the records' own links put together.
    const { encodePermalink } = await import('../permalink.ts')
    const separate = (await Promise.all(records.map((record) => encodePermalink(record)))).reduce((sum, link) => sum + link.length, 0)
    expect(set.length).toBeLessThan(separate / 2)
  })

  it('a comparison exported as one file imports back as the same records, comparison included', async () => {
    const { exportHistory, importHistory } = await import('../history-io.ts')
    const records = sampleComparisonRecords(undefined, 2)
    const back = importHistory(exportHistory(records))
    expect(back.skipped).toEqual([])
    expect(back.records.map((r) => r.comparison)).toEqual(records.map((r) => r.comparison))
  })

  it('never carries a key', async () => {
    const records = sampleComparisonRecords(undefined, 1)
    records[0]!.config.baseURL = 'https://proxy.example/v1?api_key=sk-abcdefghijklmnopqrstuvwxyz'
    Object.assign(records[1]!.config, { apiKey: 'sk-abcdefghijklmnopqrstuvwxyz' })
    records[2]!.input.text = 'use sk-abcdefghijklmnopqrstuvwxyz please'
    const decoded = await decodeFragment(await encodeRunSet(records))
    expect(decoded.ok).toBe(true)
    expect(JSON.stringify(decoded)).not.toContain('sk-abcdefghijklmnopqrstuvwxyz')
  })

  it('refuses a set over maxChars, and no records or too many', async () => {
    await expect(encodeRunSet(sampleComparisonRecords(), {}, { maxChars: 500 })).rejects.toBeInstanceOf(RunSetTooLargeError)
    await expect(encodeRunSet([])).rejects.toBeInstanceOf(RangeError)
    await expect(encodeRunSet(Array.from({ length: MAX_SET_RECORDS + 1 }, () => sampleCityRecord()))).rejects.toBeInstanceOf(RangeError)
  })

  it('keeps decoding every shipped version (s1 fixture)', async () => {
    const decoded = await decodeFragment(fixture('s1-comparison.txt'))
    expect(decoded.ok && decoded.kind === 'set' && decoded.records.length).toBe(12)
    expect(decoded.ok && decoded.kind === 'set' && decoded.comparison?.variants).toEqual(['concurrent', 'sequential', 'limit 2', 'slow model'])
  })

  it.each([
    ['#s=2.abc', 'unknown-version'], ['#s=', 'empty'], ['#s=1.@@', 'bad-base64'], ['#s=1.AAAAAAAA', 'bad-compression'],
  ])('reports %j as %s', async (hash, reason) => {
    expect(await decodeFragment(hash)).toMatchObject({ ok: false, reason })
  })

  it('refuses hostile payloads with a message that names the problem', async () => {
    const good = JSON.parse(JSON.stringify({ c: [sampleCityRecord().config], i: [sampleCityRecord().input], r: [{ id: 'x', createdAt: '2026-11-30T08:00:00.000Z', c: 0, i: 0, e: [] }] })) as Record<string, unknown>
    expect(await decodeFragment(await setLink(good))).toMatchObject({ ok: true, kind: 'set' })
    const cases: [unknown, RegExp][] = [
      [[], /not an object/],
      [{ ...good, r: [] }, /no runs/],
      [{ ...good, c: 'x' }, /tables are missing/],
      [{ ...good, r: [{ id: 'x', createdAt: '2026-11-30T08:00:00.000Z', c: 5, i: 0, e: [] }] }, /run 1 points at a config/],
      [{ ...good, r: [{ id: 'x', createdAt: '2026-11-30T08:00:00.000Z', c: '__proto__', i: 0, e: [] }] }, /run 1 points at a config/],
      [{ ...good, r: [{ id: 'x', createdAt: '2026-11-30T08:00:00.000Z', c: 0, i: 0, e: 'no' }] }, /run 1 has no readable event log/],
      [{ ...good, r: [{ id: '', createdAt: 'yesterday', c: 0, i: 0, e: [] }] }, /run 1: Not a valid Lanes run record/],
      [{ ...good, r: Array.from({ length: MAX_SET_RECORDS + 1 }, () => 1) }, /more than 200/],
      [{ ...good, r: [1] }, /run 1 is not an object/],
    ]
    for (const [payload, message] of cases) {
      const decoded = await decodeFragment(await setLink(payload))
      expect(decoded).toMatchObject({ ok: false, reason: 'schema' })
      expect(!decoded.ok && decoded.message).toMatch(message)
    }
    const bomb = await setLink(' '.repeat(3 * 1024 * 1024))
    expect(await decodeFragment(bomb)).toMatchObject({ ok: false, reason: 'too-large' })
  })

  it('types every outcome of mutated set links (property)', async () => {
    const base = await encodeRunSet(sampleComparisonRecords(undefined, 1))
    const bytes = fromBase64Url(base.slice(5))!
    const check = (result: DecodeResult): void => {
      if (result.ok) {
        expect(result.kind).toBe('set')
        if (result.kind === 'set') for (const record of result.records) expect(validateRecord(record).ok).toBe(true)
      } else expect(result.message.length).toBeGreaterThan(20)
    }
    await fc.assert(fc.asyncProperty(fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }), async (flips) => {
      const copy = bytes.slice()
      for (const [at, mask] of flips) copy[at] = copy[at]! ^ mask
      check(await decodeFragment(`#s=1.${toBase64Url(copy)}`))
    }), { numRuns: 300, seed: 19 })
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (json) => check(await decodeFragment(await setLink(json)))), { numRuns: 300, seed: 20 })
  })
})
