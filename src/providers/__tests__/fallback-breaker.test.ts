import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { textTurn, type Model, type ModelEvent } from '../../core/index.ts'
import { ProviderError, type ProviderErrorKind } from '../errors.ts'
import { createFallbackModel } from '../fallback.ts'

/** A model that fails while `down()` is true (before any event), and answers otherwise. */
function switchable(id: string, down: () => boolean, kind: ProviderErrorKind = 'overloaded'): Model & { calls: number } {
  const model = {
    id,
    calls: 0,
    async *stream(): AsyncGenerator<ModelEvent> {
      model.calls++
      if (down()) throw new ProviderError(`${id} is ${kind}`, { kind, provider: id })
      yield* textTurn(`from ${id}`)
    },
  }
  return model
}

async function turn(model: Model): Promise<{ events: ModelEvent[]; error?: unknown }> {
  const events: ModelEvent[] = []
  try {
    for await (const event of model.stream({ messages: [], tools: [] }, { signal: new AbortController().signal })) events.push(event)
    return { events }
  } catch (error) {
    return { events, error }
  }
}

/** An injected clock and a sleep that advances it: the waits cost no real time but are counted. */
function fakeTime(): { now: () => number; sleep: (ms: number) => Promise<void>; slept: () => number } {
  let t = 0
  let slept = 0
  return { now: () => t, sleep: async (ms) => { t += ms; slept += ms }, slept: () => slept }
}

describe('createFallbackModel circuit breaker', () => {
  it('after the primary fails its retries once, later turns go straight to the fallback and say so', async () => {
    const time = fakeTime()
    const primary = switchable('primary', () => true)
    const backup = switchable('backup', () => false)
    const chain = createFallbackModel([primary, backup], { retries: 2, baseDelayMs: 500, random: () => 0, sleep: time.sleep, now: time.now })

    const first = await turn(chain)
    expect(primary.calls).toBe(3)
    expect(first.events.filter((e) => e.type === 'retry')).toHaveLength(2)
    expect(time.slept()).toBe(1500)

    for (let i = 0; i < 3; i++) {
      const later = await turn(chain)
      expect(later.error).toBeUndefined()
      expect(later.events.filter((e) => e.type === 'retry')).toEqual([])
      const fallback = later.events.find((e) => e.type === 'fallback')
      expect(fallback).toMatchObject({ type: 'fallback', from: 'primary', to: 'backup' })
      expect(fallback?.type === 'fallback' && fallback.reason).toContain('earlier in this run')
      expect(later.events.at(-1)).toEqual({ type: 'finish', reason: 'stop' })
    }
    // Not one more call to the dead primary, not one more millisecond of backoff.
    expect(primary.calls).toBe(3)
    expect(time.slept()).toBe(1500)
    expect(backup.calls).toBe(4)
  })

  it('tries the primary once more after reopenAfterMs (half-open) and closes when it is back', async () => {
    const time = fakeTime()
    let primaryDown = true
    const primary = switchable('primary', () => primaryDown)
    const backup = switchable('backup', () => false)
    const chain = createFallbackModel([primary, backup], { retries: 1, random: () => 0, sleep: time.sleep, now: time.now, reopenAfterMs: 10_000 })
    await turn(chain)
    expect(primary.calls).toBe(2)
    await turn(chain)
    expect(primary.calls).toBe(2) // still open
    await time.sleep(10_000)
    // Half-open and still down: a single attempt, no retries, then the breaker opens again.
    const probe = await turn(chain)
    expect(primary.calls).toBe(3)
    expect(probe.events.filter((e) => e.type === 'retry')).toEqual([])
    await turn(chain)
    expect(primary.calls).toBe(3)
    await time.sleep(10_000)
    primaryDown = false
    const back = await turn(chain)
    expect(primary.calls).toBe(4)
    expect(back.events.some((e) => e.type === 'fallback')).toBe(false)
    expect(back.events).toContainEqual({ type: 'text-delta', text: 'from primary' })
    await turn(chain)
    expect(primary.calls).toBe(5) // closed again: used every turn
  })

  it('does not open on errors a retry cannot fix, and always tries the last model', async () => {
    const time = fakeTime()
    const only = switchable('only', () => true)
    const chain = createFallbackModel([only], { retries: 1, sleep: time.sleep, now: time.now })
    await turn(chain)
    const again = await turn(chain)
    expect(only.calls).toBe(4)
    expect((again.error as ProviderError).message).toBe('only is overloaded')

    const authDead = switchable('keyless', () => true, 'auth')
    const backup = switchable('backup', () => false)
    const fatal = createFallbackModel([authDead, backup], { sleep: time.sleep, now: time.now })
    await turn(fatal)
    await turn(fatal)
    expect(authDead.calls).toBe(2) // an auth failure is the user's to fix, shown every time, never skipped
    expect(backup.calls).toBe(0)
  })

  it('whatever the outages, a turn never calls a model whose breaker is open unless it is the last', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 3 }), async (outages, retries) => {
        const time = fakeTime()
        let turnIndex = 0
        const models = [0, 1, 2].map((i) => switchable(`m${i}`, () => outages[turnIndex]![i]!))
        const chain = createFallbackModel(models, { retries, sleep: time.sleep, now: time.now, random: () => 0 })
        const dead = new Set<number>()
        for (turnIndex = 0; turnIndex < outages.length; turnIndex++) {
          const before = models.map((m) => m.calls)
          const { events, error } = await turn(chain)
          for (const i of dead) if (i < 2) expect(models[i]!.calls).toBe(before[i])
          // The answer comes from the first model that is up and not given up on, else an error.
          const answering = [0, 1, 2].find((i) => (!dead.has(i) || i === 2) && !outages[turnIndex]![i])
          if (answering === undefined) expect(error).toBeInstanceOf(ProviderError)
          else expect(events).toContainEqual({ type: 'text-delta', text: `from m${answering}` })
          for (const i of [0, 1, 2]) if (models[i]!.calls > before[i]! && outages[turnIndex]![i]) dead.add(i)
          for (const i of [0, 1, 2]) if (models[i]!.calls > before[i]! && !outages[turnIndex]![i]) dead.delete(i)
        }
      }),
    )
  })
})
