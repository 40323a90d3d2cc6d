import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { fieldsOf, schemaOf, type SchemaField } from '../schema-fields.ts'

const field = fc.record({
  name: fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && s !== '' && s !== '__proto__'),
  type: fc.constantFrom('string' as const, 'number' as const, 'integer' as const, 'boolean' as const),
  required: fc.boolean(),
  description: fc.string({ maxLength: 20 }).map((s) => s.trim()),
})

describe('the editor’s simple schema form', () => {
  it('reads back the fields it wrote, for any fields with distinct names', () => {
    // As sets: a JSON object lists integer-like keys ("0") first, whatever order they were set in.
    const byName = (fields: readonly SchemaField[] | undefined): SchemaField[] => [...(fields ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1))
    fc.assert(fc.property(fc.uniqueArray(field, { selector: (f) => f.name, maxLength: 6 }), (fields: SchemaField[]) => {
      expect(byName(fieldsOf(schemaOf(fields)))).toEqual(byName(fields))
    }))
  })

  it('leaves richer schemas to the JSON editor', () => {
    expect(fieldsOf({ type: 'object', properties: { tags: { type: 'array', items: { type: 'string' } } } })).toBeUndefined()
    expect(fieldsOf({ type: 'object', properties: { unit: { type: 'string', enum: ['c', 'f'] } } })).toBeUndefined()
    expect(fieldsOf({ type: 'object', properties: {}, additionalProperties: false })).toBeUndefined()
    expect(fieldsOf({ type: 'object', properties: { a: { type: 'string' } }, required: ['b'] })).toBeUndefined()
    expect(fieldsOf([])).toBeUndefined()
  })

  it('skips rows without a name', () => {
    expect(schemaOf([{ name: ' ', type: 'string', required: true, description: '' }])).toEqual({ type: 'object', properties: {} })
  })
})
