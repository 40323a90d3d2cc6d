// Reading a trace file into records: the part of an import that can run in a worker. Pure apart
// from reading the Blob; the size is checked before a byte of it is read.
import { parseTraceText, runsFromOtlp, traceSizeError, type TraceImport } from '../runs/otel.ts'

/** Read a trace file into records, or say why not. */
export async function readTraceBlob(file: Blob): Promise<TraceImport> {
  const tooBig = traceSizeError(file.size)
  if (tooBig) return { ok: false, error: tooBig }
  const parsed = parseTraceText(await file.text())
  return parsed.ok ? runsFromOtlp(parsed.json) : parsed
}
