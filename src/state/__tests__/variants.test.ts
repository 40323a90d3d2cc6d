import { beforeEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '../settings.ts'
import { addVariant, comparisonRequests, compareVariants, MAX_VARIANTS, renameVariant, startVariants, updateVariant, variantsStore } from '../variants.ts'
import { runsStore } from '../runs.ts'

describe('compare variants (state)', () => {
  beforeEach(() => {
    variantsStore.setState({ variants: [], collapsed: false })
    runsStore.setState({ notice: undefined })
  })

  it('makes variants by copying the setup, at most four, labelled by what sets them apart', () => {
    startVariants()
    expect(variantsStore.getState().variants).toHaveLength(2)
    const [a, b] = variantsStore.getState().variants
    expect(a!.label).toBe('offline · concurrent')
    expect(b!.label).toBe('offline · concurrent (2)')
    updateVariant(b!.id, { executor: 'sequential' })
    expect(variantsStore.getState().variants[1]!.label).toBe('offline · sequential')
    expect(variantsStore.getState().variants[0]!.settings.executor).toBe('concurrent') // a copy, not shared
    renameVariant(b!.id, 'one at a time')
    updateVariant(b!.id, { executor: 'limit', concurrency: 2 })
    expect(variantsStore.getState().variants[1]!.label).toBe('one at a time') // a name the user gave stays
    for (let i = 0; i < 5; i++) addVariant()
    expect(variantsStore.getState().variants).toHaveLength(MAX_VARIANTS)
  })

  it('interleaves trials A B C A B C, every run with the same prompt and its comparison, variant and trial', () => {
    const variants = ['concurrent', 'sequential', 'limit'].map((executor, i) => ({ id: String(i), label: executor, settings: { ...defaultSettings, executor: executor as 'concurrent' | 'sequential' | 'limit', concurrency: 2 } }))
    const requests = comparisonRequests('weather?', variants, 2, 'cmp-1', 0)
    expect(requests.map((r) => r.label)).toEqual(['concurrent #1', 'sequential #1', 'limit #1', 'concurrent #2', 'sequential #2', 'limit #2'])
    expect(requests.map((r) => r.executor)).toEqual(['concurrent', 'sequential', 'concurrency:2', 'concurrent', 'sequential', 'concurrency:2'])
    expect(new Set(requests.map((r) => r.prompt))).toEqual(new Set(['weather?']))
    expect(requests[4]!.comparison).toEqual({ id: 'cmp-1', variant: 'sequential', trial: 2 })
    expect(requests.map((r) => r.keepOthers)).toEqual([false, true, true, true, true, true])
  })

  it('gives every variant a distinct label even when the user named two alike', () => {
    const variants = [0, 1].map((i) => ({ id: String(i), label: 'same', settings: defaultSettings }))
    expect(comparisonRequests('x', variants, 1, 'c', 0).map((r) => r.comparison?.variant)).toEqual(['same', 'same (2)'])
  })

  it('runs nothing when a variant needs a key it does not have, and says which', async () => {
    startVariants()
    const second = variantsStore.getState().variants[1]!
    updateVariant(second.id, { provider: 'openai' })
    await compareVariants('weather?')
    expect(runsStore.getState().notice?.title).toMatch(/Add an OpenAI key \(variant “.*”\)/)
    expect(runsStore.getState().runs).toEqual([])
  })
})
