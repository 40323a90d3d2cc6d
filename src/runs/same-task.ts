// When a speedup means something: only between finished runs of the same task. Two runs are the
// same task when they had the same prompt, attachments, tools, system prompt and model; the
// executor (and, for a projection, being computed) is what may differ.
import type { RunRecord } from './types.ts'

/** A key equal for runs of the same task. */
export function taskKeyOf(record: Pick<RunRecord, 'input' | 'config'>): string {
  const { input, config } = record
  return JSON.stringify([
    input.text.trim(),
    input.attachments.map((a) => a.hash || `${a.name}:${a.size}`).sort(),
    [...config.tools].sort(),
    config.system ?? '',
    config.provider,
    config.model,
  ])
}

/** One run on the shared axis, as the speedup needs it. */
export interface AxisRun {
  record: Pick<RunRecord, 'input' | 'config'>
  finished: boolean
  makespanMs: number
  toolCalls: number
}

/** A run's speedup against its task's baseline, or why it has none. */
export type AxisSpeedup = { speedup: number } | { why: string } | Record<string, never>

/**
 * Speedups on one time axis. Runs are grouped by task; in each group of finished runs the
 * baseline is the slowest sequential run (the slowest run when none is sequential), and each run's
 * speedup is baseline ÷ its makespan. A run still going, alone with its task, or of a task whose
 * runs called no tool gets a reason instead. A lone run on the axis gets neither.
 */
export function axisSpeedups(runs: readonly AxisRun[]): AxisSpeedup[] {
  if (runs.length < 2) return runs.map(() => ({}))
  const keys = runs.map((run) => taskKeyOf(run.record))
  const groups = new Map<string, number[]>()
  keys.forEach((key, i) => {
    if (!runs[i]!.finished) return
    const list = groups.get(key) ?? []
    list.push(i)
    groups.set(key, list)
  })
  return runs.map((run, i): AxisSpeedup => {
    if (!run.finished) return { why: 'no speedup yet: still running' }
    const group = groups.get(keys[i]!)!
    if (group.length < 2) return { why: 'no speedup: no other finished run of this task (same prompt, files, tools, model)' }
    if (group.every((j) => runs[j]!.toolCalls === 0)) return { why: 'no speedup: no tool ran, so the executor makes no difference' }
    const sequential = group.filter((j) => runs[j]!.record.config.executor === 'sequential')
    const pool = sequential.length ? sequential : group
    const baseline = Math.max(...pool.map((j) => runs[j]!.makespanMs))
    return run.makespanMs > 0 ? { speedup: baseline / run.makespanMs } : { why: 'no speedup: the run took no time' }
  })
}
