// The table test: prompts as people write them, each with the first turn the offline model must
// take (its calls, names and arguments) or the question it must ask. Every demo tool is on offer
// (the fresh page's default) unless a row says otherwise.
import { describe, expect, it } from 'vitest'
import type { ModelRequest, ToolSpec } from '../../../core/index.ts'
import { readConversation } from '../conversation.ts'
import { planStep } from '../planner.ts'
import type { PlannedCall, Step } from '../plan-types.ts'
import { AFTER_PARSER, BUILT_FROM, DEMO_TOOLS, SEVERAL_NAMED, type Row } from './understanding.rows.ts'

const spec = (name: string): ToolSpec => ({ name, description: `${name} tool`, inputSchema: { type: 'object' } })

/** Tools shaped like an MCP server's: hyphenated names, descriptions, JSON Schemas. */
export const MCP_TOOLS: ToolSpec[] = [
  { name: 'shout', description: 'Upper-cases a text', inputSchema: { type: 'object', properties: { text: { type: 'string', description: 'Text to shout' } }, required: ['text'] } },
  { name: 'get-sum', description: 'Adds two numbers', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } },
  { name: 'echo', description: 'Echoes back the input', inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] } },
  { name: 'set-mode', description: 'Sets the server mode', inputSchema: { type: 'object', properties: { mode: { type: 'string', enum: ['fast', 'safe'] }, verbose: { type: 'boolean' } }, required: ['mode'] } },
  { name: 'long_running_operation', description: 'Runs for a while with progress', inputSchema: { type: 'object', properties: { duration: { type: 'number', default: 10 }, steps: { type: 'integer', default: 5 } } } },
]

function plan(row: Row): Step {
  const tools = [...(row.tools ?? DEMO_TOOLS).map(spec), ...MCP_TOOLS]
  const request: ModelRequest = { messages: [{ role: 'user', content: [{ type: 'text', text: row.prompt }] }], tools }
  return planStep(request, readConversation(request))
}

function check(row: Row): void {
  const step = plan(row)
  if ('calls' in row) {
    expect(step.kind, `"${row.prompt}" should call tools, but answered: ${step.kind === 'answer' ? step.text.slice(0, 120) : ''}`).toBe('calls')
    const calls: PlannedCall[] = step.kind === 'calls' ? step.calls : []
    expect(calls, row.prompt).toEqual(row.calls)
  } else {
    expect(step.kind, `"${row.prompt}" should answer, but called ${step.kind === 'calls' ? step.calls.map((c) => c.name).join(', ') : ''}`).toBe('answer')
    const text = step.kind === 'answer' ? step.text : ''
    if (row.ask instanceof RegExp) expect(text, row.prompt).toMatch(row.ask)
    else expect(text, row.prompt).toBe(row.ask)
  }
}

describe('prompts the parser was built from', () => {
  it('has the rows the issue asks for', () => expect(BUILT_FROM.length + AFTER_PARSER.length).toBeGreaterThanOrEqual(80))
  it.each(BUILT_FROM.map((row) => [row.prompt, row]))('%s', (_, row) => check(row))
})

describe('prompts written after the parser', () => {
  it.each(AFTER_PARSER.map((row) => [row.prompt, row]))('%s', (_, row) => check(row))
})

describe('several tools named in one prompt', () => {
  it.each(SEVERAL_NAMED.map((row) => [row.prompt, row]))('%s', (_, row) => check(row))
})
