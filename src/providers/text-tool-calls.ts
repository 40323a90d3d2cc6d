// Tool calls written as text, for models without native tool calling (selectools' ToolCallParser
// fallback). Two forms are understood:
//   a fenced block:   ```json\n{"tool": "get_weather", "arguments": {"city": "Paris"}}\n```
//   a line:           TOOL_CALL {"name": "get_weather", "args": {"city": "Paris"}}
// Names may be given as tool/name/tool_name, arguments as arguments/args/parameters/input.
import { parseJsonOrRaw } from '../core/json.ts' // not the core index, which re-exports this file (one version)

export interface TextToolCall {
  name: string
  args: unknown
}

export interface ParsedText {
  /** The text with every recognised tool call removed. */
  text: string
  calls: TextToolCall[]
}

const FENCE = /```(?:json|tool_call|tool)?[ \t]*\r?\n([\s\S]*?)\r?\n?```/g
const LINE = /^[ \t]*TOOL_CALL:?[ \t]*(\{.*\})[ \t]*$/gm

/** Find tool calls in model text. Only calls naming a known tool are taken, when names are given. */
export function parseTextToolCalls(text: string, knownTools?: readonly string[]): ParsedText {
  const calls: TextToolCall[] = []
  const known = knownTools ? new Set(knownTools) : undefined
  const take = (json: string): boolean => {
    const call = readCall(json)
    if (!call || (known && !known.has(call.name))) return false
    calls.push(call)
    return true
  }
  let rest = text.replace(FENCE, (whole, body: string) => (take(body.trim()) ? '' : whole))
  rest = rest.replace(LINE, (whole, body: string) => (take(body) ? '' : whole))
  return { text: rest.replace(/\n{3,}/g, '\n\n').trim(), calls }
}

function readCall(json: string): TextToolCall | undefined {
  let value: unknown
  try {
    value = JSON.parse(json) as unknown
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const record = value as Record<string, unknown>
  const name = [record['tool'], record['name'], record['tool_name']].find((v): v is string => typeof v === 'string')
  if (!name) return undefined
  const args = record['arguments'] ?? record['args'] ?? record['parameters'] ?? record['input'] ?? {}
  return { name, args: typeof args === 'string' ? parseJsonOrRaw(args) : args }
}

/** The system note that teaches a model without native tools how to call them as text. */
export function textToolInstructions(tools: readonly { name: string; description: string; inputSchema: object }[]): string {
  const list = tools.map((tool) => `- ${tool.name}: ${tool.description}\n  input schema: ${JSON.stringify(tool.inputSchema)}`).join('\n')
  return [
    'You can call tools. To call one, write a line of exactly this form and nothing else on that line:',
    'TOOL_CALL {"name": "<tool name>", "arguments": { ... }}',
    'You may write several such lines to call several tools at once. After the calls, stop and wait:',
    'the results come back in the next message. When you have what you need, answer normally.',
    'Tools:',
    list,
  ].join('\n')
}
