// Trace files -> one flat list of spans, whatever wrote them: OTLP/JSON (the Collector's file
// exporter, OTLP/HTTP JSON bodies, either field-name spelling of the protobuf JSON mapping) and
// Jaeger's JSON export. Reads untrusted JSON: every field is checked, nothing throws, and the
// work is linear in the size of the input.

/** An attribute value as the importer reads it (OTLP arrays and maps become plain JSON). */
export type AttrValue = string | number | boolean | null | AttrValue[] | { [key: string]: AttrValue }

/** A span event (OTLP) or log (Jaeger). */
export interface TraceEvent {
  name: string
  /** Microseconds since the Unix epoch. */
  timeUs: number
  attrs: Map<string, AttrValue>
}

/** One span, format-neutral. */
export interface TraceSpan {
  traceId: string
  spanId: string
  parentId: string | undefined
  name: string
  /** Microseconds since the Unix epoch. */
  startUs: number
  endUs: number
  attrs: Map<string, AttrValue>
  events: TraceEvent[]
  error: boolean
  statusMessage: string | undefined
  service: string | undefined
  scope: string | undefined
}

/** The spans of a file, and which format it was. */
export interface DecodedTrace {
  format: 'otlp' | 'jaeger'
  spans: TraceSpan[]
}

/** The most spans read from one file; more would not fit on a Gantt anyway. */
export const MAX_SPANS = 250_000

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
/** A field under its lowerCamelCase or snake_case name (both are valid protobuf JSON). */
const field = (object: Json, camel: string, snake: string): unknown => object[camel] ?? object[snake]
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined)

/**
 * Nanoseconds (a decimal string or a number) as microseconds. Epoch nanoseconds exceed 2^53, so a
 * string is cut before its last three digits instead of parsed whole.
 */
export function nanosToUs(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value / 1000 : undefined
  if (typeof value !== 'string' || !/^\d{1,30}$/.test(value)) return undefined
  if (value.length <= 3) return Number(value) / 1000
  return Number(value.slice(0, -3)) + Number(value.slice(-3)) / 1000
}

/** An OTLP AnyValue as plain JSON; depth-limited, since the input is untrusted. */
function anyValue(value: unknown, depth = 0): AttrValue {
  if (!isObject(value) || depth > 16) return null
  if ('stringValue' in value || 'string_value' in value) return text(field(value, 'stringValue', 'string_value')) ?? null
  if ('intValue' in value || 'int_value' in value) {
    const n = Number(field(value, 'intValue', 'int_value'))
    return Number.isFinite(n) ? n : null
  }
  if ('doubleValue' in value || 'double_value' in value) {
    const n = Number(field(value, 'doubleValue', 'double_value'))
    return Number.isFinite(n) ? n : null
  }
  if ('boolValue' in value || 'bool_value' in value) return field(value, 'boolValue', 'bool_value') === true
  const array = field(value, 'arrayValue', 'array_value')
  if (isObject(array)) return list(array['values']).slice(0, 1000).map((item) => anyValue(item, depth + 1))
  const kvlist = field(value, 'kvlistValue', 'kvlist_value')
  if (isObject(kvlist)) return Object.fromEntries(attributes(kvlist['values'], depth + 1))
  return text(field(value, 'bytesValue', 'bytes_value')) ?? null
}

function attributes(value: unknown, depth = 0): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>()
  for (const item of list(value)) {
    if (isObject(item) && typeof item['key'] === 'string') out.set(item['key'], anyValue(item['value'], depth))
  }
  return out
}

function otlpSpan(raw: unknown, service: string | undefined, scope: string | undefined): TraceSpan | undefined {
  if (!isObject(raw)) return undefined
  const traceId = text(field(raw, 'traceId', 'trace_id'))
  const spanId = text(field(raw, 'spanId', 'span_id'))
  const startUs = nanosToUs(field(raw, 'startTimeUnixNano', 'start_time_unix_nano'))
  if (!traceId || !spanId || startUs === undefined) return undefined
  const endUs = nanosToUs(field(raw, 'endTimeUnixNano', 'end_time_unix_nano'))
  const status = isObject(raw['status']) ? raw['status'] : {}
  const code = status['code']
  const events: TraceEvent[] = []
  for (const event of list(raw['events']).slice(0, 10_000)) {
    if (!isObject(event)) continue
    const timeUs = nanosToUs(field(event, 'timeUnixNano', 'time_unix_nano'))
    if (timeUs !== undefined) events.push({ name: text(event['name']) ?? '', timeUs, attrs: attributes(event['attributes']) })
  }
  const parent = text(field(raw, 'parentSpanId', 'parent_span_id'))
  return {
    traceId, spanId, parentId: parent || undefined, name: text(raw['name']) ?? '', startUs,
    endUs: endUs !== undefined && endUs >= startUs ? endUs : startUs,
    attrs: attributes(raw['attributes']), events,
    error: code === 2 || code === 'STATUS_CODE_ERROR',
    statusMessage: text(status['message']) || undefined,
    service, scope,
  }
}

