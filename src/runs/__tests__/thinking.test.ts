// Runs that think: permalinks (version 2), the view, metrics and Gantt spans read the reasoning
// events and usage details, and the structure kept for live charts gives the same spans.
import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import { compactEvents, expandEvents, roundTenth } from '../compact.ts'
import { ganttSpansOf } from '../gantt.ts'
import { exportHistory, importHistory } from '../history-io.ts'
import { metricsOf } from '../metrics.ts'
import { decodeFragment, encodePermalink } from '../permalink.ts'
import { viewOf } from '../run-view.ts'
import { sampleCityRecord, sampleThinkingRecord } from '../samples.ts'
import { structureOf } from '../structure.ts'
import type { RunRecord } from '../types.ts'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8').trim()
const rounded = (record: RunRecord): RunRecord =>
  JSON.parse(JSON.stringify(record, (key, value: unknown) => (['t', 'startT', 'endT', 'durationMs'].includes(key) && typeof value === 'number' ? roundTenth(value) : value))) as RunRecord
const thoughtsOf = (events: readonly AgentEvent[], turn: number): Extract<AgentEvent, { type: 'reasoning-delta' }>[] =>
  events.filter((e): e is Extract<AgentEvent, { type: 'reasoning-delta' }> => e.type === 'reasoning-delta' && e.turn === turn)

