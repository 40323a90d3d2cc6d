import { describe, expect, it } from 'vitest'
import { ganttSpansOf } from '../gantt.ts'
import { metricsOf } from '../metrics.ts'
import { sampleCityRecord, sampleManyToolsRecord } from '../samples.ts'
import { structureOf } from '../structure.ts'

describe('run structure', () => {
  for (const [name, record] of [['city', sampleCityRecord()], ['30 tools', sampleManyToolsRecord(30)]] as const) {
    it(`gives the same Gantt and timing metrics as the whole log (${name})`, () => {
      const structure = structureOf(record.events)
      expect(structure.events.length).toBeLessThan(record.events.length)
      expect(structure.events.filter((e) => e.type === 'text-delta').length).toBe(new Set(record.events.flatMap((e) => (e.type === 'text-delta' ? [e.turn] : []))).size)
      expect(ganttSpansOf([{ record: { ...record, events: structure.events }, label: 'r' }])).toEqual(ganttSpansOf([{ record, label: 'r' }]))
      const full = metricsOf(record.events)
      const lean = metricsOf(structure.events)
      for (const key of ['makespanMs', 'ttftMs', 'modelTimeMs', 'toolTimeMs', 'toolPhaseMs', 'overlap', 'toolCalls', 'turns'] as const) expect(lean[key]).toEqual(full[key])
    })
  }
})
