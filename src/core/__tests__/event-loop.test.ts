import { describe, expect, it } from 'vitest'
import { createTimeSlicer } from '../event-loop.ts'

describe('createTimeSlicer', () => {
  it('asks for a yield once a slice of work has passed, reading the clock every 32nd call', async () => {
    let now = 0
    let reads = 0
    const breathe = createTimeSlicer({ sliceMs: 8, now: () => { reads++; return now } })
    reads = 0
    now = 100
    for (let i = 1; i < 32; i++) expect(breathe()).toBeUndefined()
    expect(reads).toBe(0)
    const pause = breathe()
    expect(pause).toBeInstanceOf(Promise)
    await pause
    // A new slice starts after the yield.
    for (let i = 0; i < 32; i++) expect(breathe()).toBeUndefined()
  })

  it('with checkEvery 1, reads the clock on every call and yields as soon as the slice is over', async () => {
    let now = 0
    const breathe = createTimeSlicer({ sliceMs: 8, now: () => now, checkEvery: 1 })
    now = 7
    expect(breathe()).toBeUndefined()
    now = 8
    const pause = breathe()
    expect(pause).toBeInstanceOf(Promise)
    await pause
    expect(breathe()).toBeUndefined()
    now = 16
    expect(breathe()).toBeInstanceOf(Promise)
  })
})
