import { describe, expect, it } from 'vitest'
import { createScriptedModel, textTurn, type Model, type ModelEvent } from '../../core/index.ts'
import { ProviderError, type ProviderErrorKind } from '../errors.ts'
import { abortableSleep, createFallbackModel } from '../fallback.ts'

/** A model that fails `failures` times with the given kind before any event, then plays `events`. */
function flaky(id: string, failures: number, kind: ProviderErrorKind, events: ModelEvent[] = textTurn('ok'), retryAfterMs?: number): Model & { calls: number } {
  const model = {
    id,
    calls: 0,
    async *stream(): AsyncGenerator<ModelEvent> {
      model.calls++
      if (model.calls <= failures) throw new ProviderError(`${kind} failure`, { kind, provider: id, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) })
      yield* events
    },
  }
  return model
}

async function collect(model: Model, signal = new AbortController().signal): Promise<{ events: ModelEvent[]; error?: unknown }> {
  const events: ModelEvent[] = []
  try {
    for await (const event of model.stream({ messages: [], tools: [] }, { signal })) events.push(event)
    return { events }
  } catch (error) {
    return { events, error }
  }
}

const noSleep = async (): Promise<void> => {}

describe('createFallbackModel', () => {
  it('backs off exponentially with jitter, capped', async () => {
    const sleeps: number[] = []
    const model = createFallbackModel([flaky('a', 4, 'server')], { retries: 4, baseDelayMs: 500, maxDelayMs: 1500, random: () => 1, sleep: async (ms) => { sleeps.push(ms) } })
    const { events } = await collect(model)
    expect(sleeps).toEqual([375, 750, 1125, 1125])
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.attempt : 0))).toEqual([1, 2, 3, 4])
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' })
  })

  it('honours retry-after up to 60 s', async () => {
    const sleeps: number[] = []
    await collect(createFallbackModel([flaky('a', 1, 'rate-limit', textTurn('ok'), 120_000)], { sleep: async (ms) => { sleeps.push(ms) } }))
    expect(sleeps).toEqual([60_000])
  })

  it('moves to the next model after the retries, saying why', async () => {
    const a = flaky('a', 99, 'overloaded')
    const b = flaky('b', 0, 'server')
    const { events } = await collect(createFallbackModel([a, b], { retries: 1, sleep: noSleep }))
    expect(a.calls).toBe(2)
    expect(events.filter((e) => e.type === 'fallback')).toEqual([{ type: 'fallback', from: 'a', to: 'b', reason: 'overloaded failure' }])
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'stop' })
  })

  it.each(['auth', 'permission', 'bad-request', 'not-found', 'context-length'] as const)('fails at once on %s', async (kind) => {
    const a = flaky('a', 99, kind)
    const b = flaky('b', 0, 'server')
    const { events, error } = await collect(createFallbackModel([a, b], { sleep: noSleep }))
    expect((error as ProviderError).kind).toBe(kind)
    expect(a.calls).toBe(1)
    expect(b.calls).toBe(0)
    expect(events).toEqual([])
  })

  it('does not retry once an event was produced', async () => {
    let calls = 0
    const cut: Model = {
      id: 'cut',
      async *stream() {
        calls++
        yield { type: 'text-delta', text: 'partial' }
        throw new ProviderError('cut', { kind: 'network', provider: 'cut' })
      },
    }
    const { events, error } = await collect(createFallbackModel([cut, createScriptedModel([textTurn('b')])], { sleep: noSleep }))
    expect(calls).toBe(1)
    expect(events).toEqual([{ type: 'text-delta', text: 'partial' }])
    expect((error as ProviderError).message).toBe('cut')
  })

  it('throws the last error when every model fails', async () => {
    const { error, events } = await collect(createFallbackModel([flaky('a', 9, 'server'), flaky('b', 9, 'network')], { retries: 0, sleep: noSleep }))
    expect((error as ProviderError).kind).toBe('network')
    expect(events.map((e) => e.type)).toEqual(['fallback'])
  })

  it('stops waiting when aborted', async () => {
    const controller = new AbortController()
    const sleep = (ms: number, signal: AbortSignal): Promise<void> => {
      const waiting = abortableSleep(ms, signal)
      controller.abort() // Stop pressed while the chain waits
      return waiting
    }
    const model = createFallbackModel([flaky('a', 9, 'server')], { baseDelayMs: 60_000, maxDelayMs: 60_000, sleep })
    const { error, events } = await collect(model, controller.signal)
    expect(events.map((e) => e.type)).toEqual(['retry'])
    expect((error as Error).name).toBe('AbortedError')
  })

  it('abortableSleep rejects at once on an aborted signal', async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(abortableSleep(10_000, controller.signal)).rejects.toThrow('stopped')
  })
})
