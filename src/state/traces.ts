// Traces in and out of the page: a trace file (dropped, or picked in History) becomes read-only
// runs opened like a replay; any run on screen leaves as OTLP/JSON, downloaded or sent to a local
// OTLP/HTTP endpoint. The trace code loads with the first trace, not with the page.
import type { TraceImport } from '../runs/otel.ts'
import type { RunRecord } from '../runs/types.ts'
import { addFiles } from './attachments.ts'
import { importRuns } from './history.ts'
import { openReadOnly } from './replay.ts'
import { addRun, liveRun, runsStore, setNotice } from './runs.ts'

// The store lives apart so the page can tell whether there are choices without this module.
import { tracesStore } from './trace-choices.ts'
export { tracesStore, type TracesState } from './trace-choices.ts'

/** How many bytes of a file are enough to tell a trace from other JSON. */
const HEAD_BYTES = 64 * 1024

/**
 * Read a trace file into records: in a worker when the page has one (a big trace parses for
 * seconds), else here. The size is checked on the File, before any byte is read.
 */
export async function readTraceFile(file: Blob): Promise<TraceImport> {
  const { traceSizeError } = await import('../runs/otel.ts')
  const tooBig = traceSizeError(file.size)
  if (tooBig) return { ok: false, error: tooBig }
  if (typeof Worker === 'undefined') return (await import('./trace-read.ts')).readTraceBlob(file)
  const worker = new Worker(new URL('./trace-worker.ts', import.meta.url), { type: 'module', name: 'lanes-trace' })
  try {
    return await new Promise<TraceImport>((resolve) => {
      worker.onmessage = (event: MessageEvent<TraceImport>) => resolve(event.data)
      worker.onerror = () => resolve({ ok: false, error: 'This trace could not be read (the reader stopped).' })
      worker.postMessage(file)
    })
  } finally {
    worker.terminate()
  }
}

/** Whether a file holds a trace, by its content (the name and type of a trace file vary). */
export async function isTraceFile(file: Blob): Promise<boolean> {
  if (file.type && !/json|text|octet-stream/.test(file.type)) return false
  const { looksLikeTrace } = await import('../runs/otel.ts')
  return looksLikeTrace(await file.slice(0, HEAD_BYTES).text())
}

const describe = (record: RunRecord): string => {
  const from = record.imported
  return from ? `Executor ${from.executorInferred ? 'inferred' : 'recorded'}: ${from.executorNote}.` : ''
}

/** Save an imported run and open it read-only, like a shared run. */
export function openImported(record: RunRecord): void {
  tracesStore.setState({ choices: [] })
  void importRuns([record])
  openReadOnly(record, record.label ?? 'imported')
  setNotice({ kind: 'info', title: `Viewing an imported trace: ${record.title ?? record.id} (read-only)`, detail: `${describe(record)} Use “What if?” to project the other executor, Share to send it as a link.` })
}

/**
 * A lane label not used by a run on screen ("x", "x #2", …). The Gantt keys lanes by label, and
 * runs of one trace (or a run added twice) would otherwise share one.
 */
export function freeLabel(base: string, taken: Iterable<string> = runsStore.getState().runs.map((run) => run.label)): string {
  const used = new Set(taken)
  let label = base
  for (let n = 2; used.has(label); n++) label = `${base} #${n}`
  return label
}

/** Show a saved run beside the runs on screen (to compare on one axis), read-only. */
export function addToGantt(record: RunRecord): void {
  addRun(liveRun(record, freeLabel(record.label ?? record.title ?? 'saved run'), true), true)
}

/** Save every run of a trace and show them all on one Gantt. */
export function openAllImported(records: readonly RunRecord[]): void {
  tracesStore.setState({ choices: [] })
  void importRuns([...records])
  const [first, ...rest] = records
  if (!first) return
  openReadOnly(first, first.label ?? 'imported')
  for (const record of rest) addToGantt(record)
  setNotice({ kind: 'info', title: `Imported ${records.length} runs from a trace (read-only)`, detail: 'They are saved in History and shown together on the Gantt.' })
}