describe('permalinks of runs that think', () => {
  it('write version 2 only when the run has thinking or usage details, and round-trip it', async () => {
    const record = sampleThinkingRecord()
    const hash = await encodePermalink(record)
    expect(hash).toMatch(/^#r=2\./)
    expect(await decodeFragment(hash)).toEqual({ ok: true, kind: 'run', record: rounded(record) })
    // Runs without them stay on version 1, which older builds open.
    expect(await encodePermalink(sampleCityRecord())).toMatch(/^#r=1\./)
  })

  it('keep decoding the shipped version 2 fixture', async () => {
    const decoded = await decodeFragment(fixture('v2-thinking-run.txt'))
    expect(decoded.ok && decoded.kind === 'run').toBe(true)
    if (!decoded.ok || decoded.kind !== 'run') return
    expect(viewOf(decoded.record).turns[0]!.reasoning).toBe('The user wants the weather in Seattle. I should call get_weather with the city, then answer in one sentence.')
    const end = decoded.record.events.at(-1)
    expect(end?.type === 'run-end' && end.result.usage).toEqual({ inputTokens: 940, outputTokens: 52, reasoningTokens: 27, cacheReadTokens: 470 })
  })

  it('survive export and import of history whole', () => {
    const record = sampleThinkingRecord()
    const { records, skipped } = importHistory(exportHistory([record]))
    expect(skipped).toEqual([])
    expect(records).toEqual([record])
  })

  it('compact and expand reasoning events like text (property)', () => {
    fc.assert(fc.property(fc.array(fc.record({ turn: fc.integer({ min: 1, max: 5 }), dt: fc.integer({ min: 0, max: 10_000 }), text: fc.string(), thought: fc.boolean() }), { maxLength: 40 }), (rows) => {
      let t = 0
      const events: AgentEvent[] = rows.map((row) => {
        t += row.dt / 10
        return { type: row.thought ? 'reasoning-delta' : 'text-delta', t, turn: row.turn, text: row.text }
      })
      const back = expandEvents(JSON.parse(JSON.stringify(compactEvents(events))))
      expect(back).toEqual(events.map((e) => ({ ...e, t: roundTenth(e.t) })))
    }))
  })
})

describe('the view, metrics and spans of a run that thinks', () => {
  const record = sampleThinkingRecord()
  const { events } = record
  const modelStart = (turn: number): number => events.find((e) => e.type === 'model-start' && e.turn === turn)!.t

  it('keeps each turn\'s thinking apart from its text, with its time to first thought', () => {
    const view = viewOf(record)
    expect(view.turns.map((turn) => turn.reasoning)).toEqual([
      'The user wants the weather in Seattle. I should call get_weather with the city, then answer in one sentence.',
      'The tool answered; a short reply will do.',
    ])
    expect(view.turns[1]!.text).toBe('Seattle is sunny at 72°F.')
    expect(view.turns[0]!.firstThoughtMs).toBeCloseTo(thoughtsOf(events, 1)[0]!.t - modelStart(1), 9)
    expect(view.turns[0]!.thinkingMs).toBeCloseTo(thoughtsOf(events, 1).at(-1)!.t - modelStart(1), 9)
    expect(view.firstThoughtMs).toBe(thoughtsOf(events, 1)[0]!.t)
    expect(view.usage).toMatchObject({ reasoningTokens: 27, cacheReadTokens: 470 })
  })

  it('measures the first thought, the time spent thinking and the reasoning and cache tokens', () => {
    const m = metricsOf(events)
    expect(m.firstThoughtMs).toBe(thoughtsOf(events, 1)[0]!.t)
    expect(m.thinkingMs).toBeCloseTo(thoughtsOf(events, 1).at(-1)!.t - modelStart(1) + thoughtsOf(events, 2).at(-1)!.t - modelStart(2), 9)
    expect(m).toMatchObject({ reasoningTokens: 27, cacheReadTokens: 470, cacheWriteTokens: 0, outputTokens: 52, inputTokens: 940 })
    expect(m.thinkingMs).toBeLessThan(m.modelTimeMs)
    // Runs that never think report no thinking.
    expect(metricsOf(sampleCityRecord().events)).toMatchObject({ thinkingMs: 0, reasoningTokens: 0 })
    expect(metricsOf(sampleCityRecord().events).firstThoughtMs).toBeUndefined()
  })

  it('splits each model span at the end of its thinking', () => {
    const models = ganttSpansOf([record]).filter((span) => span.kind === 'model')
    expect(models.map((span) => [span.firstThoughtMs, span.thinkingEndMs])).toEqual([1, 2].map((turn) => [thoughtsOf(events, turn)[0]!.t, thoughtsOf(events, turn).at(-1)!.t]))
    for (const span of models) {
      expect(span.startMs).toBeLessThanOrEqual(span.firstThoughtMs!)
      expect(span.thinkingEndMs!).toBeLessThanOrEqual(span.endMs)
    }
    expect(models[1]!.thinkingEndMs!).toBeLessThan(models[1]!.ttftMs!)
  })

  it('gets the same spans and thinking metrics from the structure as from every event (property)', () => {
    const step = fc.record({ kind: fc.constantFrom('text', 'thought', 'tool'), dt: fc.integer({ min: 0, max: 500 }) })
    const turnPlan = fc.array(step, { maxLength: 12 })
    fc.assert(fc.property(fc.array(turnPlan, { minLength: 1, maxLength: 4 }), (turns) => {
      const log: AgentEvent[] = [{ type: 'run-start', t: 0, runId: 'r', model: 'm', executor: 'concurrent' }]
      let t = 0
      turns.forEach((steps, i) => {
        const turn = i + 1
        log.push({ type: 'turn-start', t, turn }, { type: 'model-start', t, turn })
        const calls: string[] = []
        for (const s of steps) {
          t += s.dt
          if (s.kind === 'text') log.push({ type: 'text-delta', t, turn, text: 'w' })
          else if (s.kind === 'thought') log.push({ type: 'reasoning-delta', t, turn, text: 'h' })
          else calls.push(`c${turn}_${calls.length}`)
        }
        t += 1
        log.push({ type: 'model-end', t, turn, finish: calls.length ? 'tool_calls' : 'stop', usage: { inputTokens: 1, outputTokens: 2, reasoningTokens: 1 } })
        for (const callId of calls) log.push({ type: 'tool-start', t, turn, callId, name: 'x', args: {} })
        t += 5
        for (const callId of calls) log.push({ type: 'tool-end', t, callId, name: 'x', status: 'ok', output: '' })
        log.push({ type: 'turn-end', t, turn })
      })
      const full = { ...sampleCityRecord(), events: log }
      const slim = { ...full, events: structureOf(log).events }
      expect(ganttSpansOf([slim])).toEqual(ganttSpansOf([full]))
      const [a, b] = [metricsOf(full.events), metricsOf(slim.events)]
      expect([b.firstThoughtMs, b.thinkingMs, b.reasoningTokens]).toEqual([a.firstThoughtMs, a.thinkingMs, a.reasoningTokens])
      expect(a.thinkingMs).toBeLessThanOrEqual(a.modelTimeMs)
    }))
  })
})
