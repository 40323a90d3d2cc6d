// Core messages → Responses API input items. Reasoning goes back as whole reasoning items (id,
// summary, encrypted_content) before the function calls they preceded: with store:false the
// server keeps nothing, and an id alone is answered "Item with id 'rs_…' not found".
import type { FunctionTool, ResponseInputContent, ResponseInputItem } from 'openai/resources/responses/responses'
import type { ContentPart, Message, ToolSpec } from '../core/index.ts'
import type { ProviderCapabilities } from './capabilities.ts'
import { argsToJson, documentAsText, imageOmittedNote } from './parts.ts'
import { RESPONSES_MARK } from './reasoning-marks.ts'

const MARK = RESPONSES_MARK

/** A reasoning item as the `data` of a core reasoning part. */
export function encodeReasoningItem(id: string, encrypted: string): string {
  return MARK + JSON.stringify({ id, encrypted_content: encrypted })
}

/** The reasoning item in a part's `data`, when it holds one. */
export function decodeReasoningItem(data: string | undefined): { id: string; encrypted_content: string } | undefined {
  if (!data?.startsWith(MARK)) return undefined
  try {
    const value = JSON.parse(data.slice(MARK.length)) as { id?: unknown; encrypted_content?: unknown }
    return typeof value.id === 'string' && typeof value.encrypted_content === 'string' ? { id: value.id, encrypted_content: value.encrypted_content } : undefined
  } catch {
    return undefined
  }
}

/** Tool specs as Responses function tools (flat, unlike Chat). */
export function toResponsesTools(tools: readonly ToolSpec[]): FunctionTool[] {
  return tools.map((tool) => ({ type: 'function', name: tool.name, description: tool.description, parameters: tool.inputSchema as Record<string, unknown>, strict: false }))
}

/** The conversation as input items. */
export function toResponsesInput(messages: readonly Message[], caps: ProviderCapabilities, imageDetail?: 'auto' | 'low' | 'high'): ResponseInputItem[] {
  const out: ResponseInputItem[] = []
  for (const message of messages) {
    if (message.role === 'assistant') out.push(...assistantItems(message.content))
    else {
      const rest: ResponseInputContent[] = []
      for (const part of message.content) {
        if (part.type === 'tool-result') out.push({ type: 'function_call_output', call_id: part.callId, output: part.isError ? `Error: ${part.output}` : part.output })
        else rest.push(...userContent(part, caps, imageDetail))
      }
      if (rest.length) out.push({ role: 'user', content: rest })
    }
  }
  return out
}

function assistantItems(content: readonly ContentPart[]): ResponseInputItem[] {
  const items: ResponseInputItem[] = []
  let text = ''
  const flush = (): void => {
    if (text) items.push({ role: 'assistant', content: text })
    text = ''
  }
  for (const part of content) {
    if (part.type === 'text') text += part.text
    else if (part.type === 'reasoning') {
      const item = decodeReasoningItem(part.data)
      // Reasoning from another provider cannot be sent: the API takes only its own encrypted items.
      if (!item) continue
      flush()
      items.push({ type: 'reasoning', id: item.id, encrypted_content: item.encrypted_content, summary: part.text ? [{ type: 'summary_text', text: part.text }] : [] })
    } else if (part.type === 'tool-call') {
      flush()
      items.push({ type: 'function_call', call_id: part.id, name: part.name, arguments: argsToJson(part.args) })
    }
  }
  flush()
  return items
}

function userContent(part: ContentPart, caps: ProviderCapabilities, imageDetail: 'auto' | 'low' | 'high' = 'auto'): ResponseInputContent[] {
  switch (part.type) {
    case 'text':
      return part.text ? [{ type: 'input_text', text: part.text }] : []
    case 'image':
      if (!caps.images || !caps.imageTypes.includes(part.mediaType)) return [{ type: 'input_text', text: imageOmittedNote(part, 'this provider does not accept that image.') }]
      return [{ type: 'input_image', image_url: `data:${part.mediaType};base64,${part.data}`, detail: imageDetail }]
    case 'document':
      if (caps.pdf === 'native') return [{ type: 'input_file', filename: part.name, file_data: `data:${part.mediaType};base64,${part.data}` }]
      return [{ type: 'input_text', text: documentAsText(part) }]
    case 'tool-call':
      return [{ type: 'input_text', text: `[tool call ${part.name}]` }]
    case 'tool-result':
      return [{ type: 'input_text', text: `[result of ${part.name}]\n${part.output}` }]
    case 'reasoning':
      return []
  }
}
