// Runs one model call and reads what came out the way the corpus README reads a stream.
import type { ContentPart, Message, Model, ModelEvent, ModelRequest, ToolSpec, Usage } from '../../../core/index.ts'

/** What one model call produced. */
export interface Outcome {
  events: ModelEvent[]
  text: string
  reasoning: string
  calls: { id: string; name: string; args: unknown }[]
  usage?: Usage
  finish?: string
  error?: Error
}

/** Run `model` on `req` to the end; an error ends the outcome instead of escaping. */
export async function drive(model: Model, req: ModelRequest): Promise<Outcome> {
  const out: Outcome = { events: [], text: '', reasoning: '', calls: [] }
  try {
    for await (const event of model.stream(req, { signal: new AbortController().signal })) {
      out.events.push(event)
      if (event.type === 'text-delta') out.text += event.text
      else if (event.type === 'reasoning-delta') out.reasoning += event.text
      else if (event.type === 'tool-call') out.calls.push({ id: event.id, name: event.name, args: event.args })
      else if (event.type === 'usage') {
        const { type: _type, ...usage } = event
        out.usage = usage
      } else if (event.type === 'finish') out.finish = event.reason
    }
  } catch (error) {
    out.error = error instanceof Error ? error : new Error(String(error))
  }
  return out
}

/** The corpus's finish words for a provider's own ones. */
export function normalFinish(reason: string | undefined): string | undefined {
  switch (reason) {
    case 'stop': case 'end_turn': case 'stop_sequence': return 'stop'
    case 'tool_calls': case 'tool_use': return 'tool-calls'
    case 'length': case 'max_tokens': case 'max_output_tokens': return 'length'
    default: return reason
  }
}

/**
 * The assistant message a run keeps from these events, as design.md says the loop builds it:
 * reasoning parts (closed by reasoning-end) first, then text, then the tool calls.
 */
export function assistantMessage(events: readonly ModelEvent[]): Message {
  const reasoning: ContentPart[] = []
  let thinking = ''
  let text = ''
  const calls: ContentPart[] = []
  for (const event of events) {
    if (event.type === 'reasoning-delta') thinking += event.text
    else if (event.type === 'reasoning-end') {
      reasoning.push({ type: 'reasoning', text: thinking, ...(event.signature ? { signature: event.signature } : {}), ...(event.data ? { data: event.data } : {}) })
      thinking = ''
    } else if (event.type === 'text-delta') text += event.text
    else if (event.type === 'tool-call') calls.push({ type: 'tool-call', id: event.id, name: event.name, args: event.args })
  }
  if (thinking) reasoning.push({ type: 'reasoning', text: thinking })
  return { role: 'assistant', content: [...reasoning, ...(text ? [{ type: 'text' as const, text }] : []), ...calls] }
}

/** Specs for the tools a fixture calls (the corpus does not record the schemas). */
export function toolSpecs(names: readonly string[]): ToolSpec[] {
  return [...new Set(names)].map((name) => ({ name, description: `${name} tool`, inputSchema: { type: 'object' } }))
}

/** Whitespace-free form, for reasoning joined from blocks or summary parts. */
export const squash = (text: string): string => text.replace(/\s+/g, '')
