// Tools the demo scenarios don't know (MCP servers, tools made in the page): when the prompt
// names one ("use shout on hello", "call get-sum with 2 and 3", "run echo with message hi"), call
// it with arguments read from the prompt by its JSON Schema, or ask for a missing required one.
import type { ToolSpec } from '../../core/index.ts'
import { parseNumber } from './nlu/numbers.ts'
import { ask, type Intent, type PlanContext, type Step } from './plan-types.ts'
import { code, joinProse, resultsOf, splitList } from './text.ts'

interface PropertySchema { type?: unknown; enum?: unknown }

const VERB_BEFORE = /\b(?:use|call|run|invoke|try|execute|trigger|apply|tool)\s+(?:the\s+)?(?:tool\s+)?$/i

/** The offered tool the prompt names first, and the text after the name. */
export function namedTool(ctx: Pick<PlanContext, 'original' | 'specs' | 'scenarioTools'>): { spec: ToolSpec; rest: string } | undefined {
  const first = namedTools(ctx)[0]
  return first ? { spec: first.spec, rest: first.rest } : undefined
}

/**
 * Every offered tool the prompt names, in the prompt's order, each with the text up to the next
 * name ("call api_fast, api_slow and api_mid": three calls, each with its own arguments).
 */
export function namedTools(ctx: Pick<PlanContext, 'original' | 'specs' | 'scenarioTools'>): { spec: ToolSpec; rest: string; end: number }[] {
  const found: { spec: ToolSpec; at: number; end: number }[] = []
  for (const spec of ctx.specs) {
    const at = nameAt(ctx, spec)
    if (at) found.push({ spec, ...at })
  }
  found.sort((a, b) => a.at - b.at)
  // A name inside another's match (a tool "api" in "api_fast") is not a second tool.
  const kept = found.filter((f, i) => !found.some((g, j) => j !== i && g.at <= f.at && g.end >= f.end && g.end - g.at > f.end - f.at))
  return kept.map((f, i) => {
    const next = kept[i + 1]
    // Before another name, the words that join the two ("and", ", then use") are not a value.
    return { spec: f.spec, end: f.end, rest: next ? withoutJoiners(ctx.original.slice(f.end, next.at)) : ctx.original.slice(f.end) }
  })
}

const JOINER = '(?:and|then|also|use|call|run|invoke|execute|trigger)'
const TRAILING_JOINERS = new RegExp(`(?:^|[\\s,]+)${JOINER}(?:[\\s,]+${JOINER})*$`, 'i')

function withoutJoiners(text: string): string {
  return text.replace(/[\s,]+$/, '').replace(TRAILING_JOINERS, '')
}

/** Where the prompt names one tool, if it does. */
function nameAt(ctx: Pick<PlanContext, 'original' | 'scenarioTools'>, spec: ToolSpec): { at: number; end: number } | undefined {
  // The demo scenarios play their own tools with more care (dependent steps, answers).
  if (ctx.scenarioTools.has(spec.name)) return undefined
  const flexible = spec.name.split(/[-_\s]+/).map(escapeRegExp).join('[-_ ]')
  // The prompt as written: names and string values are taken verbatim (no typo fixes), and
  // numbers in words are read when a value is coerced to its schema type.
  const m = new RegExp(`(?<![\\w-])${flexible}(?![\\w-])`, 'i').exec(ctx.original)
  if (!m) return undefined
  const before = ctx.original.slice(0, m.index)
  // A plain word ("echo", "shout") counts after a verb or as the prompt's first word (a
  // command); a compound name ("get-sum") counts anywhere.
  if (!/[-_]/.test(spec.name) && !VERB_BEFORE.test(before) && before.trim() !== '') return undefined
  return { at: m.index, end: m.index + m[0].length }
}

/** Calls a tool the prompt names, arguments filled from the prompt by the tool's schema. */
export const schemaIntent: Intent = {
  id: 'named-tool',
  tools: [],
  score: (ctx) => (namedTool(ctx) ? 6 : 0),
  next(ctx): Step {
    const several = severalCalls(ctx)
    if (several) return several
    const named = namedTool(ctx)
    if (!named) return ask('Which tool should I use?')
    const { spec } = named
    const result = resultsOf(ctx, spec.name)[0]
    if (result) return { kind: 'answer', text: result.isError ? `${code(spec.name)} failed: ${result.output}` : `${code(spec.name)} returned:\n\n${result.output}` }
    const filled = argumentsFor(spec, named.rest)
    if (filled.invalid.length > 0) {
      const [key, type] = filled.invalid[0]!
      return ask(`${code(key)} for ${code(spec.name)} must be ${type === 'integer' ? 'a whole number' : type === 'number' ? 'a number' : type === 'boolean' ? 'yes or no' : `one of ${enumList(spec, key)}`}: what should it be?`)
    }
    if (filled.missing.length > 0) return ask(`What should ${joinProse(filled.missing.map(code))} be for ${code(spec.name)}?`)
    return { kind: 'calls', preface: `Calling ${code(spec.name)}.`, calls: [{ name: spec.name, args: filled.args }] }
  },
}

/**
 * Several named tools whose arguments are all there: called together in one turn (they are
 * independent: the prompt gives each its own), then one answer with every result. Undefined when
 * fewer than two are named, or one of them still needs a value (then the first one plays alone
 * and asks for it).
 */
