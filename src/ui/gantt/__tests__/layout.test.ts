import { describe, expect, it } from 'vitest'
import { GEOMETRY, barsInRows, layoutGantt, visibleBars } from '../layout.ts'
import { chartSummary } from '../summary.ts'
import { span } from './fixtures.ts'

const spans = [
  span({ run: 'sequential', name: 'b', startMs: 300, endMs: 600 }),
  span({ run: 'concurrent', name: 'weather', startMs: 100, endMs: 400, critical: true }),
  span({ run: 'concurrent', kind: 'model', name: 'local', startMs: 0, endMs: 100, ttftMs: 40 }),
  span({ run: 'sequential', name: 'a', startMs: 0, endMs: 300 }),
  span({ run: 'stray', name: 'x', startMs: 0, endMs: 50 }),
]
const runs = [
  { label: 'concurrent', makespanMs: 450, toolTimeMs: 300, modelTimeMs: 100 },
  { label: 'sequential', makespanMs: 600, toolTimeMs: 600, modelTimeMs: 0, speedup: 1.33, projected: true },
]

describe('layoutGantt', () => {
  it('groups spans under runs in display order, then runs only spans name', () => {
    const layout = layoutGantt(spans, runs)
    expect(layout.sections.map((s) => s.run.label)).toEqual(['concurrent', 'sequential', 'stray'])
    expect(layout.sections[2]?.run.makespanMs).toBe(50)
  })
  it('gives each call its own lane, sorted by start, model first on ties', () => {
    const layout = layoutGantt(spans, runs)
    expect(layout.bars.map((b) => b.span.name)).toEqual(['local', 'weather', 'a', 'b', 'x'])
    expect(layout.bars.map((b) => b.index)).toEqual([0, 1, 2, 3, 4])
    const ys = layout.bars.map((b) => b.y)
    expect(new Set(ys).size).toBe(ys.length)
    expect(layout.bars[1]!.y - layout.bars[0]!.y).toBe(GEOMETRY.laneHeight)
    expect(layout.bars[2]?.projected).toBe(true)
  })
  it('heads each group of consecutive runs (a variant and its trials) once, above its first run', () => {
    const grouped = [
      { label: 'A #1', makespanMs: 1, toolTimeMs: 0, modelTimeMs: 0, group: 'A' },
      { label: 'A #2', makespanMs: 1, toolTimeMs: 0, modelTimeMs: 0, group: 'A' },
      { label: 'B #1', makespanMs: 1, toolTimeMs: 0, modelTimeMs: 0, group: 'B' },
      { label: 'loose', makespanMs: 1, toolTimeMs: 0, modelTimeMs: 0 },
    ]
    const layout = layoutGantt([], grouped)
    expect(layout.sections.map((s) => s.group && [s.group.label, s.group.runs])).toEqual([['A', 2], undefined, ['B', 1], undefined])
    // The header takes its own row: the first run starts below it, and the next group's header sits after the run above.
    const [a1, a2, b1] = layout.sections
    expect(a1!.y - a1!.group!.y).toBe(GEOMETRY.groupHeight)
    expect(b1!.group!.y).toBe(a2!.y + a2!.height)
  })
  it('spans a domain up to the latest end or makespan', () => {
    expect(layoutGantt(spans, runs).domainEnd).toBe(600)
    expect(layoutGantt([], []).domainEnd).toBe(1)
  })
})

describe('visibleBars', () => {
  it('keeps only bars meeting the window', () => {
    const { bars } = layoutGantt(spans, runs)
    expect(visibleBars(bars, 420, 500).map((b) => b.span.name)).toEqual(['b'])
    expect(visibleBars(bars, 0, 1000)).toHaveLength(5)
  })
})

describe('chartSummary', () => {
  it('says what each run did in words', () => {
    const text = chartSummary(layoutGantt(spans, runs).sections)
    expect(text).toMatch(/^3 runs\. concurrent: makespan 450 ms, 1 tool call, 1 model call/)
    expect(text).toContain('1 on the critical path')
    expect(text).toContain('sequential (projected): makespan 600 ms, 2 tool calls, 0 model calls')
    expect(text).toContain('speedup 1.3×')
    expect(chartSummary([])).toBe('No runs yet.')
  })
})

describe('barsInRows', () => {
  it('returns the lanes meeting a vertical band, all of them for an unbounded band', () => {
    const many = Array.from({ length: 50 }, (_, i) => span({ run: 'r', name: `t${i}`, startMs: i, endMs: i + 1 }))
    const { bars } = layoutGantt(many, [])
    expect(barsInRows(bars, -Infinity, Infinity)).toBe(bars)
    const top = bars[10]!.y
    const band = barsInRows(bars, top, top + 5 * GEOMETRY.laneHeight)
    expect(band[0]?.index).toBe(9)
    expect(band.at(-1)?.index).toBe(14)
  })
})
