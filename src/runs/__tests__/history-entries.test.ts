import { describe, expect, it } from 'vitest'
import type { RunSummary } from '../history-store.ts'
import { historyEntries } from '../history-entries.ts'

const summary = (id: string, createdAt: string, conversation?: RunSummary['conversation']): RunSummary => ({
  id, title: id, createdAt, status: 'done', provider: 'local', model: 'm', executor: 'concurrent', makespanMs: 1, ...(conversation ? { conversation } : {}),
})

describe('historyEntries', () => {
  it('shows a conversation as one row where its newest run falls, and lone runs as they are', () => {
    const rows = historyEntries([
      summary('c3', '2026-11-30T10:03:00Z', { id: 'c', index: 2 }),
      summary('solo', '2026-11-30T10:02:30Z'),
      summary('c2-again', '2026-11-30T10:02:10Z', { id: 'c', index: 1, rerun: true }),
      summary('c2', '2026-11-30T10:02:00Z', { id: 'c', index: 1 }),
      summary('one', '2026-11-30T10:01:30Z', { id: 'single', index: 0 }),
      summary('c1', '2026-11-30T10:01:00Z', { id: 'c', index: 0 }),
    ])
    expect(rows.map((row) => (row.kind === 'run' ? row.summary.id : row.kind === 'conversation' ? `${row.id}:${row.first.id}:${row.messages}+${row.reruns}` : row.id))).toEqual(['c:c1:3+1', 'solo', 'one'])
  })

  it('shows a comparison as one row, even when its runs were run beside a conversation', () => {
    const trial = (id: string, at: string, variant: string, n: number): RunSummary => ({ ...summary(id, at, { id: 'c', index: 1, rerun: true }), comparison: { id: 'cmp', variant, trial: n } })
    const rows = historyEntries([
      trial('b2', '2026-11-30T10:05:00Z', 'B', 2), trial('a2', '2026-11-30T10:04:00Z', 'A', 2),
      summary('solo', '2026-11-30T10:03:30Z'),
      trial('b1', '2026-11-30T10:03:00Z', 'B', 1), trial('a1', '2026-11-30T10:02:00Z', 'A', 1),
      summary('c2', '2026-11-30T10:01:30Z', { id: 'c', index: 1 }), summary('c1', '2026-11-30T10:01:00Z', { id: 'c', index: 0 }),
    ])
    expect(rows.map((row) => (row.kind === 'run' ? row.summary.id : row.kind === 'comparison' ? `${row.id}:${row.variants.join('')}x${row.trials}:${row.summaries.length}` : `${row.id}:${row.messages}+${row.reruns}`)))
      .toEqual(['cmp:ABx2:4', 'solo', 'c:2+0'])
  })
})
