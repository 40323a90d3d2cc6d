// Core messages → Anthropic Messages (wire-formats.md §2.2–2.3). Tool results open the next user
// message, one per tool_use and in call order, or the API answers 400.
import type { ContentBlockParam, MessageParam, Tool } from '@anthropic-ai/sdk/resources/messages'
import type { ContentPart, Message, ToolSpec } from '../core/index.ts'
import type { ProviderCapabilities } from './capabilities.ts'
import { documentAsText, imageOmittedNote } from './parts.ts'
import { isAdapterPayload } from './reasoning-marks.ts'

type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp'
const IMAGE_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/gif', 'image/webp']

/** Tool specs as Anthropic custom tools. */
export function toAnthropicTools(tools: readonly ToolSpec[]): Tool[] {
  return tools.map((tool) => ({ name: tool.name, description: tool.description, input_schema: tool.inputSchema as Tool['input_schema'] }))
}

/** The conversation as alternating user/assistant messages. */
export function toAnthropicMessages(messages: readonly Message[], caps: ProviderCapabilities): MessageParam[] {
  const out: MessageParam[] = []
  const push = (role: 'user' | 'assistant', blocks: ContentBlockParam[]): void => {
    if (!blocks.length) return
    const last = out[out.length - 1]
    // Consecutive messages of one role merge: a tool-result message and the user's next words
    // become one user message whose tool_result blocks come first.
    if (last && last.role === role && Array.isArray(last.content)) last.content.push(...blocks)
    else out.push({ role, content: blocks })
  }
  for (const message of messages) {
    if (message.role === 'assistant') push('assistant', assistantBlocks(message.content))
    else push('user', userBlocks(message.content, caps))
  }
  return out
}

function assistantBlocks(content: readonly ContentPart[]): ContentBlockParam[] {
  const blocks: ContentBlockParam[] = []
  for (const part of content) {
    if (part.type === 'reasoning') {
      // Thinking goes back unchanged, with its signature, or the API answers 400 after a tool call.
      // Reasoning without a signature or redacted data came from another provider: it is left out.
      if (part.signature) blocks.push({ type: 'thinking', thinking: part.text, signature: part.signature })
      else if (part.data && !isAdapterPayload(part.data)) blocks.push({ type: 'redacted_thinking', data: part.data })
    } else if (part.type === 'text' && part.text) blocks.push({ type: 'text', text: part.text })
    else if (part.type === 'tool-call') blocks.push({ type: 'tool_use', id: part.id, name: part.name, input: inputObject(part.args) })
  }
  return blocks
}

/** tool_use input must be an object; unparsable arguments travel as `{ raw }`. */
function inputObject(args: unknown): Record<string, unknown> {
  if (typeof args === 'object' && args !== null && !Array.isArray(args)) return args as Record<string, unknown>
  return { raw: args }
}

function userBlocks(content: readonly ContentPart[], caps: ProviderCapabilities): ContentBlockParam[] {
  const results: ContentBlockParam[] = []
  const rest: ContentBlockParam[] = []
  for (const part of content) {
    switch (part.type) {
      case 'tool-result':
        results.push({ type: 'tool_result', tool_use_id: part.callId, content: part.output, is_error: part.isError })
        break
      case 'text':
        if (part.text) rest.push({ type: 'text', text: part.text })
        break
      case 'image':
        if (caps.images && IMAGE_TYPES.includes(part.mediaType)) {
          rest.push({ type: 'image', source: { type: 'base64', media_type: part.mediaType as ImageMediaType, data: part.data } })
        } else rest.push({ type: 'text', text: imageOmittedNote(part, 'Anthropic accepts only JPEG, PNG, GIF and WebP.') })
        break
      case 'document':
        if (caps.pdf === 'native') rest.push({ type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: part.data }, title: part.name })
        else rest.push({ type: 'text', text: documentAsText(part) })
        break
      case 'tool-call':
        rest.push({ type: 'text', text: `[tool call ${part.name}]` })
        break
    }
  }
  return [...results, ...rest]
}
