import { describe, expect, it } from 'vitest'
import { exportHistory, importHistory } from '../history-io.ts'
import { HistoryError, openHistory, toHistoryError } from '../history-store.ts'
import { sampleCityRecord, sampleManyToolsRecord } from '../samples.ts'

describe('exportHistory / importHistory', () => {
  it('round-trips records in shareable form, without keys', () => {
    const city = sampleCityRecord()
    Object.assign(city.config, { apiKey: 'sk-abcdefghijklmnopqrstuvwxyz' })
    const running = { ...sampleManyToolsRecord(2), status: 'running' as const }
    const text = exportHistory([city, running])
    expect(JSON.parse(text)).toMatchObject({ format: 'lanes-runs', v: 1 })
    expect(text).not.toContain('sk-abcdefghijklmnopqrstuvwxyz')
    const { records, skipped } = importHistory(text)
    expect(skipped).toEqual([])
    expect(records.map((r) => r.id)).toEqual([city.id, running.id])
    expect(records[0]?.events).toEqual(city.events)
    expect(records[1]?.status).toBe('interrupted')
  })

  it('skips invalid runs by index and keeps the rest', () => {
    const good = sampleCityRecord()
    const text = JSON.stringify({ format: 'lanes-runs', v: 1, runs: [good, { v: 1, id: 'bad' }, 42] })
    const { records, skipped } = importHistory(text)
    expect(records).toHaveLength(1)
    expect(skipped.map((s) => s.index)).toEqual([1, 2])
    expect(skipped[0]?.reason).toMatch(/Not a valid Lanes run record/)
  })

  it.each([
    ['not json', /not JSON/],
    ['{"format":"other","runs":[]}', /not a Lanes history export/],
    ['{"format":"lanes-runs","v":9,"runs":[]}', /version 9/],
  ])('rejects the file %s with a clear reason', (text, reason) => {
    const result = importHistory(text)
    expect(result.records).toEqual([])
    expect(result.skipped[0]?.index).toBe(-1)
    expect(result.skipped[0]?.reason).toMatch(reason)
  })
})

describe('openHistory without IndexedDB (Node)', () => {
  it('resolves to a typed "unavailable", never rejects', async () => {
    const history = await openHistory()
    expect(history.available).toBe(false)
    if (!history.available) {
      expect(history.error).toBeInstanceOf(HistoryError)
      expect(history.error.reason).toBe('missing')
      expect(history.error.message).toMatch(/kept in memory/)
    }
  })

  it('maps a factory that throws (blocked storage) to "blocked"', async () => {
    const factory = { open: () => { throw new DOMException('denied', 'SecurityError') } } as unknown as IDBFactory
    const history = await openHistory({ indexedDB: factory })
    expect(!history.available && history.error.reason).toBe('blocked')
  })

  it('maps storage errors to reasons with actionable messages', () => {
    expect(toHistoryError(new DOMException('full', 'QuotaExceededError'))).toMatchObject({ reason: 'quota', message: expect.stringMatching(/storage is full/) as unknown })
    expect(toHistoryError(new DOMException('x', 'InvalidStateError')).reason).toBe('blocked')
    expect(toHistoryError(new Error('x')).reason).toBe('failed')
  })
})
