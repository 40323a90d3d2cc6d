import { describe, expect, it } from 'vitest'
import { spansToCsv } from '../csv.ts'
import { span } from './fixtures.ts'

describe('spansToCsv', () => {
  it('writes the header and one row per span', () => {
    const csv = spansToCsv([
      span({ run: 'concurrent', name: 'weather', callId: 'c1', startMs: 10, endMs: 25.5, status: 'ok', critical: true }),
      span({ run: 'concurrent', kind: 'model', name: 'local', startMs: 0, endMs: 10 }),
    ])
    const lines = csv.split('\r\n')
    expect(lines[0]).toBe('run,kind,name,turn,call_id,start_ms,end_ms,duration_ms,status,critical')
    expect(lines[1]).toBe('concurrent,tool,weather,1,c1,10,25.5,15.5,ok,true')
    expect(lines[2]).toBe('concurrent,model,local,1,,0,10,10,ok,false')
    expect(lines[3]).toBe('')
    expect(lines).toHaveLength(4)
  })
  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    const csv = spansToCsv([span({ run: 'a, "b"', name: 'line\nbreak', startMs: 0, endMs: 1, running: true })])
    expect(csv.split('\r\n')[1]).toBe('"a, ""b""",tool,"line\nbreak",1,,0,1,1,running,false')
  })
})
