// What a span means, under each convention the importer knows: OpenTelemetry GenAI
// (gen_ai.operation.name), Strands (GenAI plus its event-loop-cycle spans and gen_ai.* events),
// the Vercel AI SDK (ai.operationId: ai.streamText, ai.streamText.doStream, ai.toolCall, …) and
// OpenInference (openinference.span.kind AGENT / LLM / TOOL). Pure reads; nothing throws.
import type { ToolProgress } from '../../core/index.ts'
import type { AttrValue, TraceEvent, TraceSpan } from './decode.ts'

/** The part a span plays in an agent run. */
export type SpanRole = 'agent' | 'model' | 'tool' | 'cycle' | 'other'

/** Which framework's conventions a span follows (for the record's "imported from"). */
export type Framework = 'strands' | 'ai-sdk' | 'openinference' | 'genai' | 'lanes'

/** How each framework is named to the person reading. */
export const FRAMEWORK_NAMES: Record<Framework, string> = {
  strands: 'Strands Agents', 'ai-sdk': 'Vercel AI SDK', openinference: 'OpenInference', genai: 'OpenTelemetry GenAI', lanes: 'Lanes',
}

const AI_SDK_AGENT = new Set(['ai.streamText', 'ai.generateText', 'ai.streamObject', 'ai.generateObject'])
const AI_SDK_MODEL = new Set(['ai.streamText.doStream', 'ai.generateText.doGenerate', 'ai.streamObject.doStream', 'ai.generateObject.doGenerate'])
const GENAI_MODEL = new Set(['chat', 'text_completion', 'generate_content'])

const str = (value: AttrValue | undefined): string | undefined => (typeof value === 'string' ? value : undefined)
const num = (value: AttrValue | undefined): number | undefined => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : undefined
}
const first = <T>(...values: (T | undefined)[]): T | undefined => values.find((value) => value !== undefined)

/** The first of these attributes that is set. */
function attr(span: { attrs: Map<string, AttrValue> }, ...keys: string[]): AttrValue | undefined {
  for (const key of keys) {
    const value = span.attrs.get(key)
    if (value !== undefined && value !== null) return value
  }
  return undefined
}

/** The role of a span under whichever convention it follows. */
export function roleOf(span: TraceSpan): SpanRole {
  const op = str(attr(span, 'gen_ai.operation.name'))
  const oi = str(attr(span, 'openinference.span.kind'))?.toUpperCase()
  const ai = str(attr(span, 'ai.operationId'))
  if (op === 'invoke_agent' || oi === 'AGENT' || (ai !== undefined && AI_SDK_AGENT.has(ai))) return 'agent'
  if ((op !== undefined && GENAI_MODEL.has(op)) || oi === 'LLM' || (ai !== undefined && AI_SDK_MODEL.has(ai))) return 'model'
  if (op === 'execute_tool' || oi === 'TOOL' || ai === 'ai.toolCall') return 'tool'
  if (span.attrs.has('agent_loop.cycle_id') || span.attrs.has('event_loop.cycle_id') || /^execute_(agent|event)_loop_cycle$/.test(span.name)) return 'cycle'
  if (op === undefined && ai === undefined && oi === undefined && span.name.startsWith('invoke_agent ')) return 'agent'
  return 'other'
}

/** The framework whose conventions a span follows. */
export function frameworkOf(span: TraceSpan): Framework {
  if (span.attrs.has('lanes.executor') || span.scope === 'lanes') return 'lanes'
  if (span.scope === 'strands-agents' || attr(span, 'gen_ai.system', 'gen_ai.provider.name') === 'strands-agents') return 'strands'
  if (span.attrs.has('ai.operationId') || span.scope === 'ai') return 'ai-sdk'
  if (span.attrs.has('openinference.span.kind')) return 'openinference'
  return 'genai'
}

