// Small text helpers for reading prompts and tool outputs.
import type { ToolResultView } from './conversation.ts'
import type { PlanContext } from './plan-types.ts'

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twice: 2, thrice: 3,
}

/** A count written as digits or as a small English word. */
export function parseCount(word: string | undefined): number | undefined {
  if (word === undefined) return undefined
  const lower = word.toLowerCase()
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower]
  const n = Number(lower.replace(/[,_]/g, ''))
  return Number.isFinite(n) ? n : undefined
}

/** "A, B, and C" → ['A', 'B', 'C'] (trailing punctuation dropped). */
export function splitList(text: string): string[] {
  return text
    .replace(/[.?!;:]+\s*$/, '')
    .split(/\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*/i)
    .map((item) => item.trim().replace(/^(?:the|an?)\s+/i, ''))
    .filter((item) => item !== '')
}

/** Unique values, first occurrence kept. */
export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}

/** The results of one tool. */
export function resultsOf(ctx: PlanContext, name: string): ToolResultView[] {
  return ctx.results.filter((result) => result.name === name)
}

/** Whether a tool has already run (successfully or not) since the user's message. */
export function hasRun(ctx: PlanContext, name: string): boolean {
  return ctx.results.some((result) => result.name === name)
}

/** The text after the first ": " of a tool output ("Weather in X: Sunny" → "Sunny"). */
export function afterColon(output: string): string {
  const at = output.indexOf(': ')
  return at === -1 ? output : output.slice(at + 2)
}

/** Join words as prose: "a", "a and b", "a, b and c". */
export function joinProse(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`
}

/** Markdown inline code, safe for backticks inside. */
export function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``
}

/** A line saying which needed tools are switched off, or ''. */
export function switchedOff(ctx: PlanContext, names: readonly string[]): string {
  const off = names.filter((name) => !ctx.offered.has(name))
  if (off.length === 0) return ''
  const list = joinProse(off.map(code))
  return `${list} ${off.length === 1 ? 'is' : 'are'} switched off, so I skipped ${off.length === 1 ? 'that step' : 'those steps'}. Turn ${off.length === 1 ? 'it' : 'them'} on in the tool picker to include ${off.length === 1 ? 'it' : 'them'}.`
}

/** "⚠️ name failed: …" for each errored result, or ''. */
export function failures(results: readonly ToolResultView[]): string {
  return results
    .filter((result) => result.isError)
    .map((result) => `- ⚠️ ${code(result.name)} failed: ${result.output}`)
    .join('\n')
}

/** Join non-empty paragraphs with blank lines. */
export function paragraphs(...parts: (string | undefined)[]): string {
  return parts.filter((part): part is string => part !== undefined && part.trim() !== '').join('\n\n')
}