/** Import a trace file: one run opens at once; several wait for a pick. Returns what happened. */
export async function importTraceFile(file: Blob): Promise<string> {
  const result = await readTraceFile(file)
  if (!result.ok) {
    setNotice({ kind: 'error', title: 'This file could not be imported as a trace', detail: result.error })
    return result.error
  }
  if (result.records.length === 1) {
    openImported(result.records[0]!)
    return `Imported 1 run from the trace. ${describe(result.records[0]!)}`
  }
  tracesStore.setState({ choices: result.records })
  return `This trace holds ${result.records.length} agent runs: pick one, or import all.`
}

/** Route dropped files: traces are imported, everything else is attached as before. */
export async function addDroppedFiles(files: readonly File[]): Promise<void> {
  const checks = await Promise.all(files.map(isTraceFile))
  const traces = files.filter((_, i) => checks[i])
  const others = files.filter((_, i) => !checks[i])
  for (const trace of traces) await importTraceFile(trace)
  if (others.length) await addFiles(others)
}

/** Runs as an OTLP/JSON file (GenAI conventions), never with a key. */
export async function exportOtlp(records: readonly RunRecord[]): Promise<Blob> {
  const { runsToOtlp } = await import('../runs/otel.ts')
  return new Blob([JSON.stringify(runsToOtlp(records))], { type: 'application/json' })
}

/** "Name: value" lines as headers; a malformed line is an error that does not repeat its value. */
export function parseHeaderLines(text: string): { ok: true; headers: Record<string, string> } | { ok: false; error: string } {
  const headers: Record<string, string> = {}
  const lines = text.split('\n').map((line) => line.trim()).filter(Boolean)
  for (const [i, line] of lines.entries()) {
    const colon = line.indexOf(':')
    const name = colon > 0 ? line.slice(0, colon).trim() : ''
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) return { ok: false, error: `Header line ${i + 1} is not "Name: value".` }
    headers[name] = line.slice(colon + 1).trim()
  }
  return { ok: true, headers }
}

/** The OTLP/HTTP traces URL for what the user typed (a collector base or the full /v1/traces URL). */
export function tracesUrl(endpoint: string): URL | undefined {
  try {
    const url = new URL(endpoint.trim())
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
    if (!/\/v1\/traces\/?$/.test(url.pathname)) url.pathname = `${url.pathname.replace(/\/$/, '')}/v1/traces`
    return url
  } catch {
    return undefined
  }
}

/**
 * POST runs as OTLP/JSON to the user's OTLP/HTTP endpoint (a local collector). The headers are
 * secret like a key: sent only to that endpoint, never stored, and never repeated in a message.
 */
export async function sendOtlp(records: readonly RunRecord[], endpoint: string, headerText: string, fetcher: typeof fetch = fetch): Promise<{ ok: boolean; message: string }> {
  const url = tracesUrl(endpoint)
  if (!url) return { ok: false, message: 'Enter the collector’s OTLP/HTTP address, e.g. http://localhost:4318.' }
  const parsed = parseHeaderLines(headerText)
  if (!parsed.ok) return { ok: false, message: parsed.error }
  const { redactSecrets } = await import('../runs/record.ts')
  const where = redactSecrets(`${url.origin}${url.pathname}`)
  try {
    const response = await fetcher(url, { method: 'POST', headers: { ...parsed.headers, 'Content-Type': 'application/json' }, body: await exportOtlp(records), credentials: 'omit' })
    if (!response.ok) return { ok: false, message: `${where} answered HTTP ${response.status}. Check the address and headers.` }
    return { ok: true, message: `Sent ${records.length} run${records.length === 1 ? '' : 's'} to ${where}.` }
  } catch {
    return { ok: false, message: `Could not reach ${where} (is the collector running, and does it allow this page’s origin with CORS?).` }
  }
}
