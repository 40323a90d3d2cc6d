import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { defineTool, toInputSchema } from '../tool.ts'

describe('defineTool', () => {
  it('gives providers the JSON Schema of the arguments, made once when first read', () => {
    const input = z.object({ city: z.string().describe('City name'), days: z.number().int().optional() })
    const tool = defineTool({ name: 'get_weather', description: 'Weather', input, run: () => 'sunny' })
    const first = tool.spec.inputSchema
    expect(first).toEqual(toInputSchema(input))
    expect(first).toMatchObject({ type: 'object', properties: { city: { type: 'string', description: 'City name' } }, required: ['city'] })
    expect(tool.spec.inputSchema).toBe(first)
    // A spec copied or sent (spread, JSON, structured clone) carries the schema as plain data.
    expect(JSON.parse(JSON.stringify(tool.spec))).toEqual({ name: 'get_weather', description: 'Weather', inputSchema: first })
    expect(structuredClone({ ...tool.spec })).toEqual({ name: 'get_weather', description: 'Weather', inputSchema: first })
  })

  it('rejects a name a provider would refuse', () => {
    expect(() => defineTool({ name: 'has space', description: '', input: z.object({}), run: () => 0 })).toThrow(TypeError)
  })
})
