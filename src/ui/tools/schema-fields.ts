// The tool editor's small form for simple input schemas: an object of named string, number,
// integer or boolean fields, each maybe required and described. Anything richer is edited as raw
// JSON Schema (fieldsOf says undefined for it).

export type FieldType = 'string' | 'number' | 'integer' | 'boolean'

export interface SchemaField {
  name: string
  type: FieldType
  required: boolean
  description: string
}

const TYPES: readonly string[] = ['string', 'number', 'integer', 'boolean']

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The fields of a simple object schema, or undefined when the form cannot show it whole. */
export function fieldsOf(schema: unknown): SchemaField[] | undefined {
  if (!isRecord(schema)) return undefined
  if (Object.keys(schema).some((key) => !['type', 'properties', 'required'].includes(key))) return undefined
  if (schema['type'] !== 'object') return undefined
  const properties = schema['properties'] ?? {}
  const required = schema['required'] ?? []
  if (!isRecord(properties) || !Array.isArray(required) || !required.every((r) => typeof r === 'string' && r in properties)) return undefined
  const fields: SchemaField[] = []
  for (const [name, property] of Object.entries(properties)) {
    if (!isRecord(property) || Object.keys(property).some((key) => key !== 'type' && key !== 'description')) return undefined
    const type = property['type']
    const description = property['description'] ?? ''
    if (typeof type !== 'string' || !TYPES.includes(type) || typeof description !== 'string') return undefined
    fields.push({ name, type: type as FieldType, required: required.includes(name), description })
  }
  return fields
}

/** The JSON Schema for form fields (rows without a name are left out; a repeated name keeps its last row). */
export function schemaOf(fields: readonly SchemaField[]): { type: 'object'; properties: Record<string, { type: FieldType; description?: string }>; required?: string[] } {
  const properties: Record<string, { type: FieldType; description?: string }> = {}
  const required = new Set<string>()
  for (const field of fields) {
    const name = field.name.trim()
    if (!name) continue
    properties[name] = { type: field.type, ...(field.description.trim() ? { description: field.description.trim() } : {}) }
    if (field.required) required.add(name)
    else required.delete(name)
  }
  return { type: 'object', properties, ...(required.size ? { required: [...required] } : {}) }
}
