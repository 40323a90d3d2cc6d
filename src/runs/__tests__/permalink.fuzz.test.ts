// Fuzzing the link decoder: every input must give a typed DecodeResult, never a throw.
import { describe, expect, it } from 'vitest'
import { deflateRaw, fromBase64Url, toBase64Url } from '../bytes.ts'
import { decodeFragment, encodeConfigLink, encodePermalink, type DecodeResult } from '../permalink.ts'
import { validateRecord } from '../record.ts'
import { sampleCityRecord, sampleManyToolsRecord, seededRandom } from '../samples.ts'

const REASONS = new Set(['empty', 'bad-base64', 'bad-compression', 'bad-json', 'unknown-version', 'schema', 'too-large'])
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

function check(result: DecodeResult): string {
  if (result.ok) {
    if (result.kind === 'run') expect(validateRecord(result.record).ok).toBe(true)
    return `ok-${result.kind}`
  }
  expect(REASONS.has(result.reason)).toBe(true)
  expect(result.message.length).toBeGreaterThan(20)
  return result.reason
}

describe('decodeFragment fuzz', () => {
  it('types every outcome of 10,000+ random and mutated links (seeded)', async () => {
    const random = seededRandom(20261121)
    const int = (n: number): number => Math.floor(random() * n)
    const pick = <T>(items: readonly T[]): T => items[int(items.length)]!
    const bases = [await encodePermalink(sampleCityRecord()), await encodePermalink(sampleManyToolsRecord(5)), await encodeConfigLink(sampleCityRecord().config, sampleCityRecord().input)]
    const jsonish = (depth = 0): unknown => {
      const kind = int(depth > 2 ? 4 : 7)
      if (kind === 0) return int(1000) - 500
      if (kind === 1) return pick(['', 'x', 'run-start', '1', 'sk-…'])
      if (kind === 2) return pick([null, true, false])
      if (kind === 3) return random() * 1e6
      if (kind === 4) return Array.from({ length: int(4) }, () => jsonish(depth + 1))
      if (kind === 5) return { v: 1, e: Array.from({ length: int(4) }, () => [int(14), int(100) - 10, jsonish(depth + 1)]), config: jsonish(depth + 1) }
      return Object.fromEntries(Array.from({ length: int(4) }, (_, i) => [pick(['v', 'id', 'config', 'input', 'events', 'e', `k${i}`]), jsonish(depth + 1)]))
    }
    const pack = async (prefix: string, bytes: Uint8Array<ArrayBuffer>): Promise<string> => `#${prefix}=1.${toBase64Url(await deflateRaw(bytes))}`
    const validRecordJson = (): Record<string, unknown> => JSON.parse(JSON.stringify(sampleCityRecord(int(5)))) as Record<string, unknown>

    const makers: (() => Promise<string> | string)[] = [
      // Bit flips in the compressed bytes.
      () => {
        const base = pick(bases)
        const bytes = fromBase64Url(base.slice(5))!
        for (let flips = 1 + int(3); flips > 0; flips--) { const at = int(bytes.length); bytes[at] = bytes[at]! ^ (1 << int(8)) }
        return base.slice(0, 5) + toBase64Url(bytes)
      },
      // Character substitutions, insertions and deletions in the link text.
      () => {
        const chars = [...pick(bases)]
        const at = int(chars.length)
        const op = int(3)
        if (op === 0) chars[at] = pick([...B64, '.', '=', '#', '&', '%', ' ', 'é'])
        else if (op === 1) chars.splice(at, 0, pick([...B64]))
        else chars.splice(at, 1)
        return chars.join('')
      },
      // Truncation (a link cut off when copied).
      () => { const base = pick(bases); return base.slice(0, int(base.length)) },
      // Random base64url payloads of random length.
      () => `#${pick(['r', 'c'])}=1.${Array.from({ length: int(200) }, () => pick([...B64])).join('')}`,
      // Random bytes, validly compressed: not UTF-8 / not JSON.
      async () => pack(pick(['r', 'c']), Uint8Array.from({ length: int(300) }, () => int(256))),
      // Valid compressed text that is not JSON.
      async () => pack('r', new TextEncoder().encode(pick(['{', 'undefined', '{"v":1,', 'NaN', '<html>', ''.padEnd(int(50), 'x')]))),
      // Valid JSON of the wrong shape.
      async () => pack(pick(['r', 'c']), new TextEncoder().encode(JSON.stringify(jsonish()))),
      // A valid record with one field replaced by random JSON (compact events replaced too).
      async () => {
        const json = validRecordJson()
        const key = pick(['v', 'id', 'createdAt', 'config', 'input', 'status', 'title'])
        json[key] = jsonish()
        const { events, ...rest } = json
        void events
        return pack('r', new TextEncoder().encode(JSON.stringify({ ...rest, e: int(2) ? jsonish() : [] })))
      },
      // Wrong versions, prefixes and separators.
      () => pick(['#r=0.', '#r=10.', '#c=.', '#r.1.', 'r=1.', '#R=1.', '#r=1', '#&&', '#r=1..']) + pick(bases).slice(5, 5 + int(50)),
    ]

    const outcomes = new Map<string, number>()
    const total = 10_200
    for (let i = 0; i < total; i++) {
      const hash = await makers[i % makers.length]!()
      const outcome = check(await decodeFragment(hash))
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1)
    }
    // A handful of zip bombs and oversized links on top.
    for (const mb of [2.1, 8, 64]) {
      const bomb = await pack('r', new Uint8Array(Math.floor(mb * 1024 * 1024)).fill(0x20))
      expect(check(await decodeFragment(bomb))).toBe('too-large')
    }
    if (process.env['LANES_FUZZ_REPORT']) console.log(Object.fromEntries(outcomes))
    expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(total)
    for (const reason of ['empty', 'bad-base64', 'bad-compression', 'bad-json', 'unknown-version', 'schema']) expect(outcomes.get(reason) ?? 0).toBeGreaterThan(0)
  }, 120_000)
})
