import { describe, expect, it } from 'vitest'
import { recordOf } from '../../runs/__tests__/helpers.ts'
import type { RunRecord } from '../../runs/types.ts'
import { conversationsIn } from '../conversation-open.ts'

const at = (id: string, createdAt: string, conversation?: RunRecord['conversation']): RunRecord =>
  recordOf([], { id, createdAt, ...(conversation ? { conversation } : {}) })

describe('conversationsIn', () => {
  it('orders each thread by place, keeps re-runs apart, takes the newer of an edited place, and leaves other runs out', () => {
    const found = conversationsIn([
      at('b2', '2026-11-30T10:03:00.000Z', { id: 'b', index: 0 }),
      at('a3', '2026-11-30T10:02:00.000Z', { id: 'a', index: 2 }),
      at('a1', '2026-11-30T10:00:00.000Z', { id: 'a', index: 0 }),
      at('a2-old', '2026-11-30T10:01:00.000Z', { id: 'a', index: 1 }),
      at('a2-edited', '2026-11-30T10:01:30.000Z', { id: 'a', index: 1 }),
      at('a1-sequential', '2026-11-30T10:00:30.000Z', { id: 'a', index: 0, rerun: true }),
      at('lone', '2026-11-30T10:04:00.000Z'),
    ])
    expect(found.map((c) => ({ id: c.id, thread: c.thread.map((r) => r.id), reruns: c.reruns.map((r) => r.id) }))).toEqual([
      { id: 'b', thread: ['b2'], reruns: [] },
      { id: 'a', thread: ['a1', 'a2-edited', 'a3'], reruns: ['a1-sequential'] },
    ])
  })
})
