// Fuzz: traces from the real frameworks and from Lanes' own export, mutated 2,000 ways (fields
// dropped, wrong types, parent ids that loop, spans duplicated), never make the importer throw or
// hang, and whatever it returns is a valid record every view can draw. Then 100,000 spans.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { ganttSpansOf } from '../gantt.ts'
import { metricsOf } from '../metrics.ts'
import { runsFromOtlp, runToOtlp } from '../otel.ts'
import { projectExecutor } from '../project.ts'
import { validateRecord } from '../record.ts'
import { sampleCityRecord, sampleManyToolsRecord, seededRandom } from '../samples.ts'
import { aiSdkTrace } from './traces/ai-sdk.ts'
import { strandsTrace } from './traces/strands.ts'

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number }

/** Every place in a JSON tree a value sits, so a mutation can pick one. */
function slots(value: unknown, out: Slot[] = [], depth = 0): Slot[] {
  if (typeof value !== 'object' || value === null || depth > 40) return out
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, i) => [i, item]) : Object.entries(value)
  for (const [key, item] of entries) {
    out.push({ parent: value as Record<string, unknown>, key })
    slots(item, out, depth + 1)
  }
  return out
}

const WRONG: unknown[] = [null, 0, -1, 1e308, '', 'x', '-5', '99999999999999999999999999', true, [], {}, [[]], { stringValue: 3 }, { intValue: 'nope' }, { arrayValue: { values: 5 } }]

/** Apply one mutation, chosen by `kind` and `at` (indices into what exists). */
function mutate(json: unknown, kind: number, at: number, pick: number): void {
  const all = slots(json)
  const slot = all[at % Math.max(1, all.length)]
  if (!slot) return
  const { parent, key } = slot
  const record = parent as Record<string | number, unknown>
  switch (kind % 5) {
    case 0: // drop the field (or the array item)
      if (Array.isArray(parent)) parent.splice(Number(key), 1)
      else Reflect.deleteProperty(record, key)
      break
    case 1: record[key] = WRONG[pick % WRONG.length]; break
    case 2: { // point a parent id at another span's id: loops and cross-links
      const ids = all.filter((s) => s.key === 'spanId' || s.key === 'spanID').map((s) => (s.parent as Record<string, unknown>)[s.key as string])
      const spans = all.filter((s) => s.key === 'parentSpanId' || s.key === 'references')
      const target = spans[pick % Math.max(1, spans.length)]
      if (target && ids.length) (target.parent as Record<string, unknown>)['parentSpanId'] = ids[at % ids.length]
      break
    }
    case 3: if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(key)])); break // duplicate (same ids)
    default: // swap a value with another of the same name elsewhere (start/end times, ids)
      for (const other of all) if (other.key === key && other !== slot) { const o = other.parent as Record<string | number, unknown>; [o[key], record[key]] = [record[key], o[key]]; break }
  }
}

/** Import, then draw everything a record feeds: nothing may throw. */
function importAndDraw(json: unknown): void {
  const result = runsFromOtlp(json)
  if (!result.ok) {
    // A message written for the reader, never the last-resort guard's (that would mean a throw).
    expect(result.error).not.toMatch(/could not be read/)
    expect(result.error.length).toBeGreaterThan(10)
    return
  }
  for (const record of result.records) {
    expect(validateRecord(record).ok).toBe(true)
    const t = record.events.map((e) => e.t)
    expect(t.every((v, i) => i === 0 || v >= t[i - 1]!)).toBe(true)
    ganttSpansOf([record])
    metricsOf(record.events)
    projectExecutor(record, record.config.executor === 'sequential' ? 'concurrent' : 'sequential')
  }
}

describe('runsFromOtlp under fuzz', () => {
  const bases: unknown[] = []
  beforeAll(async () => {
    bases.push((await strandsTrace('concurrent')).otlp, (await strandsTrace('sequential')).otlp, (await aiSdkTrace()).otlp)
    bases.push(runToOtlp(sampleCityRecord()), runToOtlp(sampleManyToolsRecord(12)))
  }, 30_000)

  it('2,000 mutated traces never throw, and whatever comes back is a valid, drawable record', () => {
    const started = performance.now()
    fc.assert(
      fc.property(fc.nat(), fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }), (base, mutations) => {
        const json = structuredClone(bases[base % bases.length])
        for (const [kind, at, pick] of mutations) mutate(json, kind, at, pick)
        importAndDraw(json)
      }),
      { numRuns: 2000, seed: 20 },
    )
    // Two thousand small traces in well under a second each: no pathological path.
    expect(performance.now() - started).toBeLessThan(60_000)
  }, 90_000)

  it('100,000 spans with random (often looping) parents import in seconds, not minutes', () => {
    const random = seededRandom(5)
    const base = Date.UTC(2026, 0, 1) * 1e3
    const nanos = (us: number): string => `${Math.round(us)}000`
    const spans: Record<string, unknown>[] = [{
      traceId: 't', spanId: 's0', name: 'invoke_agent big', startTimeUnixNano: nanos(base), endTimeUnixNano: nanos(base + 1e9),
      attributes: [{ key: 'gen_ai.operation.name', value: { stringValue: 'invoke_agent' } }],
    }]
    for (let i = 1; i < 100_000; i++) {
      const start = base + random() * 1e9
      const tool = random() < 0.9
      spans.push({
        traceId: 't', spanId: `s${i}`, parentSpanId: `s${Math.floor(random() * 100_000)}`, name: tool ? 'execute_tool t' : 'chat m',
        startTimeUnixNano: nanos(start), endTimeUnixNano: nanos(start + random() * 1e6),
        attributes: [{ key: 'gen_ai.operation.name', value: { stringValue: tool ? 'execute_tool' : 'chat' } }, { key: 'gen_ai.tool.name', value: { stringValue: `tool_${i % 7}` } }],
      })
    }
    const json = JSON.parse(JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans }] }] })) as unknown
    const started = performance.now()
    const result = runsFromOtlp(json)
    const ms = performance.now() - started
    expect(result.ok).toBe(true)
    const spansOut = result.ok ? result.records.reduce((n, r) => n + r.events.filter((e) => e.type === 'tool-start' || e.type === 'model-start').length, 0) : 0
    expect(spansOut).toBe(99_999)
    console.log(`100,000 spans imported in ${ms.toFixed(0)} ms`)
    // A guard against quadratic paths (those take minutes here), loose for a shared 2-core machine.
    expect(ms).toBeLessThan(30_000)
  }, 60_000)
})
