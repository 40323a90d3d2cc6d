// Custom tool files: export and import round-trip, bad files say what is wrong, code arrives disabled.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CustomToolSchema, exportCustomTools, importCustomTools, parseCustomTools, type CustomToolDefinition } from '../definition.ts'

const mock: CustomToolDefinition = CustomToolSchema.parse({
  name: 'fetch_a', description: 'A 0.5 s fetch.', impl: { kind: 'mock', delay: { kind: 'fixed', ms: 500 }, steps: ['Connecting'], output: 'fetched {{url}}' },
})
const code: CustomToolDefinition = CustomToolSchema.parse({
  name: 'count', description: 'Counts.', enabled: true, timeoutMs: 5000, impl: { kind: 'code', body: 'for (let i = 0; i < 3; i++) { yield `step ${i}`; await sleep(10) }\nreturn args.n * 2' },
})

describe('custom tool files', () => {
  it('export then import gives the same definitions, with code tools disabled', () => {
    const result = importCustomTools(exportCustomTools([mock, code]))
    expect(result).toEqual({ ok: true, tools: [mock, { ...code, enabled: false }], disabledCode: ['count'] })
  })

  it('round-trips any valid mock definition exactly', () => {
    const arbitrary = fc.record({
      name: fc.string({ minLength: 1, maxLength: 40 }),
      description: fc.string({ maxLength: 100 }),
      ms: fc.integer({ min: 0, max: 600_000 }),
      steps: fc.array(fc.string({ maxLength: 30 }), { maxLength: 5 }),
      output: fc.string({ maxLength: 200 }),
      failureRate: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    fc.assert(fc.property(arbitrary, ({ name, description, ms, steps, output, failureRate }) => {
      const definition = CustomToolSchema.parse({ name, description, impl: { kind: 'mock', delay: { kind: 'fixed', ms }, steps, output, failureRate } })
      expect(importCustomTools(exportCustomTools([definition]))).toEqual({ ok: true, tools: [definition], disabledCode: [] })
    }))
  })

  it('bad files get a message that names the problem, and never throw', () => {
    const error = (text: string) => {
      const result = importCustomTools(text)
      expect(result.ok).toBe(false)
      return result.ok ? '' : result.error
    }
    expect(error('{not json')).toMatch(/not JSON/)
    expect(error(JSON.stringify({ format: 'lanes-custom-tools', v: 2, tools: [] }))).toMatch(/version 2.*version 1/)
    expect(error(JSON.stringify({ format: 'lanes-custom-tools', v: 1, tools: [{ ...mock, impl: { ...mock.impl, delay: { kind: 'random', minMs: 9, maxMs: 1 } } }] })))
      .toMatch(/tools\.0\.impl\.delay\.minMs/)
    expect(error(JSON.stringify([{ name: 'x', impl: { kind: 'shell', body: 'rm -rf /' } }]))).toMatch(/tools\.0\.impl/)
    expect(error(JSON.stringify([{ name: 'x', inputSchema: { type: 'string' }, impl: mock.impl }]))).toMatch(/must describe an object/)
    fc.assert(fc.property(fc.string(), (text) => {
      expect(typeof importCustomTools(text).ok).toBe('boolean')
    }))
  })

  it('a bare array of definitions imports too', () => {
    expect(importCustomTools(JSON.stringify([mock]))).toEqual({ ok: true, tools: [mock], disabledCode: [] })
  })

  it('definitions from a link or a run record are checked, and their code is disabled', () => {
    expect(parseCustomTools([code])).toEqual({ ok: true, tools: [{ ...code, enabled: false }], disabledCode: ['count'] })
    expect(parseCustomTools([{ name: '' }]).ok).toBe(false)
    expect(parseCustomTools('nope').ok).toBe(false)
  })
})
