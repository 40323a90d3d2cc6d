import { describe, expect, it } from 'vitest'
import { metricsOf } from '../../runs/metrics.ts'
import { sampleCityRecord } from '../../runs/samples.ts'
import { openReadOnly, replayStore, restoreWhole, seek } from '../replay.ts'
import { runsStore } from '../runs.ts'

describe('Run again after scrubbing a replay', () => {
  it('compares against the whole original run, not the scrubbed copy', () => {
    const original = sampleCityRecord()
    const whole = JSON.stringify(original.events)
    const makespan = metricsOf(original.events).makespanMs
    openReadOnly(original, 'shared')
    seek(replayStore.getState().durationMs / 3) // scrubbed back: the axis shows a third of the run
    const onAxis = (): number => runsStore.getState().runs[0]!.record.events.length
    expect(onAxis()).toBeLessThan(original.events.length)

    const compared = restoreWhole()
    expect(JSON.stringify(compared?.events)).toBe(whole)
    expect(metricsOf(compared!.events).makespanMs).toBe(makespan)
    expect(onAxis()).toBe(original.events.length)
    expect(runsStore.getState().runs[0]!.view.status).not.toBe('running')
    expect(replayStore.getState().positionMs).toBe(replayStore.getState().durationMs)
  })

  it('also when the axis holds a copy of the replayed run', () => {
    const original = sampleCityRecord(2)
    openReadOnly(original, 'shared')
    seek(replayStore.getState().durationMs / 2)
    // Something on the axis (pin, hide) replaced the run object with a copy, then the user
    // scrubbed further back: the copy still holds the half run.
    runsStore.setState((s) => ({ runs: s.runs.map((r) => ({ ...r, pinned: true })) }))
    seek(0)
    expect(runsStore.getState().runs[0]!.record.events.length).toBeLessThan(original.events.length)
    restoreWhole()
    expect(runsStore.getState().runs[0]!.record.events.length).toBe(original.events.length)
    expect(runsStore.getState().runs[0]!.pinned).toBe(true)
  })
})
