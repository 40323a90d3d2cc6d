// Reads an OpenAI or Anthropic request body into the protocol-neutral view scenarios use.
import { MOCK_SIGNATURE, type MockRequestView } from './plan.ts'

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
const asString = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The key from `x-api-key` or `Authorization: Bearer`. */
export function apiKeyOf(headers: Headers): string {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.get('authorization') ?? '')
  return headers.get('x-api-key') ?? bearer?.[1] ?? ''
}

/** Text of a content value that may be a string or an array of text parts. */
function textOfContent(content: unknown): string {
  if (typeof content === 'string') return content
  return asArray(content).map((part) => (isObject(part) && part['type'] === 'text' ? asString(part['text']) : '')).join('')
}

/** The neutral view of an OpenAI Chat Completions body. */
export function viewOpenAI(body: Json, headers: Headers): MockRequestView {
  const messages = asArray(body['messages']).filter(isObject)
  const view = base('openai', body, headers)
  view.assistantTurns = messages.filter((m) => m['role'] === 'assistant').length
  view.echoedReasoning = messages.filter((m) => m['role'] === 'assistant' && asString(m['reasoning_content']) !== '').length
  view.toolNames = asArray(body['tools']).filter(isObject).map((t) => (isObject(t['function']) ? asString(t['function']['name']) : ''))
  let lastTool: string[] = []
  let run: string[] = []
  for (const message of messages) {
    if (message['role'] === 'tool') {
      run.push(textOfContent(message['content']))
      lastTool = run
      continue
    }
    run = []
    if (message['role'] !== 'user') continue
    view.lastUserText = textOfContent(message['content'])
    for (const part of asArray(message['content']).filter(isObject)) {
      if (part['type'] === 'text') view.parts.text++
      else if (part['type'] === 'image_url') view.parts.image++
      else if (part['type'] === 'file') view.parts.file++
    }
    if (typeof message['content'] === 'string') view.parts.text++
  }
  view.lastToolResults = lastTool
  return view
}

/** The neutral view of an Anthropic Messages body. */
export function viewAnthropic(body: Json, headers: Headers): MockRequestView {
  const messages = asArray(body['messages']).filter(isObject)
  const view = base('anthropic', body, headers)
  view.assistantTurns = messages.filter((m) => m['role'] === 'assistant').length
  view.toolNames = asArray(body['tools']).filter(isObject).map((t) => asString(t['name']))
  for (const message of messages) {
    if (message['role'] === 'assistant') {
      view.echoedReasoning += asArray(message['content']).filter((b) => isObject(b) && b['type'] === 'thinking' && b['signature'] === MOCK_SIGNATURE).length
    }
    if (message['role'] !== 'user') continue
    const content = message['content']
    if (typeof content === 'string') {
      view.parts.text++
      view.lastUserText = content
      continue
    }
    const results: string[] = []
    let text = ''
    for (const part of asArray(content).filter(isObject)) {
      if (part['type'] === 'tool_result') results.push(textOfContent(part['content']))
      else if (part['type'] === 'text') { view.parts.text++; text += asString(part['text']) }
      else if (part['type'] === 'image') view.parts.image++
      else if (part['type'] === 'document') view.parts.document++
    }
    if (results.length) view.lastToolResults = results
    view.lastUserText = text
  }
  return view
}

/** The neutral view of a Responses API body: input items instead of messages. */
export function viewResponses(body: Json, headers: Headers): MockRequestView {
  const view = base('responses', body, headers)
  view.toolNames = asArray(body['tools']).filter(isObject).map((t) => asString(t['name']))
  const items = typeof body['input'] === 'string' ? [{ role: 'user', content: body['input'] }] : asArray(body['input']).filter(isObject)
  let run: string[] = []
  let lastKind = ''
  // One assistant turn is a run of reasoning, assistant message and function_call items.
  let inAssistant = false
  for (const item of items) {
    const kind = asString(item['type']) || 'message'
    const assistantItem = kind === 'reasoning' || kind === 'function_call' || (kind === 'message' && item['role'] === 'assistant')
    if (assistantItem && !inAssistant) view.assistantTurns++
    inAssistant = assistantItem
    if (kind === 'function_call_output') {
      if (lastKind !== kind) run = []
      run.push(asString(item['output']))
      view.lastToolResults = run
    } else if (kind === 'reasoning' && item['encrypted_content'] === MOCK_SIGNATURE) view.echoedReasoning++
    else if (kind === 'message' && item['role'] === 'user') {
      const content = item['content']
      if (typeof content === 'string') { view.parts.text++; view.lastUserText = content }
      let text = ''
      for (const part of asArray(content).filter(isObject)) {
        if (part['type'] === 'input_text') { view.parts.text++; text += asString(part['text']) }
        else if (part['type'] === 'input_image') view.parts.image++
        else if (part['type'] === 'input_file') view.parts.file++
      }
      if (typeof content !== 'string') view.lastUserText = text
    }
    lastKind = kind
  }
  return view
}

function base(protocol: MockRequestView['protocol'], body: Json, headers: Headers): MockRequestView {
  return {
    protocol,
    model: asString(body['model']),
    stream: body['stream'] === true,
    assistantTurns: 0,
    lastToolResults: [],
    lastUserText: '',
    toolNames: [],
    parts: { text: 0, image: 0, file: 0, document: 0 },
    apiKey: apiKeyOf(headers),
    echoedReasoning: 0,
  }
}
