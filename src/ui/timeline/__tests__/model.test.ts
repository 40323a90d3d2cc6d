import { describe, expect, it } from 'vitest'
import { timelineRows } from '../model.ts'

describe('timelineRows', () => {
  it('places calls on one scale and grows running ones up to now', () => {
    const { scaleEndMs, rows } = timelineRows(
      [
        { callId: 'a', name: 'fetch', startMs: 0, endMs: 500, status: 'ok', progress: [{ t: 250, message: 'half', fraction: 0.5 }] },
        { callId: 'b', name: 'ocr', startMs: 200, status: 'running', progress: [{ t: 300, fraction: 0.2 }, { t: 600, message: 'page 2' }] },
      ],
      800,
    )
    expect(scaleEndMs).toBe(800)
    expect(rows[0]).toMatchObject({ leftPct: 0, widthPct: 62.5, ticksPct: [31.25], message: 'half', fraction: 0.5, running: false, status: 'ok' })
    expect(rows[1]).toMatchObject({ leftPct: 25, widthPct: 75, durationMs: 600, running: true, status: 'running', message: 'page 2', fraction: 0.2 })
    const later = timelineRows([{ callId: 'b', name: 'ocr', startMs: 200, status: 'running', progress: [] }], 1000)
    expect(later.rows[0]?.durationMs).toBe(800)
  })
  it('clamps fractions and widens the scale to the last end', () => {
    const { scaleEndMs, rows } = timelineRows([{ callId: 'a', name: 'x', startMs: 0, endMs: 2000, status: 'error', progress: [{ t: 10, fraction: 3 }] }], 100)
    expect(scaleEndMs).toBe(2000)
    expect(rows[0]?.fraction).toBe(1)
    expect(rows[0]?.message).toBeUndefined()
  })
})
