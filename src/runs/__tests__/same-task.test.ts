import { describe, expect, it } from 'vitest'
import { axisSpeedups, taskKeyOf, type AxisRun } from '../same-task.ts'
import type { RunConfig } from '../types.ts'

const config: RunConfig = { provider: 'local', model: 'lanes-local', executor: 'concurrent', toolPack: 'city', tools: ['get_weather', 'get_population'], maxTurns: 10, routingOnly: false }
const run = (over: { executor?: string; text?: string; finished?: boolean; makespanMs: number; toolCalls?: number; model?: string }): AxisRun => ({
  record: { input: { text: over.text ?? 'Weather in three cities', attachments: [] }, config: { ...config, executor: over.executor ?? 'concurrent', model: over.model ?? config.model } },
  finished: over.finished ?? true,
  makespanMs: over.makespanMs,
  toolCalls: over.toolCalls ?? 3,
})

describe('axisSpeedups', () => {
  it('concurrent beside sequential of the same task: the speedup appears without Compare', () => {
    expect(axisSpeedups([run({ makespanMs: 1000 }), run({ executor: 'sequential', makespanMs: 3000 })])).toEqual([{ speedup: 3 }, { speedup: 1 }])
  })

  it('no speedup against a run still going', () => {
    const [done, going] = axisSpeedups([run({ makespanMs: 1000 }), run({ executor: 'sequential', makespanMs: 600, finished: false })])
    expect(going).toEqual({ why: 'no speedup yet: still running' })
    expect(done).toMatchObject({ why: expect.stringContaining('no other finished run of this task') })
  })

  it('no speedup between different tasks: another prompt, another model', () => {
    expect(axisSpeedups([run({ makespanMs: 1000 }), run({ executor: 'sequential', text: 'Other prompt', makespanMs: 3000 })]).every((s) => 'why' in s)).toBe(true)
    expect(axisSpeedups([run({ makespanMs: 1000 }), run({ executor: 'sequential', model: 'gpt-5', makespanMs: 3000 })]).every((s) => 'why' in s)).toBe(true)
  })

  it('a tool-less prompt claims no speedup', () => {
    const speedups = axisSpeedups([run({ makespanMs: 500, toolCalls: 0 }), run({ executor: 'sequential', makespanMs: 500, toolCalls: 0 })])
    expect(speedups).toEqual([{ why: 'no speedup: no tool ran, so the executor makes no difference' }, { why: 'no speedup: no tool ran, so the executor makes no difference' }])
  })

  it('a lone run says nothing, and the task key ignores the executor only', () => {
    expect(axisSpeedups([run({ makespanMs: 1 })])).toEqual([{}])
    expect(taskKeyOf(run({ makespanMs: 1 }).record)).toBe(taskKeyOf(run({ executor: 'sequential', makespanMs: 9 }).record))
  })
})