function severalCalls(ctx: PlanContext): Step | undefined {
  const named = namedTools(ctx).filter((n, i, all) => all.findIndex((m) => m.spec.name === n.spec.name) === i)
  if (named.length < 2) return undefined
  const results = named.map((n) => resultsOf(ctx, n.spec.name)[0])
  if (results.every((r) => r !== undefined)) {
    return { kind: 'answer', text: named.map((n, i) => `${code(n.spec.name)} ${results[i]?.isError ? 'failed' : 'returned'}: ${results[i]?.output ?? ''}`).join('\n\n') }
  }
  if (results.some((r) => r !== undefined)) return undefined
  const filled = named.map((n) => argumentsFor(n.spec, n.rest))
  if (filled.some((f) => f.missing.length > 0 || f.invalid.length > 0)) return undefined
  return { kind: 'calls', preface: `Calling ${joinProse(named.map((n) => code(n.spec.name)))}.`, calls: named.map((n, i) => ({ name: n.spec.name, args: filled[i]?.args ?? {} })) }
}

/**
 * Arguments for a tool from the words after its name: "key value" / "key: value" / "key=value"
 * segments by name, the rest in order to the required properties, then the optional ones. A
 * single string property takes the whole text ("use shout on hello and goodbye").
 */
export function argumentsFor(spec: ToolSpec, text: string): { args: Record<string, unknown>; missing: string[]; invalid: [string, string][] } {
  const schema = spec.inputSchema as { properties?: Record<string, PropertySchema>; required?: unknown }
  const properties = schema.properties ?? {}
  const keys = Object.keys(properties)
  const required = Array.isArray(schema.required) ? schema.required.filter((k): k is string => typeof k === 'string' && k in properties) : []
  const rest = text.replace(/^\s*(?:tool\b)?\s*(?:on|with|for|using|to|as|:|,)?\s*/i, '').replace(/[.?!]+\s*$/, '').trim()
  const raw: Record<string, string> = {}
  let positional: string[] = []
  const json = /^\{[\s\S]*\}$/.test(rest) ? safeJson(rest) : undefined
  if (json) {
    for (const [k, v] of Object.entries(json)) if (k in properties) raw[k] = typeof v === 'string' ? v : JSON.stringify(v)
  } else {
    const quoted: string[] = []
    const masked = rest.replace(/"([^"]*)"|'([^']*)'|“([^”]*)”/g, (_, a?: string, b?: string, c?: string) => `⟦${quoted.push(a ?? b ?? c ?? '') - 1}⟧`)
    // Quoted values are masked so their commas and "and"s don't split them into several values.
    const unmask = (s: string): string => s.replace(/⟦(\d+)⟧/g, (_, i: string) => quoted[Number(i)] ?? '')
    const keyed = new RegExp(`^(?:the\\s+)?(${keys.map((k) => k.split(/[-_]/).map(escapeRegExp).join('[-_ ]')).join('|')})\\b\\s*(?:[:=]|\\bis\\b|\\bas\\b|\\bof\\b|\\bset to\\b)?\\s*(.*)$`, 'i')
    const segments = keys.length ? splitList(masked) : []
    for (const segment of segments) {
      const m = keys.length ? keyed.exec(segment) : null
      const key = m ? keys.find((k) => k.replace(/[-_]/g, ' ').toLowerCase() === m[1]!.replace(/[-_]/g, ' ').toLowerCase()) : undefined
      if (key && m && m[2] !== '') raw[key] = unmask(m[2]!)
      else positional.push(unmask(segment))
    }
    const open = [...required, ...keys.filter((k) => !required.includes(k))].filter((k) => !(k in raw))
    // A tool that takes one string takes the whole free text, commas and "and" included.
    if (Object.keys(raw).length === 0 && required.length === 1 && typeOf(properties[required[0]!]) === 'string' && positional.length > 1) {
      positional = [unmask(masked)]
    }
    for (const [i, value] of positional.entries()) if (open[i] !== undefined) raw[open[i]!] = value
  }
  const args: Record<string, unknown> = {}
  const invalid: [string, string][] = []
  for (const [key, value] of Object.entries(raw)) {
    const coerced = coerce(properties[key] ?? {}, value.trim())
    if (coerced === undefined) invalid.push([key, typeOf(properties[key]) ?? 'enum'])
    else args[key] = coerced
  }
  return { args, missing: required.filter((k) => !(k in args) && !invalid.some(([i]) => i === k)), invalid }
}

function coerce(schema: PropertySchema, value: string): unknown {
  const options = Array.isArray(schema.enum) ? schema.enum : undefined
  if (options) return options.find((o) => String(o).toLowerCase() === value.toLowerCase())
  switch (typeOf(schema)) {
    case 'integer': { const n = parseNumber(value); return n !== undefined && Number.isInteger(n) ? n : undefined }
    case 'number': return parseNumber(value)
    case 'boolean': return /^(?:true|yes|on|1)$/i.test(value) ? true : /^(?:false|no|off|0)$/i.test(value) ? false : undefined
    default: return value === '' ? undefined : value
  }
}

function typeOf(schema: PropertySchema | undefined): string | undefined {
  const type = schema?.type
  if (typeof type === 'string') return type
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null')
  return undefined
}

function enumList(spec: ToolSpec, key: string): string {
  const schema = (spec.inputSchema as { properties?: Record<string, PropertySchema> }).properties?.[key]
  return joinProse((Array.isArray(schema?.enum) ? schema.enum : []).map((o) => code(String(o))))
}

function safeJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
