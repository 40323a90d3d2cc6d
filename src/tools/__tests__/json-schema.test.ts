// JSON Schema checks without eval: what the MCP client validates structured results with, and
// what custom tools validate their arguments with.
import { describe, expect, it } from 'vitest'
import { evalFreeValidator, zodFromJsonSchema } from '../json-schema.ts'

const weather = {
  type: 'object',
  properties: { temperature: { type: 'number' }, conditions: { type: 'string' } },
  required: ['temperature'],
}

describe('JSON Schema without eval', () => {
  it('the SDK validator accepts matching data and names the field that does not match', () => {
    const validate = evalFreeValidator.getValidator<{ temperature: number }>(weather)
    expect(validate({ temperature: 21, conditions: 'sunny' })).toEqual({ valid: true, data: { temperature: 21, conditions: 'sunny' }, errorMessage: undefined })
    const bad = validate({ temperature: 'warm' })
    expect(bad.valid).toBe(false)
    expect(bad.errorMessage).toMatch(/^temperature: /)
  })

  it('a schema the converter cannot express falls back to any object instead of failing the tool', () => {
    const schema = zodFromJsonSchema({ type: 'object', properties: { x: { $ref: '#/definitions/nowhere' } } })
    expect(schema.safeParse({ x: 1 }).success).toBe(true)
    expect(zodFromJsonSchema(null).safeParse({ any: 'thing' }).success).toBe(true)
  })
})
