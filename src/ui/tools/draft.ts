// The tool editor's working copy: every field as the form holds it (text and numbers), turned
// into a definition on save. Pure, so it is tested without a browser.
import type { CustomToolDefinition } from '../../state/custom-tools.ts'
import { fieldsOf, schemaOf, type SchemaField } from './schema-fields.ts'

export interface Draft {
  name: string
  description: string
  kind: 'mock' | 'code'
  /** The input schema as JSON text (the form's fields write it; the raw editor is the same text). */
  schemaText: string
  delayKind: 'fixed' | 'random'
  delayMs: number
  minMs: number
  maxMs: number
  /** One progress message per line. */
  steps: string
  output: string
  /** Percent, 0–100. */
  failurePercent: number
  failureMessage: string
  body: string
  /** Seconds; 0 leaves the agent's limit. */
  timeoutS: number
  enabled: boolean
}

export const CODE_TEMPLATE = `// args: the call's arguments · signal: aborts on Stop · sleep(ms): waits
yield 'Starting…'
await sleep(500)
yield { message: 'Half way', fraction: 0.5 }
await sleep(500)
return \`Done with \${JSON.stringify(args)}\``

export function newDraft(): Draft {
  return {
    name: '', description: '', kind: 'mock',
    schemaText: JSON.stringify(schemaOf([{ name: 'query', type: 'string', required: true, description: '' }]), null, 2),
    delayKind: 'fixed', delayMs: 1000, minMs: 500, maxMs: 2000,
    steps: '', output: 'Result for {{query}}', failurePercent: 0, failureMessage: '',
    body: CODE_TEMPLATE, timeoutS: 0, enabled: true,
  }
}

/** The draft of an existing definition. */
export function draftOf(tool: CustomToolDefinition): Draft {
  const base = newDraft()
  const draft: Draft = { ...base, name: tool.name, description: tool.description, kind: tool.impl.kind, schemaText: JSON.stringify(tool.inputSchema, null, 2), timeoutS: (tool.timeoutMs ?? 0) / 1000, enabled: tool.enabled }
  if (tool.impl.kind === 'code') return { ...draft, body: tool.impl.body }
  const { delay } = tool.impl
  return {
    ...draft,
    ...(delay.kind === 'fixed' ? { delayKind: 'fixed', delayMs: delay.ms } : { delayKind: 'random', minMs: delay.minMs, maxMs: delay.maxMs }),
    steps: tool.impl.steps.join('\n'), output: tool.impl.output,
    failurePercent: Math.round(tool.impl.failureRate * 1000) / 10, failureMessage: tool.impl.failureMessage ?? '',
  }
}

/** The form's fields for the draft's schema, or undefined when it is richer than the form. */
export function draftFields(draft: Draft): SchemaField[] | undefined {
  try {
    return fieldsOf(JSON.parse(draft.schemaText))
  } catch {
    return undefined
  }
}

/** The definition a draft describes, or what is wrong with it (checked further by the schema). */
export function definitionOf(draft: Draft): { ok: true; tool: CustomToolDefinition } | { ok: false; error: string } {
  let inputSchema: unknown
  try {
    inputSchema = JSON.parse(draft.schemaText)
  } catch (error) {
    return { ok: false, error: `The input schema is not JSON: ${error instanceof Error ? error.message : 'unreadable'}.` }
  }
  if (typeof inputSchema !== 'object' || inputSchema === null || Array.isArray(inputSchema)) return { ok: false, error: 'The input schema must be a JSON object, like {"type": "object", "properties": {}}.' }
  if (!draft.name.trim()) return { ok: false, error: 'Give the tool a name: the model calls it by that name.' }
  const impl: CustomToolDefinition['impl'] = draft.kind === 'code'
    ? { kind: 'code', body: draft.body }
    : {
      kind: 'mock',
      delay: draft.delayKind === 'fixed' ? { kind: 'fixed', ms: draft.delayMs } : { kind: 'random', minMs: draft.minMs, maxMs: draft.maxMs },
      steps: draft.steps.split('\n').map((s) => s.trim()).filter((s) => s !== ''),
      output: draft.output,
      failureRate: draft.failurePercent / 100,
      ...(draft.failureMessage.trim() ? { failureMessage: draft.failureMessage.trim() } : {}),
    }
  return {
    ok: true,
    tool: {
      name: draft.name.trim(), description: draft.description.trim(), inputSchema: inputSchema as Record<string, unknown>, enabled: draft.enabled, impl,
      ...(draft.timeoutS > 0 ? { timeoutMs: Math.round(draft.timeoutS * 1000) } : {}),
    },
  }
}
