import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { capabilitiesOf, PROVIDER_CAPABILITIES } from '../capabilities.ts'
import { startWatchdog } from '../watchdog.ts'

describe('startWatchdog', () => {
  beforeEach(() => { vi.useFakeTimers() })
  afterEach(() => { vi.useRealTimers() })

  it('fires after the first-token limit, then after each idle gap', () => {
    const dog = startWatchdog(new AbortController().signal, 'Groq', 1000, 200)
    vi.advanceTimersByTime(999)
    expect(dog.signal.aborted).toBe(false)
    dog.kick()
    vi.advanceTimersByTime(199)
    dog.kick()
    vi.advanceTimersByTime(199)
    expect(dog.signal.aborted).toBe(false)
    vi.advanceTimersByTime(1)
    expect(dog.signal.aborted).toBe(true)
    expect(dog.timedOut?.kind).toBe('idle-timeout')
    expect(dog.timedOut?.message).toBe('No data from Groq for 0.2 s; the server may be stalled. Try again or raise the idle timeout.')
  })

  it('follows the caller’s abort without calling it a timeout', () => {
    const outer = new AbortController()
    const dog = startWatchdog(outer.signal, 'X', 1000, 1000)
    outer.abort()
    expect(dog.signal.aborted).toBe(true)
    expect(dog.timedOut).toBeUndefined()
    dog.dispose()
    vi.advanceTimersByTime(5000)
    expect(dog.timedOut).toBeUndefined()
  })
})

describe('capabilitiesOf', () => {
  it('knows Ollama takes no PDF files and no GIFs, and falls back to a cautious default', () => {
    expect(capabilitiesOf('ollama').pdf).toBe('text')
    expect(capabilitiesOf('ollama').imageTypes).not.toContain('image/gif')
    expect(capabilitiesOf('openai').pdf).toBe('native')
    expect(capabilitiesOf('nobody')).toBe(PROVIDER_CAPABILITIES['custom'])
  })
})
