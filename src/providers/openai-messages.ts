// Core messages → Chat Completions messages (wire-formats.md §1.1–1.2). With native tools off,
// calls and results are written as text so any chat model can follow the conversation.
import type { ChatCompletionContentPart, ChatCompletionMessageParam, ChatCompletionTool } from 'openai/resources/chat/completions'
import { textToolInstructions, type ContentPart, type Message, type ModelRequest, type ToolSpec } from '../core/index.ts'
import type { ProviderCapabilities } from './capabilities.ts'
import { argsToJson, documentAsText, imageOmittedNote } from './parts.ts'
import { decodeCallExtras } from './reasoning-marks.ts'

/** How to write messages for one endpoint. */
export interface OpenAIWireOptions {
  caps: ProviderCapabilities
  /** Tools described in the system prompt and called as text (no `tools` field). */
  textTools: boolean
  /** Send assistant reasoning back as `reasoning_content` (DeepSeek's thinking mode needs it). */
  echoReasoning?: boolean
  imageDetail?: 'auto' | 'low' | 'high'
}

/** Tool specs as Chat Completions function tools. */
export function toOpenAITools(tools: readonly ToolSpec[]): ChatCompletionTool[] {
  return tools.map((tool) => ({
    type: 'function',
    function: { name: tool.name, description: tool.description, parameters: tool.inputSchema as Record<string, unknown> },
  }))
}

/** The whole message list: system prompt first, then the conversation. */
export function toOpenAIMessages(req: ModelRequest, options: OpenAIWireOptions): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = []
  const system = [req.system, options.textTools && req.tools.length ? textToolInstructions(req.tools) : undefined].filter(Boolean).join('\n\n')
  if (system) out.push({ role: 'system', content: system })
  for (const message of req.messages) out.push(...convert(message, options))
  return out
}

function convert(message: Message, options: OpenAIWireOptions): ChatCompletionMessageParam[] {
  if (message.role === 'assistant') return [assistant(message.content, options.textTools, options.echoReasoning === true)]
  if (message.role === 'tool') return toolResults(message.content, options)
  const parts = userParts(message.content, options)
  return parts.length ? [{ role: 'user', content: simplify(parts) }] : []
}

function assistant(content: readonly ContentPart[], textTools: boolean, echoReasoning: boolean): ChatCompletionMessageParam {
  let text = ''
  let reasoning = ''
  let extras: Record<string, unknown> = {}
  const calls: { id: string; type: 'function'; function: { name: string; arguments: string }; extra_content?: unknown }[] = []
  for (const part of content) {
    if (part.type === 'text') text += part.text
    else if (part.type === 'reasoning') {
      reasoning += part.text
      extras = { ...extras, ...decodeCallExtras(part.data) }
    }
    else if (part.type === 'tool-call') {
      if (textTools) text += `${text && !text.endsWith('\n') ? '\n' : ''}TOOL_CALL ${JSON.stringify({ name: part.name, arguments: part.args })}\n`
      else calls.push({ id: part.id, type: 'function', function: { name: part.name, arguments: argsToJson(part.args) } })
    }
  }
  // Calls go back with the provider data they came with (Gemini's thought signatures).
  for (const call of calls) if (extras[call.id] !== undefined) call.extra_content = extras[call.id]
  // reasoning_content is not in the SDK's types; servers that don't know it never get it.
  const extra = echoReasoning && reasoning ? { reasoning_content: reasoning } : {}
  if (calls.length) return { role: 'assistant', content: text || null, tool_calls: calls, ...extra }
  return { role: 'assistant', content: text, ...extra }
}

/** One `tool` message per result in call order; anything else in the message follows as user content. */
function toolResults(content: readonly ContentPart[], options: OpenAIWireOptions): ChatCompletionMessageParam[] {
  const out: ChatCompletionMessageParam[] = []
  const rest: ContentPart[] = []
  const asText: string[] = []
  for (const part of content) {
    if (part.type !== 'tool-result') { rest.push(part); continue }
    // Chat has no error flag, so an error says so in its text, once: core's tool errors already do.
    const output = part.isError && !part.output.startsWith('Error') ? `Error: ${part.output}` : part.output
    if (options.textTools) asText.push(`Result of ${part.name} (call ${part.callId}):\n${output}`)
    else out.push({ role: 'tool', tool_call_id: part.callId, content: output })
  }
  const parts = [...(asText.length ? [{ type: 'text' as const, text: asText.join('\n\n') }] : []), ...userParts(rest, options)]
  if (parts.length) out.push({ role: 'user', content: simplify(parts) })
  return out
}

function userParts(content: readonly ContentPart[], options: OpenAIWireOptions): ChatCompletionContentPart[] {
  const parts: ChatCompletionContentPart[] = []
  for (const part of content) {
    switch (part.type) {
      case 'text':
        parts.push({ type: 'text', text: part.text })
        break
      case 'image':
        if (!options.caps.images) parts.push({ type: 'text', text: imageOmittedNote(part, 'this provider does not accept images.') })
        else if (!options.caps.imageTypes.includes(part.mediaType)) parts.push({ type: 'text', text: imageOmittedNote(part, 'this provider does not accept that format.') })
        else parts.push({ type: 'image_url', image_url: { url: `data:${part.mediaType};base64,${part.data}`, ...(options.imageDetail ? { detail: options.imageDetail } : {}) } })
        break
      case 'document':
        if (options.caps.pdf === 'native') parts.push({ type: 'file', file: { filename: part.name, file_data: `data:${part.mediaType};base64,${part.data}` } })
        else parts.push({ type: 'text', text: documentAsText(part) })
        break
      case 'tool-call':
      case 'tool-result':
        parts.push({ type: 'text', text: part.type === 'tool-call' ? `[tool call ${part.name}]` : `[result of ${part.name}]\n${part.output}` })
        break
    }
  }
  return parts
}

/** Text-only content as a plain string: every OpenAI-compatible server understands that. */
function simplify(parts: ChatCompletionContentPart[]): string | ChatCompletionContentPart[] {
  if (parts.every((part) => part.type === 'text')) return parts.map((part) => (part.type === 'text' ? part.text : '')).join('\n\n')
  return parts
}
