import { LanesError } from './errors.ts'
import type { ContentPart, Message } from './types.ts'

/** What `agent.stream()` accepts: a prompt, the parts of one user message, or whole messages. */
export type AgentInput = string | ContentPart[] | Message[]

/** Turn any accepted input into the messages to append to the conversation. */
export function toMessages(input: AgentInput): Message[] {
  if (typeof input === 'string') return [{ role: 'user', content: [{ type: 'text', text: input }] }]
  if (!Array.isArray(input)) throw new LanesError('Agent input must be a string, an array of content parts, or an array of messages.')
  if (input.length === 0) return []
  if (isMessageList(input)) {
    return input.map((message) => {
      if (!ROLES.has(message.role) || !Array.isArray(message.content) || !message.content.every(isPart)) {
        throw new LanesError("Each message needs a role ('user', 'assistant' or 'tool') and a content array of parts, each with a type.")
      }
      return { role: message.role, content: [...message.content] }
    })
  }
  if (!input.every(isPart)) throw new LanesError('Each content part must be an object with a type (text, image, document, …).')
  return [{ role: 'user', content: [...input] }]
}

const ROLES = new Set<unknown>(['user', 'assistant', 'tool'])

function isPart(part: unknown): boolean {
  return typeof part === 'object' && part !== null && typeof (part as { type?: unknown }).type === 'string'
}

function isMessageList(input: ContentPart[] | Message[]): input is Message[] {
  const first = input[0] as { role?: unknown } | undefined
  return first !== undefined && typeof first.role === 'string'
}

/** Default cap on one tool result sent to the model; the full output stays in the event log. */
export const DEFAULT_MAX_TOOL_OUTPUT_CHARS = 100_000

/** Cut an oversized tool output for the model, saying so, so it knows it saw only a part. */
export function truncateForModel(output: string, maxChars: number): string {
  if (output.length <= maxChars) return output
  const shown = output.slice(0, maxChars)
  return `${shown}\n\n[Output truncated for the model: showing ${maxChars.toLocaleString('en-US')} of ${output.length.toLocaleString('en-US')} characters.]`
}

/** The text of a message's text parts, joined. */
export function textOf(message: Message): string {
  let text = ''
  for (const part of message.content) if (part.type === 'text') text += part.text
  return text
}
