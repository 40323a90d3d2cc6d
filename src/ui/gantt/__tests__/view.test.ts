import { describe, expect, it } from 'vitest'
import { clampView, isFullView, panView, revealRange, zoomView } from '../view.ts'

describe('zoomView', () => {
  it('keeps the anchor time at the same place on screen', () => {
    const next = zoomView({ start: 0, end: 1000 }, 2, 250, 1000)
    expect(next.end - next.start).toBe(500)
    // 250 was a quarter across; it stays a quarter across.
    expect((250 - next.start) / (next.end - next.start)).toBeCloseTo(0.25)
  })
  it('never zooms out past the domain nor in past the minimum width', () => {
    expect(zoomView({ start: 100, end: 200 }, 0.01, 150, 1000)).toEqual({ start: 0, end: 1000 })
    const tight = zoomView({ start: 0, end: 1000 }, 1e9, 500, 1000)
    expect(tight.end - tight.start).toBe(0.5)
  })
})

describe('panView and clampView', () => {
  it('moves the window and stops at the ends of the domain', () => {
    expect(panView({ start: 100, end: 300 }, 50, 1000)).toEqual({ start: 150, end: 350 })
    expect(panView({ start: 100, end: 300 }, -500, 1000)).toEqual({ start: 0, end: 200 })
    expect(panView({ start: 700, end: 900 }, 500, 1000)).toEqual({ start: 800, end: 1000 })
    expect(clampView({ start: -5, end: 2000 }, 1000)).toEqual({ start: 0, end: 1000 })
  })
  it('knows a full window', () => {
    expect(isFullView({ start: 0, end: 1000 }, 1000)).toBe(true)
    expect(isFullView({ start: 0, end: 900 }, 1000)).toBe(false)
  })
})

describe('revealRange', () => {
  it('pans just enough to show a span, keeping the zoom', () => {
    const view = { start: 0, end: 100 }
    expect(revealRange(view, 10, 20, 1000)).toBe(view)
    const later = revealRange(view, 400, 420, 1000)
    expect(later.end - later.start).toBe(100)
    expect(later.start).toBeLessThanOrEqual(400)
    expect(later.end).toBeGreaterThanOrEqual(420)
  })
})
