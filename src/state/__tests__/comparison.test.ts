import { beforeEach, describe, expect, it } from 'vitest'
import { sampleComparisonRecords } from '../../runs/samples-compare.ts'
import { comparisonStore, openComparison, shownComparisonRecords } from '../comparison.ts'
import { liveRun, runsStore } from '../runs.ts'
import { collapseToMedian, groupByVariant } from '../variants.ts'

describe('a comparison on the axis', () => {
  beforeEach(() => runsStore.setState({ runs: [], activeId: undefined }))

  it('opens grouped by variant, trials in order, with its comparison shown', () => {
    const records = sampleComparisonRecords(undefined, 2)
    openComparison(records)
    expect(runsStore.getState().runs.map((r) => r.label)).toEqual([
      'concurrent #1', 'concurrent #2', 'sequential #1', 'sequential #2', 'limit 2 #1', 'limit 2 #2', 'slow model #1', 'slow model #2',
    ])
    expect(comparisonStore.getState().shown).toMatchObject({ id: 'cmp-19', variants: ['concurrent', 'sequential', 'limit 2', 'slow model'], trials: 2 })
    expect(shownComparisonRecords()).toHaveLength(8)
  })

  it('groups runs made in interleaved order by variant, leaving other runs first', () => {
    const records = sampleComparisonRecords(undefined, 2)
    const other = { ...records[0]!, id: 'other', label: 'other' }
    delete other.comparison
    runsStore.setState({ runs: [liveRun(other, 'other'), ...records.map((r) => liveRun(r, r.label!))] })
    groupByVariant('cmp-19')
    expect(runsStore.getState().runs.map((r) => r.label).slice(0, 4)).toEqual(['other', 'concurrent #1', 'concurrent #2', 'sequential #1'])
  })

  it('shows only the median trials when collapsed, and every trial again after', () => {
    openComparison(sampleComparisonRecords(undefined, 3))
    collapseToMedian(true, ['cmp-19-4', 'cmp-19-1'])
    expect(runsStore.getState().runs.filter((r) => !r.hidden).map((r) => r.record.id).sort()).toEqual(['cmp-19-1', 'cmp-19-4'])
    collapseToMedian(false, [])
    expect(runsStore.getState().runs.every((r) => !r.hidden)).toBe(true)
  })
})
