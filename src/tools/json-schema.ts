// JSON Schema for tools that arrive as JSON (MCP servers, the tool editor), checked without eval:
// zod's converter, run jitless like the rest of the page. Ajv, the usual choice, compiles
// validators with new Function, which the page's Content-Security-Policy forbids.
import { z } from 'zod'

/** Any JSON object: the fallback when a schema uses something the converter cannot express. */
const ANY_OBJECT = z.record(z.string(), z.unknown())

/**
 * A zod schema for a tool's JSON Schema input. Unconvertible schemas fall back to "any object"
 * (the tool itself still validates), so a server with an exotic schema still works.
 */
export function zodFromJsonSchema(schema: unknown): z.ZodType {
  if (typeof schema !== 'object' || schema === null) return ANY_OBJECT
  try {
    return z.fromJSONSchema(schema as Parameters<typeof z.fromJSONSchema>[0])
  } catch {
    return ANY_OBJECT
  }
}

/** The shape the MCP SDK expects of a JSON Schema validator provider (its `jsonSchemaValidator` option). */
export interface JsonSchemaValidatorProvider {
  getValidator<T>(schema: unknown): (input: unknown) => { valid: true; data: T; errorMessage: undefined } | { valid: false; data: undefined; errorMessage: string }
}

/** A validator provider for the SDK client that never evaluates code. */
export const evalFreeValidator: JsonSchemaValidatorProvider = {
  getValidator<T>(schema: unknown) {
    const zod = zodFromJsonSchema(schema)
    return (input: unknown) => {
      const result = zod.safeParse(input)
      if (result.success) return { valid: true as const, data: input as T, errorMessage: undefined }
      const detail = result.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')
      return { valid: false as const, data: undefined, errorMessage: detail }
    }
  },
}
