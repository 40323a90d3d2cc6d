import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createFrameScheduler } from '../frame.ts'

describe('frame scheduler', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('notifies once per frame however many requests come', () => {
    const notify = vi.fn()
    const frames = createFrameScheduler(notify, () => Date.now())
    for (let i = 0; i < 100; i++) frames.request()
    vi.advanceTimersByTime(16)
    expect(notify).toHaveBeenCalledTimes(1)
  })

  it('draws a flood at 20 fps, counting the events each batched request stands for', () => {
    const notify = vi.fn()
    const frames = createFrameScheduler(notify, () => Date.now())
    frames.request(10_000) // one batch from the agent worker: a flood in one call
    vi.advanceTimersByTime(16)
    expect(notify).toHaveBeenCalledTimes(1)
    frames.request(10_000)
    vi.advanceTimersByTime(40)
    expect(notify).toHaveBeenCalledTimes(1) // held back: 50 ms between flood frames
    vi.advanceTimersByTime(30)
    expect(notify).toHaveBeenCalledTimes(2)
  })

  it('gives an ordinary stream every frame', () => {
    const notify = vi.fn()
    const frames = createFrameScheduler(notify, () => Date.now())
    frames.request(3)
    vi.advanceTimersByTime(16)
    frames.request(3)
    vi.advanceTimersByTime(16)
    expect(notify).toHaveBeenCalledTimes(2)
  })

  it('flush draws now', () => {
    const notify = vi.fn()
    const frames = createFrameScheduler(notify, () => Date.now())
    frames.request()
    frames.flush()
    expect(notify).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(100)
    expect(notify).toHaveBeenCalledTimes(1)
  })
})