/** A JSON string parsed, or the value itself when it is not JSON. */
export function parseMaybeJson(value: AttrValue | undefined): unknown {
  if (typeof value !== 'string') return value ?? undefined
  const trimmed = value.trim()
  if (!/^[[{"]/.test(trimmed)) return value
  try {
    return JSON.parse(trimmed) as unknown
  } catch {
    return value
  }
}

/** The text in a message payload: GenAI parts ({type:'text', content}), Strands blocks ({text}), or a string. */
export function textIn(value: unknown, depth = 0): string {
  if (typeof value === 'string') return value
  if (depth > 6 || typeof value !== 'object' || value === null) return ''
  if (Array.isArray(value)) return value.map((item) => textIn(item, depth + 1)).join('')
  const object = value as Record<string, unknown>
  if (object['type'] === 'text' && typeof object['content'] === 'string') return object['content']
  if (typeof object['text'] === 'string') return object['text']
  if (Array.isArray(object['parts'])) return textIn(object['parts'].filter((part: unknown) => typeof part === 'object' && part !== null && (part as Record<string, unknown>)['type'] === 'text'), depth + 1)
  if (Array.isArray(object['content'])) return textIn(object['content'], depth + 1)
  return typeof object['content'] === 'string' ? object['content'] : ''
}

const eventNamed = (span: TraceSpan, ...names: string[]): TraceEvent | undefined => span.events.find((event) => names.includes(event.name))

/** The model or service a model span called. */
export function modelNameOf(span: TraceSpan): string | undefined {
  return str(attr(span, 'gen_ai.response.model', 'gen_ai.request.model', 'ai.response.model', 'ai.model.id', 'llm.model_name'))
}

/** Token usage of a span, when it reports any. */
export function usageOf(span: TraceSpan): { inputTokens: number; outputTokens: number } | undefined {
  const input = num(attr(span, 'gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'ai.usage.inputTokens', 'ai.usage.promptTokens', 'llm.token_count.prompt'))
  const output = num(attr(span, 'gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'ai.usage.outputTokens', 'ai.usage.completionTokens', 'llm.token_count.completion'))
  if (input === undefined && output === undefined) return undefined
  return { inputTokens: input ?? 0, outputTokens: output ?? 0 }
}

/** Why a model call finished ('stop' when the trace does not say). */
export function finishOf(span: TraceSpan): string {
  const reasons = attr(span, 'gen_ai.response.finish_reasons', 'ai.response.finishReason', 'llm.finish_reason')
  const reason = Array.isArray(reasons) ? str(reasons[0]) : str(reasons)
  return reason ?? str(eventNamed(span, 'gen_ai.choice')?.attrs.get('finish_reason')) ?? (span.error ? 'error' : 'stop')
}

/** The text a model call (or a whole agent run) answered with. */
export function outputTextOf(span: TraceSpan): string {
  const direct = str(attr(span, 'ai.response.text', 'llm.output_messages.0.message.content'))
  if (direct !== undefined) return direct
  const messages = attr(span, 'gen_ai.output.messages') ?? eventNamed(span, 'gen_ai.client.inference.operation.details')?.attrs.get('gen_ai.output.messages')
  if (messages !== undefined) return textIn(parseMaybeJson(messages))
  const choice = eventNamed(span, 'gen_ai.choice')?.attrs.get('message')
  if (choice !== undefined) return textIn(parseMaybeJson(choice))
  const output = attr(span, 'output.value')
  return output === undefined ? '' : textIn(parseMaybeJson(output))
}

/** The user's prompt, from an agent span or its first model call. */
export function promptOf(span: TraceSpan): string {
  const messages = attr(span, 'gen_ai.input.messages') ?? eventNamed(span, 'gen_ai.client.inference.operation.details')?.attrs.get('gen_ai.input.messages')
  if (messages !== undefined) return textIn(parseMaybeJson(messages))
  const user = eventNamed(span, 'gen_ai.user.message')?.attrs.get('content')
  if (user !== undefined) return textIn(parseMaybeJson(user))
  const prompt = parseMaybeJson(attr(span, 'ai.prompt'))
  if (typeof prompt === 'object' && prompt !== null && !Array.isArray(prompt)) {
    const object = prompt as Record<string, unknown>
    return textIn(object['prompt'] ?? (Array.isArray(object['messages']) ? object['messages'].slice(-1) : ''))
  }
  return textIn(parseMaybeJson(attr(span, 'input.value')))
}

/** When a model call's first token came (µs since the epoch), when the trace says. */
export function firstTokenUs(span: TraceSpan): number | undefined {
  const event = eventNamed(span, 'gen_ai.first_token', 'ai.stream.firstChunk')
  if (event) return event.timeUs
  const ms = num(attr(span, 'ai.response.msToFirstChunk', 'gen_ai.server.time_to_first_token'))
  return ms === undefined ? undefined : span.startUs + ms * 1000
}

/** A tool span's name, call id, arguments, output and status. */
export function toolCallOf(span: TraceSpan): { name: string; callId: string; args: unknown; output: string; status: 'ok' | 'error' | 'timeout' | 'aborted' } {
  const name = str(attr(span, 'gen_ai.tool.name', 'ai.toolCall.name', 'tool.name')) ?? (span.name.replace(/^execute_tool\s+/, '') || 'tool')
  const callId = str(attr(span, 'gen_ai.tool.call.id', 'ai.toolCall.id', 'tool_call.id', 'tool.id')) ?? span.spanId
  const rawArgs = attr(span, 'gen_ai.tool.call.arguments', 'ai.toolCall.args', 'tool.parameters', 'input.value') ?? eventNamed(span, 'gen_ai.tool.message')?.attrs.get('content')
  const args = rawArgs === undefined ? {} : parseMaybeJson(rawArgs)
  const rawOutput = attr(span, 'gen_ai.tool.call.result', 'ai.toolCall.result', 'output.value')
  let output: string
  if (rawOutput !== undefined) {
    const parsed = parseMaybeJson(rawOutput)
    output = typeof parsed === 'string' ? parsed : JSON.stringify(parsed) ?? ''
  } else {
    const choice = eventNamed(span, 'gen_ai.choice')?.attrs.get('message')
    output = choice === undefined ? span.statusMessage ?? '' : textIn(parseMaybeJson(choice))
  }
  const errorType = str(attr(span, 'error.type'))
  const failed = span.error || str(attr(span, 'gen_ai.tool.status')) === 'error'
  const status = !failed ? 'ok' : errorType === 'timeout' || errorType === 'aborted' ? errorType : 'error'
  return { name, callId, args: args === null ? {} : args, output, status }
}

/**
 * Progress a tool reported: span events "gen_ai.tool.progress" (as Lanes writes them), the whole
 * progress value as JSON in "lanes.progress", or a plain "message" / "fraction".
 */
export function progressOf(span: TraceSpan): { timeUs: number; progress: ToolProgress }[] {
  const out: { timeUs: number; progress: ToolProgress }[] = []
  for (const event of span.events) {
    if (event.name !== 'gen_ai.tool.progress') continue
    const whole = parseMaybeJson(event.attrs.get('lanes.progress'))
    if (typeof whole === 'string' || (typeof whole === 'object' && whole !== null && !Array.isArray(whole))) {
      out.push({ timeUs: event.timeUs, progress: progressValue(whole) })
      continue
    }
    const message = str(event.attrs.get('message'))
    const fraction = num(event.attrs.get('fraction'))
    out.push({ timeUs: event.timeUs, progress: { ...(message !== undefined ? { message } : {}), ...(fraction !== undefined ? { fraction } : {}) } })
  }
  return out
}

/** Untrusted JSON as a ToolProgress: a string, or only the fields ToolProgress declares. */
function progressValue(value: string | object): ToolProgress {
  if (typeof value === 'string') return value
  const object = value as Record<string, unknown>
  const out: Exclude<ToolProgress, string> = {}
  if (typeof object['message'] === 'string') out.message = object['message']
  if (typeof object['fraction'] === 'number' && Number.isFinite(object['fraction'])) out.fraction = object['fraction']
  if (object['data'] !== undefined) out.data = object['data']
  return out
}

/** An agent's name, when the span has one. */
export function agentNameOf(span: TraceSpan): string | undefined {
  return first(str(attr(span, 'gen_ai.agent.name', 'ai.telemetry.functionId', 'agent.name')), span.name.startsWith('invoke_agent ') ? span.name.slice(13) : undefined)
}

/** The executor a trace written by Lanes declares. */
export function declaredExecutor(span: TraceSpan): string | undefined {
  const value = str(span.attrs.get('lanes.executor'))
  return value !== undefined && /^(concurrent|sequential|concurrency:[1-9]\d*)$/.test(value) ? value : undefined
}
