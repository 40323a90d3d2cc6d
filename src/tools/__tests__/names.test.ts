// The tool-name sanitizer: every output valid and unique, valid free names untouched.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { z } from 'zod'
import { defineTool } from '../../core/index.ts'
import { TOOL_NAME_PATTERN, mergeToolSets, originalNameOf, uniqueToolNames, validToolName } from '../names.ts'

describe('tool names', () => {
  it('any list of names becomes valid, unique (ignoring case) and free of the taken ones', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 90 }), { maxLength: 40 }), fc.array(fc.string({ maxLength: 70 }), { maxLength: 10 }), (names, taken) => {
      const result = uniqueToolNames(names, taken)
      expect(result).toHaveLength(names.length)
      for (const name of result) expect(name).toMatch(TOOL_NAME_PATTERN)
      const lower = result.map((name) => name.toLowerCase())
      expect(new Set(lower).size).toBe(lower.length)
      const takenLower = new Set(taken.map((name) => name.toLowerCase()))
      for (const name of lower) expect(takenLower.has(name)).toBe(false)
    }))
  })

  it('a valid name that is free is kept exactly', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z0-9_-]{1,64}$/)), (names) => {
      expect(uniqueToolNames(names)).toEqual(names)
    }))
  })

  it('makes readable names', () => {
    expect(validToolName('get weather.now')).toBe('get_weather_now')
    expect(validToolName('café')).toBe('cafe')
    expect(validToolName('')).toBe('tool')
    expect(validToolName('x'.repeat(100))).toHaveLength(64)
    expect(uniqueToolNames(['search', 'Search', 'search'])).toEqual(['search', 'Search_2', 'search_3'])
    expect(uniqueToolNames(['x'.repeat(64), 'x'.repeat(64)])[1]).toBe(`${'x'.repeat(62)}_2`)
  })

  it('mergeToolSets renames later clashing tools and keeps the original for display', async () => {
    const make = (name: string) => defineTool({ name, description: name, input: z.object({}), run: () => name })
    const [first, second] = mergeToolSets([make('search')], [make('search')])
    expect(first!.name).toBe('search')
    expect(second!.name).toBe('search_2')
    expect(second!.spec.name).toBe('search_2')
    expect(originalNameOf(second!)).toBe('search')
    expect(originalNameOf(first!)).toBe('search')
    expect(await second!.run({}, { signal: new AbortController().signal, callId: 'c', runId: 'r' })).toBe('search')
  })
})
