import { describe, expect, it } from 'vitest'
import { appendEvent, newRecord, redactSecrets, titleFromPrompt, toShareable, validateRecord } from '../record.ts'
import { sampleCityRecord } from '../samples.ts'
import type { RunRecord } from '../types.ts'
import { eventsOf, recordOf } from './helpers.ts'

const allVariants = (): RunRecord => {
  const record = recordOf(eventsOf([{ modelStart: 0, modelEnd: 10, usage: { inputTokens: 1, outputTokens: 2 }, tools: [{ id: 'a', start: 10, end: 20, ticks: [15] }] }, { modelStart: 20, ttft: 25, words: ['hi'], modelEnd: 30 }]))
  record.events.splice(3, 0,
    { type: 'model-retry', t: 1, turn: 1, model: 'm1', attempt: 1, delayMs: 500, reason: '429' },
    { type: 'model-fallback', t: 2, turn: 1, from: 'm1', to: 'm2', reason: '500' },
    { type: 'tool-progress', t: 16, callId: 'a', progress: 'a line' })
  return record
}

describe('validateRecord', () => {
  it('accepts a full record with every event variant', () => {
    const record = allVariants()
    const types = new Set(record.events.map((event) => event.type))
    expect(types.size).toBe(12)
    const checked = validateRecord(JSON.parse(JSON.stringify(record)))
    expect(checked).toEqual({ ok: true, value: record })
  })

  it('strips unknown keys at every level', () => {
    const json = JSON.parse(JSON.stringify(sampleCityRecord())) as Record<string, unknown> & { config: Record<string, unknown>; events: Record<string, unknown>[] }
    json['apiKey'] = 'sk-secret'
    json.config['apiKey'] = 'sk-secret'
    json.events[0]!['extra'] = 1
    const checked = validateRecord(json)
    expect(checked.ok).toBe(true)
    expect(JSON.stringify(checked)).not.toContain('secret')
    expect(JSON.stringify(checked)).not.toContain('extra')
  })

  it.each([
    ['version', (r: Record<string, unknown>) => { r['v'] = 2 }, 'v'],
    ['date', (r: Record<string, unknown>) => { r['createdAt'] = 'yesterday' }, 'createdAt'],
    ['executor', (r: Record<string, unknown>) => { (r['config'] as Record<string, unknown>)['executor'] = 'parallel' }, 'config.executor'],
    ['event type', (r: Record<string, unknown>) => { (r['events'] as Record<string, unknown>[])[1]!['type'] = 'nope' }, 'events.1.type'],
    ['event time', (r: Record<string, unknown>) => { (r['events'] as Record<string, unknown>[])[1]!['t'] = -1 }, 'events.1.t'],
    ['tool status', (r: Record<string, unknown>) => {
      const events = r['events'] as Record<string, unknown>[]
      events.find((e) => e['type'] === 'tool-end')!['status'] = 'fine'
    }, 'status'],
    ['thumbnail scheme', (r: Record<string, unknown>) => {
      (r['input'] as { attachments: unknown[] }).attachments.push({ name: 'x', mediaType: 'image/png', size: 1, hash: 'ab', thumbnail: 'javascript:alert(1)' })
    }, 'thumbnail'],
  ])('rejects a bad %s and names the path', (_name, mutate, path) => {
    const json = JSON.parse(JSON.stringify(allVariants())) as Record<string, unknown>
    mutate(json)
    const checked = validateRecord(json)
    expect(checked.ok).toBe(false)
    if (!checked.ok) expect(checked.error).toContain(path)
  })

  it('rejects non-objects with a message', () => {
    for (const value of [null, 1, 'x', [], undefined]) {
      const checked = validateRecord(value)
      expect(checked.ok).toBe(false)
      if (!checked.ok) expect(checked.error).toMatch(/Not a valid Lanes run record/)
    }
  })
})

describe('newRecord and appendEvent', () => {
  it('makes a running record titled from the prompt', () => {
    const config = sampleCityRecord().config
    const record = newRecord(config, { text: '  What is\nthe weather?  ', attachments: [] }, { id: 'x', createdAt: '2026-01-01T00:00:00.000Z' })
    expect(record).toMatchObject({ v: 1, id: 'x', createdAt: '2026-01-01T00:00:00.000Z', status: 'running', title: 'What is the weather?', events: [] })
    expect(validateRecord(record).ok).toBe(true)
    expect(newRecord(config, { text: 'a', attachments: [] }).id).not.toBe(newRecord(config, { text: 'a', attachments: [] }).id)
  })

  it('appends in place and finishes on run-end', () => {
    const record = newRecord(sampleCityRecord().config, { text: 'hi', attachments: [] })
    const events = eventsOf([{ modelStart: 0, modelEnd: 5 }])
    for (const event of events.slice(0, -1)) expect(appendEvent(record, event)).toBe(record)
    expect(record.status).toBe('running')
    appendEvent(record, events.at(-1)!)
    expect(record.status).toBe('done')
    expect(record.events).toEqual(events)
  })

  it('titles long and empty prompts', () => {
    expect(titleFromPrompt('')).toBe('Untitled run')
    expect(titleFromPrompt('x'.repeat(100))).toHaveLength(60)
  })
})

describe('toShareable', () => {
  const secretRecord = (): RunRecord => {
    const record = sampleCityRecord()
    record.config.baseURL = 'https://example.com/v1?key=AIzaSyA1234567890123456789012345678901'
    record.config.system = 'Use Bearer abcdefghijklmnopqrstuvwxyz123456 for auth'
    record.input.attachments.push({ name: 'r.png', mediaType: 'image/png', size: 10, hash: 'abc', thumbnail: 'data:image/png;base64,AAAA' })
    const start = record.events.find((event) => event.type === 'tool-start')!
    if (start.type === 'tool-start') start.args = { city: 'Seattle', apiKey: 'sk-1234567890abcdefghijkl', nested: [{ token: 'x', ok: 1 }] }
    const end = record.events.find((event) => event.type === 'tool-end')!
    if (end.type === 'tool-end') end.output = 'Used key sk-proj-abcdefghijklmnopqrstuvwx to call'
    Object.assign(record.input.attachments[0]!, { data: 'BYTES' })
    return record
  }

  it('drops keys, key-looking strings, attachment bytes and (by default) thumbnails', () => {
    const shared = toShareable(secretRecord(), { inlineThumbnails: false })
    const text = JSON.stringify(shared)
    for (const secret of ['AIzaSy', 'abcdefghijklmnopqrstuvwxyz123456', 'sk-1234', 'sk-proj', 'apiKey', '"token"', 'BYTES', 'thumbnail']) expect(text).not.toContain(secret)
    expect(text).toContain('[redacted]')
    expect(shared.input.attachments[0]).toEqual({ name: 'r.png', mediaType: 'image/png', size: 10, hash: 'abc' })
    expect(validateRecord(shared).ok).toBe(true)
  })

  it('keeps thumbnails when asked and does not mutate the original', () => {
    const record = secretRecord()
    const before = JSON.stringify(record)
    const shared = toShareable(record, { inlineThumbnails: true })
    expect(shared.input.attachments[0]?.thumbnail).toBe('data:image/png;base64,AAAA')
    expect(JSON.stringify(record)).toBe(before)
    expect(shared.events.length).toBe(record.events.length)
  })

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('Weather in Seattle: Sunny, 72°F & dry?')).toBe('Weather in Seattle: Sunny, 72°F & dry?')
  })
})
