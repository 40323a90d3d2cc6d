import { describe, expect, it } from 'vitest'
import { compareRuns, median } from '../compare.ts'
import { eventsOf, recordOf } from './helpers.ts'

/** A one-turn run: model 0–100, the given tool phase, model 100 ms after it. */
function run(toolEnds: number[], sequential: boolean, modelMs = 100) {
  let at = modelMs
  const tools = toolEnds.map((duration, i) => {
    const start = sequential ? at : modelMs
    at = start + duration
    return { id: `t${i}`, start, end: start + duration }
  })
  const phaseEnd = Math.max(...tools.map((tool) => tool.end))
  return recordOf(eventsOf([{ modelStart: 0, modelEnd: modelMs, tools }, { modelStart: phaseEnd, modelEnd: phaseEnd + modelMs }]))
}

describe('compareRuns', () => {
  it('gives medians, paired speedups and where the time went', () => {
    const sequential = [run([1000, 1000, 1000], true), run([1000, 1000, 1100], true), run([900, 1000, 1000], true)]
    const concurrent = [run([1000, 1000, 1000], false), run([1000, 1000, 1100], false), run([900, 1000, 1000], false)]
    const c = compareRuns([{ executor: 'concurrent', records: concurrent }, { executor: 'sequential', records: sequential }])
    expect(c.executors.map((e) => [e.executor, e.runs, e.medianMakespanMs])).toEqual([['concurrent', 3, 1200], ['sequential', 3, 3200]])
    expect(c.speedups).toHaveLength(1)
    const s = c.speedups[0]!
    expect(s.baseline).toBe('sequential')
    expect(s.candidate).toBe('concurrent')
    expect(s.pairs).toBe(3)
    // Pairs: 3200/1200, 3300/1300, 3100/1200.
    expect(s.median).toBeCloseTo(3100 / 1200)
    expect(s.min).toBeCloseTo(3300 / 1300)
    expect(s.max).toBeCloseTo(3200 / 1200)
    expect(s.savedMs).toBe(2000)
    expect(s.toolPhaseSavedMs).toBe(2000)
    expect(s.modelTimeSavedMs).toBe(0)
    expect(c.mismatch).toBeUndefined()
  })

  it('warns when runs made different numbers of tool calls', () => {
    const c = compareRuns([
      { executor: 'sequential', records: [run([100, 100, 100], true)] },
      { executor: 'concurrent', records: [run([100, 100], false)] },
    ])
    expect(c.mismatch).toMatch(/different numbers of tool calls \(sequential #1: 3, concurrent #1: 2\)/)
  })

  it('uses the first group as baseline without a sequential one, and copes with empty groups', () => {
    const c = compareRuns([{ executor: 'concurrency:2', records: [run([100, 100], false)] }, { executor: 'concurrent', records: [] }])
    expect(c.speedups).toEqual([])
    expect(Number.isNaN(c.executors[1]!.medianMakespanMs)).toBe(true)
  })

  it('takes the median of even and odd counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 2, 3])).toBe(2.5)
  })
})
