// What the offline model reads from a request: the latest user prompt, its attachments, and the
// tool results that came back since, so a multi-turn plan can pick up where it left off.
import type { ContentPart, Message, ModelRequest } from '../../core/index.ts'
import { completeRequest } from './nlu/follow-up.ts'

export type ImagePart = Extract<ContentPart, { type: 'image' }>
export type DocumentPart = Extract<ContentPart, { type: 'document' }>
export type AttachmentPart = ImagePart | DocumentPart

/** One finished tool call since the latest user message, with the arguments it was called with. */
export interface ToolResultView {
  callId: string
  name: string
  args: unknown
  output: string
  isError: boolean
}

export interface ConversationView {
  /** Text of the latest user message. */
  prompt: string
  /** Images and documents of the latest user message (or of an earlier one the prompt refers to). */
  attachments: AttachmentPart[]
  /** Tool results since the latest user message, in call order. */
  results: ToolResultView[]
  /** Assistant messages since the latest user message: the number of model turns already taken. */
  turnsSinceUser: number
}

const REFERS_TO_ATTACHMENT = /\b(receipt|image|picture|photo|document|pdf|invoice|scan|total|attachment|file)s?\b/i

/** Read the parts of the conversation the planner needs. Linear in the conversation's length. */
export function readConversation(request: ModelRequest): ConversationView {
  const messages = request.messages
  let last = -1
  for (let i = messages.length - 1; i >= 0; i--) {
    if (messages[i]?.role === 'user') { last = i; break }
  }
  const user: Message | undefined = messages[last]
  const prompt = user ? promptAt(messages, last) : ''
  let attachments = user ? attachmentsOf(user.content) : []
  if (attachments.length === 0 && REFERS_TO_ATTACHMENT.test(prompt)) {
    for (let i = last - 1; i >= 0 && attachments.length === 0; i--) {
      const message = messages[i]
      if (message?.role === 'user') attachments = attachmentsOf(message.content)
    }
  }
  const args = new Map<string, unknown>()
  const results: ToolResultView[] = []
  let turnsSinceUser = 0
  for (let i = last + 1; i < messages.length; i++) {
    const message = messages[i]!
    if (message.role === 'assistant') turnsSinceUser++
    for (const part of message.content) {
      if (part.type === 'tool-call') args.set(part.id, part.args)
      else if (part.type === 'tool-result') {
        results.push({ callId: part.callId, name: part.name, args: args.get(part.callId), output: part.output, isError: part.isError })
      }
    }
  }
  return { prompt, attachments, results, turnsSinceUser }
}

/**
 * The text of user message `at`, completed by the request before it when the model's turn in
 * between asked a question in plain text ("Which city?" → "Paris" reads "… in Paris").
 */
function promptAt(messages: readonly Message[], at: number): string {
  const text = textOfParts(messages[at]?.content ?? [])
  const answer = messages[at - 1]
  const previous = messages[at - 2]
  if (answer?.role !== 'assistant' || previous?.role !== 'user' || answer.content.some((part) => part.type === 'tool-call')) return text
  return completeRequest(promptAt(messages, at - 2), textOfParts(answer.content), text) ?? text
}

function textOfParts(parts: readonly ContentPart[]): string {
  const texts: string[] = []
  for (const part of parts) if (part.type === 'text') texts.push(part.text)
  return texts.join('\n').trim()
}

function attachmentsOf(parts: readonly ContentPart[]): AttachmentPart[] {
  return parts.filter((part): part is AttachmentPart => part.type === 'image' || part.type === 'document')
}

/** A string argument of a recorded call, or undefined. */
export function stringArg(args: unknown, key: string): string | undefined {
  if (typeof args !== 'object' || args === null) return undefined
  const value = (args as Record<string, unknown>)[key]
  return typeof value === 'string' ? value : undefined
}

/** Rough input size of a request in tokens (chars / 4), for usage events. */
export function estimateInputTokens(request: ModelRequest): number {
  let chars = (request.system ?? '').length
  for (const spec of request.tools) chars += spec.name.length + spec.description.length + JSON.stringify(spec.inputSchema).length
  let images = 0
  for (const message of request.messages) {
    for (const part of message.content) {
      switch (part.type) {
        case 'text': chars += part.text.length; break
        case 'tool-call': chars += part.name.length + safeLength(part.args); break
        case 'tool-result': chars += part.output.length; break
        case 'document': for (const page of part.text ?? []) chars += page.length; break
        case 'image': images++; break
      }
    }
  }
  // Vision models bill an image as a block of tokens whatever its bytes; 85 is a small tile.
  return Math.ceil(chars / 4) + images * 85
}

function safeLength(value: unknown): number {
  try {
    return JSON.stringify(value)?.length ?? 0
  } catch {
    return 0
  }
}