function decodeOtlp(requests: unknown[], spans: TraceSpan[]): void {
  for (const request of requests) {
    if (!isObject(request)) continue
    for (const resourceSpans of list(field(request, 'resourceSpans', 'resource_spans'))) {
      if (!isObject(resourceSpans)) continue
      const resource = isObject(resourceSpans['resource']) ? resourceSpans['resource'] : {}
      const service = attributes(resource['attributes']).get('service.name')
      const scopes = [...list(field(resourceSpans, 'scopeSpans', 'scope_spans')), ...list(field(resourceSpans, 'instrumentationLibrarySpans', 'instrumentation_library_spans'))]
      for (const scopeSpans of scopes) {
        if (!isObject(scopeSpans)) continue
        const scope = field(scopeSpans, 'scope', 'instrumentation_library') ?? scopeSpans['instrumentationLibrary']
        const scopeName = isObject(scope) ? text(scope['name']) : undefined
        for (const raw of list(scopeSpans['spans'])) {
          if (spans.length >= MAX_SPANS) return
          const span = otlpSpan(raw, typeof service === 'string' ? service : undefined, scopeName)
          if (span) spans.push(span)
        }
      }
    }
  }
}

/** Jaeger tags/fields ({ key, type, value }) as attributes. */
function jaegerTags(value: unknown): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>()
  for (const tag of list(value)) {
    if (!isObject(tag) || typeof tag['key'] !== 'string') continue
    const v = tag['value']
    out.set(tag['key'], typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null)
  }
  return out
}

function jaegerSpan(raw: unknown, processes: Json): TraceSpan | undefined {
  if (!isObject(raw)) return undefined
  const traceId = text(raw['traceID'])
  const spanId = text(raw['spanID'])
  const startUs = typeof raw['startTime'] === 'number' && Number.isFinite(raw['startTime']) ? raw['startTime'] : undefined
  if (!traceId || !spanId || startUs === undefined) return undefined
  const duration = typeof raw['duration'] === 'number' && raw['duration'] >= 0 ? raw['duration'] : 0
  const parentRef = list(raw['references']).find((ref) => isObject(ref) && ref['refType'] === 'CHILD_OF')
  const attrs = jaegerTags(raw['tags'])
  const events: TraceEvent[] = []
  for (const log of list(raw['logs']).slice(0, 10_000)) {
    if (!isObject(log) || typeof log['timestamp'] !== 'number') continue
    const fields = jaegerTags(log['fields'])
    events.push({ name: typeof fields.get('event') === 'string' ? String(fields.get('event')) : '', timeUs: log['timestamp'], attrs: fields })
  }
  const process = processes[text(raw['processID']) ?? '']
  const service = isObject(process) ? text(process['serviceName']) : undefined
  const statusCode = attrs.get('otel.status_code')
  return {
    traceId, spanId, parentId: isObject(parentRef) ? text(parentRef['spanID']) : undefined, name: text(raw['operationName']) ?? '',
    startUs, endUs: startUs + duration, attrs, events,
    error: statusCode === 'ERROR' || attrs.get('error') === true,
    statusMessage: text(attrs.get('otel.status_description')) || undefined,
    service, scope: text(attrs.get('otel.scope.name') ?? attrs.get('otel.library.name')),
  }
}

function decodeJaeger(traces: unknown[], spans: TraceSpan[]): void {
  for (const trace of traces) {
    if (!isObject(trace)) continue
    const processes = isObject(trace['processes']) ? trace['processes'] : {}
    for (const raw of list(trace['spans'])) {
      if (spans.length >= MAX_SPANS) return
      const span = jaegerSpan(raw, processes)
      if (span) spans.push(span)
    }
  }
}

const isOtlp = (value: unknown): boolean => isObject(value) && Array.isArray(field(value, 'resourceSpans', 'resource_spans'))
const isJaegerTrace = (value: unknown): boolean => isObject(value) && Array.isArray(value['spans']) && ('traceID' in value || 'processes' in value)

/**
 * The spans of a parsed trace file: an OTLP request, a list of them (JSON Lines), a Jaeger export
 * (`{ data: [trace…] }`, a list of traces, or one trace). Undefined when it is none of those.
 */
export function decodeTrace(json: unknown): DecodedTrace | undefined {
  const spans: TraceSpan[] = []
  const items = Array.isArray(json) ? json : [json]
  if (items.some(isOtlp)) {
    decodeOtlp(items, spans)
    return { format: 'otlp', spans }
  }
  const jaeger = isObject(json) && Array.isArray(json['data']) ? json['data'] : items
  if (jaeger.some(isJaegerTrace)) {
    decodeJaeger(jaeger, spans)
    return { format: 'jaeger', spans }
  }
  return undefined
}
