import { describe, expect, it } from 'vitest'
import type { TurnNotice } from '../../../runs/run-view.ts'
import { noticeLines } from '../notice-lines.ts'

const overloaded = 'OpenAI had a server error (500). Try again.'
const retry = (attempt: number, delayMs: number, reason = overloaded, model = 'openai:gpt'): TurnNotice => ({ kind: 'retry', attempt, model, delayMs, reason })

describe('noticeLines', () => {
  it('says consecutive retries of one model for one reason once', () => {
    expect(noticeLines([retry(1, 383), retry(2, 1000), retry(3, 2000)])).toEqual([
      `Retries 1, 2 and 3 of openai:gpt (waited 383 ms, 1.00 s, 2.00 s): ${overloaded}`,
    ])
  })

  it('leaves out a reason the run error already states', () => {
    expect(noticeLines([retry(1, 383)], `${overloaded} (OpenAI said: boom)`)).toEqual(['Retry 1 of openai:gpt (waited 383 ms)'])
  })

  it('keeps different reasons, models and the fallback switch apart, in order', () => {
    const lines = noticeLines([
      retry(1, 100, 'rate limited'),
      retry(2, 200),
      { kind: 'fallback', from: 'openai:gpt', to: 'lanes-local', reason: overloaded },
      retry(1, 50, overloaded, 'lanes-local'),
    ])
    expect(lines).toEqual([
      'Retry 1 of openai:gpt (waited 100 ms): rate limited',
      `Retry 2 of openai:gpt (waited 200 ms): ${overloaded}`,
      `Switched from openai:gpt to lanes-local: ${overloaded}`,
      `Retry 1 of lanes-local (waited 50 ms): ${overloaded}`,
    ])
  })
})
