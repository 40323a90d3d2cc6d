import { describe, expect, it } from 'vitest'
import { Agent, textTurn, type AgentEvent, type Model, type ModelEvent } from '../../core/index.ts'
import { ganttSpansOf } from '../gantt.ts'
import { recordOf } from './helpers.ts'

/**
 * A chain as the fallback model reports it: `retries` failed attempts of 200 ms each followed by
 * a 500 ms backoff, then a switch to the backup, which answers. Time is the injected clock.
 */
function retryingModel(clock: { t: number }, retries: number): Model {
  return {
    id: 'primary → backup',
    async *stream(): AsyncGenerator<ModelEvent> {
      for (let attempt = 1; attempt <= retries; attempt++) {
        clock.t += 200
        yield { type: 'retry', model: 'primary', attempt, delayMs: 500, reason: 'primary is overloaded' }
        clock.t += 500
      }
      yield { type: 'fallback', from: 'primary', to: 'backup', reason: 'primary is overloaded' }
      clock.t += 100
      yield* textTurn('answer')
    },
  }
}

async function eventsOfRun(model: Model, clock: { t: number }): Promise<AgentEvent[]> {
  const events: AgentEvent[] = []
  for await (const event of new Agent({ model, now: () => clock.t }).stream('hi')) events.push(event)
  return events
}

describe('ganttSpansOf and the fallback chain', () => {
  it('puts each retry on the model bar as its backoff wait, and names the model that answered', async () => {
    const clock = { t: 0 }
    const record = recordOf(await eventsOfRun(retryingModel(clock, 2), clock))
    const [model] = ganttSpansOf([record]).filter((s) => s.kind === 'model')
    expect(model?.retries).toEqual([
      { startMs: 200, endMs: 700, attempt: 1, model: 'primary', reason: 'primary is overloaded' },
      { startMs: 900, endMs: 1400, attempt: 2, model: 'primary', reason: 'primary is overloaded' },
    ])
    expect(model?.name).toBe('backup')
    for (const retry of model?.retries ?? []) {
      expect(retry.startMs).toBeGreaterThanOrEqual(model!.startMs)
      expect(retry.endMs).toBeLessThanOrEqual(model!.endMs)
    }
  })

  it('cuts a wait that Stop ended at the end of its bar, and a live wait at the live end', async () => {
    const clock = { t: 0 }
    const events = await eventsOfRun(retryingModel(clock, 1), clock)
    const cut = events.findIndex((e) => e.type === 'model-retry')
    // Live: only the run up to the retry has arrived; the page is 300 ms further on.
    const live = recordOf(events.slice(0, cut + 1), { status: 'running' })
    const [span] = ganttSpansOf([live], { liveEndMs: 500 }).filter((s) => s.kind === 'model')
    expect(span).toMatchObject({ running: true, endMs: 500 })
    expect(span?.retries).toEqual([{ startMs: 200, endMs: 500, attempt: 1, model: 'primary', reason: 'primary is overloaded' }])
  })

  it('has no retries on a model call that needed none', async () => {
    const clock = { t: 0 }
    const record = recordOf(await eventsOfRun(retryingModel(clock, 0), clock))
    expect(ganttSpansOf([record]).find((s) => s.kind === 'model')?.retries).toBeUndefined()
  })
})
