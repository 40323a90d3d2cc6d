// Traces from other agent frameworks, in and out (design.md): runsFromOtlp turns OTLP/JSON or a
// Jaeger export into read-only run records, one per agent invocation; runToOtlp writes any run in
// the OpenTelemetry GenAI conventions. Pure functions; untrusted input never makes them throw.
import { decodeTrace } from './otel/decode.ts'
import { invocationsOf } from './otel/invocations.ts'
import { recordOf } from './otel/record.ts'
import { validateRecord } from './record.ts'
import type { RunRecord } from './types.ts'

export { runToOtlp, runsToOtlp, type OtlpTrace } from './otel/encode.ts'
export { MAX_SPANS } from './otel/decode.ts'

/** The largest trace file read (checked on the File, before any of it is read). */
export const MAX_TRACE_BYTES = 40 * 1024 * 1024

/** What runsFromOtlp made of a trace. */
export type TraceImport = { ok: true; records: RunRecord[] } | { ok: false; error: string }

const NOT_A_TRACE = 'This is not a trace Lanes can read: expected OTLP/JSON (with "resourceSpans", as the OpenTelemetry Collector\'s file exporter or OTLP/HTTP writes it) or a Jaeger JSON export.'

/**
 * Read runs from a parsed trace: an OTLP/JSON request (or a list of them, one per line of a
 * Collector file), or a Jaeger JSON export. Each agent invocation becomes a read-only record.
 */
export function runsFromOtlp(json: unknown): TraceImport {
  try {
    const decoded = decodeTrace(json)
    if (!decoded) return { ok: false, error: NOT_A_TRACE }
    if (!decoded.spans.length) return { ok: false, error: 'This trace has no spans.' }
    const records: RunRecord[] = []
    for (const invocation of invocationsOf(decoded.spans)) {
      const checked = validateRecord(recordOf(invocation, decoded.format))
      if (checked.ok) records.push(checked.value)
    }
    if (!records.length) {
      return { ok: false, error: `This trace has ${decoded.spans.length.toLocaleString('en')} span${decoded.spans.length === 1 ? '' : 's'} but no agent spans: no model calls or tool calls in the OpenTelemetry GenAI, Strands, Vercel AI SDK or OpenInference conventions.` }
    }
    return { ok: true, records }
  } catch (error) {
    // A guard, not a path: the readers check every field, but a file must never break the page.
    return { ok: false, error: `This trace could not be read (${error instanceof Error ? error.name : 'unknown error'}).` }
  }
}

/** Parse a trace file's text: one JSON document, or JSON Lines (the Collector's file exporter). */
export function parseTraceText(text: string): { ok: true; json: unknown } | { ok: false; error: string } {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, error: 'This file is empty.' }
  try {
    return { ok: true, json: JSON.parse(trimmed) as unknown }
  } catch {
    // Not one document: try one per line.
  }
  const lines: unknown[] = []
  for (const line of trimmed.split('\n')) {
    if (!line.trim()) continue
    try {
      lines.push(JSON.parse(line) as unknown)
    } catch {
      return { ok: false, error: 'This file is not JSON (nor JSON Lines), so it is not a trace Lanes can read.' }
    }
  }
  return { ok: true, json: lines }
}

/** Whether a file's first bytes look like a trace (OTLP/JSON or Jaeger), to route a dropped file. */
export function looksLikeTrace(head: string): boolean {
  if (!/^\s*[[{]/.test(head)) return false
  return /"(resourceSpans|resource_spans)"\s*:/.test(head) || (/"traceID"\s*:/.test(head) && /"spanID"\s*:/.test(head))
}

/** A message when a trace file is too big to read, before reading it. */
export function traceSizeError(bytes: number): string | undefined {
  if (bytes <= MAX_TRACE_BYTES) return undefined
  const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`
  return `This trace is ${mb(bytes)}, over the ${mb(MAX_TRACE_BYTES)} Lanes reads. Export only the traces you want (a time range, or one trace id) and import that.`
}
