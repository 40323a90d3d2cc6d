import { describe, expect, it } from 'vitest'
import { formatDuration, formatTick, niceStep, niceTicks } from '../scale.ts'

describe('niceStep', () => {
  it('rounds up to 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0.7)).toBe(1)
    expect(niceStep(1.3)).toBeCloseTo(2)
    expect(niceStep(3)).toBe(5)
    expect(niceStep(7)).toBe(10)
    expect(niceStep(230)).toBe(500)
    expect(niceStep(0.013)).toBeCloseTo(0.02)
  })
})

describe('niceTicks', () => {
  it('covers the range with evenly spaced round ticks', () => {
    const { step, ticks } = niceTicks(0, 1234, 6)
    expect(step).toBe(500)
    expect(ticks).toEqual([0, 500, 1000])
  })
  it('starts at the first multiple inside a panned window', () => {
    const { step, ticks } = niceTicks(1030, 1180, 5)
    expect(step).toBe(50)
    expect(ticks).toEqual([1050, 1100, 1150])
  })
})

describe('formatTick', () => {
  it('uses ms for short axes and seconds above 2 s', () => {
    expect(formatTick(500, 500, 1500)).toBe('500 ms')
    expect(formatTick(2500, 500, 9000)).toBe('2.5 s')
    expect(formatTick(4000, 1000, 9000)).toBe('4 s')
    expect(formatTick(10_050, 50, 10_200)).toBe('10.05 s')
  })
})

describe('formatDuration', () => {
  it('reads naturally at every magnitude', () => {
    expect(formatDuration(3.25)).toBe('3.3 ms')
    expect(formatDuration(320)).toBe('320 ms')
    expect(formatDuration(1234)).toBe('1.23 s')
    expect(formatDuration(12_345)).toBe('12.3 s')
    expect(formatDuration(125_000)).toBe('2 min 5 s')
  })
})
