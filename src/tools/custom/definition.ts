// Custom tool definitions: plain JSON, so they can be saved, exported, imported, and carried in
// config links and run records. Importing never runs code: code tools arrive disabled.
import { z } from 'zod'

const MAX_DELAY_MS = 600_000

const FixedDelay = z.object({ kind: z.literal('fixed'), ms: z.number().min(0).max(MAX_DELAY_MS) })
const RandomDelay = z.object({ kind: z.literal('random'), minMs: z.number().min(0).max(MAX_DELAY_MS), maxMs: z.number().min(0).max(MAX_DELAY_MS) })
  .refine((delay) => delay.minMs <= delay.maxMs, { message: 'minMs must not be more than maxMs', path: ['minMs'] })

export const MockImplSchema = z.object({
  kind: z.literal('mock'),
  delay: z.discriminatedUnion('kind', [FixedDelay, RandomDelay]),
  /** Progress messages, one per equal slice of the delay; templates like the output. */
  steps: z.array(z.string().max(500)).max(100).default([]),
  /** The result, with {{argument}} placeholders filled from the call's arguments. */
  output: z.string().max(100_000),
  /** Chance from 0 to 1 that a call fails (after its delay) instead of answering. */
  failureRate: z.number().min(0).max(1).default(0),
  failureMessage: z.string().max(2000).optional(),
})

export const CodeImplSchema = z.object({
  kind: z.literal('code'),
  /** The body of `async function* (args, signal, sleep)`: yield for progress, return the result. */
  body: z.string().max(200_000),
})

const JsonSchemaObject = z.record(z.string(), z.unknown()).refine(
  (schema) => schema['type'] === undefined || schema['type'] === 'object',
  { message: 'the input schema must describe an object (type: "object")' },
)

export const CustomToolSchema = z.object({
  /** The author's name; made provider-safe and unique when the tools are built. */
  name: z.string().min(1).max(200),
  description: z.string().max(4000).default(''),
  inputSchema: JsonSchemaObject.default({ type: 'object', properties: {} }),
  timeoutMs: z.number().int().positive().max(3_600_000).optional(),
  enabled: z.boolean().default(true),
  impl: z.discriminatedUnion('kind', [MockImplSchema, CodeImplSchema]),
})

export const CustomToolFileSchema = z.object({
  format: z.literal('lanes-custom-tools'),
  v: z.literal(1),
  tools: z.array(CustomToolSchema).max(200),
})

export type MockImpl = z.infer<typeof MockImplSchema>
export type CodeImpl = z.infer<typeof CodeImplSchema>
export type CustomToolDefinition = z.infer<typeof CustomToolSchema>
/** What a definition may omit (defaults fill it in). */
export type CustomToolInput = z.input<typeof CustomToolSchema>

export type ImportResult =
  | { ok: true; tools: CustomToolDefinition[]; /** Code tools that arrived disabled, for the notice. */ disabledCode: string[] }
  | { ok: false; error: string }

/** The export file for a set of definitions (pretty JSON: people read and diff it). */
export function exportCustomTools(tools: readonly CustomToolDefinition[]): string {
  return `${JSON.stringify({ format: 'lanes-custom-tools', v: 1, tools }, null, 2)}\n`
}

/**
 * Read an export file, or a bare array of definitions. Never throws; a bad file gets a message
 * naming the field. Every code tool comes back disabled, whatever the file said: the user reads
 * the code and enables it.
 */
export function importCustomTools(text: string): ImportResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, error: `This is not a custom tools file: it is not JSON (${error instanceof Error ? error.message : 'unreadable'}).` }
  }
  const file = Array.isArray(json) ? { format: 'lanes-custom-tools', v: 1, tools: json } : json
  if (typeof file === 'object' && file !== null && 'v' in file && file.v !== 1) {
    return { ok: false, error: `This custom tools file is version ${String(file.v)}; this page reads version 1. Update Lanes to import it.` }
  }
  const parsed = CustomToolFileSchema.safeParse(file)
  if (!parsed.success) return { ok: false, error: `This custom tools file has a problem: ${describeIssues(parsed.error)}` }
  return disableCode(parsed.data.tools)
}

/** Definitions that came from anywhere else (a link, a run record): checked, code disabled. */
export function parseCustomTools(value: unknown): ImportResult {
  const parsed = z.array(CustomToolSchema).max(200).safeParse(value)
  if (!parsed.success) return { ok: false, error: `The custom tools are not valid: ${describeIssues(parsed.error)}` }
  return disableCode(parsed.data)
}

function disableCode(tools: CustomToolDefinition[]): ImportResult {
  const disabledCode = tools.filter((tool) => tool.impl.kind === 'code').map((tool) => tool.name)
  return { ok: true, tools: tools.map((tool) => (tool.impl.kind === 'code' ? { ...tool, enabled: false } : tool)), disabledCode }
}

function describeIssues(error: z.ZodError): string {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.length ? issue.path.join('.') : '(file)'}: ${issue.message}`).join('; ')
}
