// Synthetic spans for benchmarks and demos: a concurrent run and its sequential twin, with
// model calls (TTFT marks) and tool calls (progress ticks), deterministic for a given n.
import type { GanttSpan } from '../../runs/types.ts'
import type { GanttRunSummary } from './layout.ts'

/** `n` spans over two runs plus their summaries, the same every call. */
export function syntheticGantt(n: number): { spans: GanttSpan[]; runs: GanttRunSummary[] } {
  const spans: GanttSpan[] = []
  const labels = ['concurrent', 'sequential'] as const
  const ends = { concurrent: 0, sequential: 0 }
  const tool = { concurrent: 0, sequential: 0 }
  const model = { concurrent: 0, sequential: 0 }
  for (let i = 0; i < n; i++) {
    const run = labels[i % 2] ?? 'concurrent'
    const turn = Math.floor(i / 20)
    const isModel = i % 20 < 2
    // Pseudo-random but fixed durations: 40..440 ms.
    const duration = 40 + ((i * 7919) % 400)
    const startMs = run === 'concurrent' ? turn * 500 + (isModel ? 0 : 60) : ends.sequential
    const endMs = startMs + duration
    ends[run] = Math.max(ends[run], endMs)
    if (isModel) model[run] += duration
    else tool[run] += duration
    spans.push({
      run,
      kind: isModel ? 'model' : 'tool',
      name: isModel ? 'local-demo' : `tool_${i % 7}`,
      key: `${run}/${i}`,
      turn,
      ...(isModel ? {} : { callId: `call_${i}` }),
      startMs,
      endMs,
      running: false,
      ...(isModel ? { ttftMs: startMs + duration / 3 } : { ticks: [startMs + duration / 4, startMs + duration / 2, startMs + (3 * duration) / 4] }),
      status: i % 97 === 5 ? 'error' : 'ok',
      args: { index: i, query: `item ${i}` },
      output: `result ${i}`,
      critical: i % 5 === 0,
    })
  }
  const runs: GanttRunSummary[] = labels.map((label) => ({
    label,
    makespanMs: ends[label],
    toolTimeMs: tool[label],
    modelTimeMs: model[label],
    ...(label === 'sequential' && ends.concurrent > 0 ? { speedup: ends.sequential / ends.concurrent } : {}),
  }))
  return { spans, runs }
}
