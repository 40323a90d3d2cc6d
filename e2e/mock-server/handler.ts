// The mock provider as a Web-standard Request → Response function, so it runs behind Node's http
// server and, unchanged, as a `fetch` implementation inside a page.
import { anthropicErrorBody, anthropicMessage, anthropicStreamSteps } from './anthropic-wire.ts'
import { openAICompletion, openAIErrorBody, openAIStreamSteps } from './openai-wire.ts'
import type { MockHttpError, MockRequestView } from './plan.ts'
import { planFor, SCENARIO_NAMES } from './scenarios.ts'
import { responsesStreamSteps } from './responses-wire.ts'
import { playSteps } from './sse.ts'
import { viewAnthropic, viewOpenAI, viewResponses } from './view.ts'

/** One request as the mock received it. Headers are kept whole: tests check auth. */
export interface RecordedRequest {
  method: string
  path: string
  headers: Record<string, string>
  body: unknown
}

/** A mock provider: the handler plus its request log. */
export interface MockHandler {
  handle(request: Request): Promise<Response>
  requests(): RecordedRequest[]
  reset(): void
}

const CORS_BASE: Record<string, string> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': '*',
}

/** Create a mock provider with its own request log and fault counters. */
export function createMockHandler(): MockHandler {
  let log: RecordedRequest[] = []
  let hits = new Map<string, number>()

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const path = url.pathname
    if (request.method === 'OPTIONS') {
      log.push({ method: 'OPTIONS', path, headers: Object.fromEntries(request.headers), body: undefined })
      return preflight(request)
    }
    if (path === '/__mock/requests') return json(200, log)
    if (path === '/__mock/reset' && request.method === 'POST') {
      log = []
      hits = new Map()
      return json(200, { ok: true })
    }
    const raw = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
    let body: unknown = raw
    try {
      body = raw ? (JSON.parse(raw) as unknown) : undefined
    } catch {
      // kept as text; the route answers 400 below
    }
    log.push({ method: request.method, path, headers: Object.fromEntries(request.headers), body })

    if (request.method === 'GET' && (path === '/v1/models' || path === '/models')) {
      return json(200, { object: 'list', data: SCENARIO_NAMES.map((id) => ({ id, object: 'model', created: 1760000000, owned_by: 'lanes-mock' })) })
    }
    const isOpenAI = path.endsWith('/chat/completions')
    const isAnthropic = path.endsWith('/messages')
    const isResponses = path.endsWith('/responses')
    if (request.method !== 'POST' || (!isOpenAI && !isAnthropic && !isResponses)) return json(404, { error: { message: `No route ${request.method} ${path}`, type: 'not_found' } })
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return json(400, { error: { message: 'Body must be a JSON object.', type: 'invalid_request_error' } })

    const record = body as Record<string, unknown>
    const view = isOpenAI ? viewOpenAI(record, request.headers) : isResponses ? viewResponses(record, request.headers) : viewAnthropic(record, request.headers)
    if (!view.apiKey) return errorResponse(view, { status: 401, category: 'auth', message: 'No API key: send Authorization: Bearer <key> or x-api-key.' })
    const count = hits.get(view.model) ?? 0
    hits.set(view.model, count + 1)
    const plan = planFor(view, count)
    if (plan.type === 'error') return errorResponse(view, plan.error)

    if (!view.stream && isResponses) return json(400, { error: { message: 'The mock serves the Responses API streamed only (stream: true).', type: 'invalid_request_error' } })
    if (!view.stream) return json(200, isOpenAI ? openAICompletion(plan.turn, view.model) : anthropicMessage(plan.turn, view.model))
    const streamOptions = record['stream_options']
    const includeUsage = typeof streamOptions === 'object' && streamOptions !== null && (streamOptions as Record<string, unknown>)['include_usage'] === true
    const steps = isOpenAI ? openAIStreamSteps(plan.turn, view.model, includeUsage) : isResponses ? responsesStreamSteps(plan.turn, view.model) : anthropicStreamSteps(plan.turn, view.model)
    return new Response(playSteps(steps), {
      status: 200,
      headers: { ...CORS_BASE, 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': 'req_mock_01', 'request-id': 'req_mock_01' },
    })
  }

  return { handle, requests: () => log.map((entry) => ({ ...entry })), reset: () => { log = []; hits = new Map() } }
}

function preflight(request: Request): Response {
  const asked = request.headers.get('access-control-request-headers')
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_BASE,
      'access-control-allow-methods': 'POST, GET, OPTIONS',
      'access-control-allow-headers': asked ?? '*',
      'access-control-max-age': '600',
    },
  })
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(value), { status, headers: { ...CORS_BASE, 'content-type': 'application/json', ...headers } })
}

function errorResponse(view: MockRequestView, error: MockHttpError): Response {
  const body = view.protocol === 'anthropic' ? anthropicErrorBody(error) : openAIErrorBody(error)
  return json(error.status, body, { 'x-request-id': 'req_mock_err', 'request-id': 'req_mock_err', ...error.headers })
}
