import { useState, type ReactNode } from 'react'
import type { RunRecord } from '../../runs/types.ts'
import { exportOtlp, sendOtlp } from '../../state/traces.ts'
import { downloadBlob as download } from '../gantt/index.ts'
import { inputClass } from '../settings/Field.tsx'

/**
 * The runs on the Gantt as OTLP/JSON in the GenAI conventions (opens in Jaeger, Langfuse,
 * Phoenix), downloaded or sent to a local collector. The headers live in this component's state
 * only: never saved, never in a link or an export.
 */
export function OtlpExport({ records }: { records: readonly RunRecord[] }): ReactNode {
  const [endpoint, setEndpoint] = useState('http://localhost:4318')
  const [headers, setHeaders] = useState('')
  const [message, setMessage] = useState('')
  const [sending, setSending] = useState(false)
  const plural = records.length === 1 ? 'this run' : `these ${records.length} runs`
  return (
    <details className="rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">OpenTelemetry (OTLP/JSON)</summary>
      <div className="mt-2 space-y-2">
        <button type="button" className="rounded-lg border border-zinc-300 px-3 py-1.5 dark:border-zinc-700" onClick={async () => download(await exportOtlp(records), `lanes-trace-${records[0]?.id.slice(0, 8) ?? 'runs'}.otlp.json`)}>
          Export OTLP/JSON
        </button>
        <span className="ml-2 text-xs text-zinc-500 dark:text-zinc-400">{plural} as a trace in the GenAI conventions, for Jaeger, Langfuse or Phoenix.</span>
        <label className="block">OTLP/HTTP endpoint<input className={inputClass} value={endpoint} onChange={(e) => setEndpoint(e.target.value)} placeholder="http://localhost:4318" /></label>
        <label className="block">Headers (one “Name: value” a line; kept in this dialog only)
          <textarea className={`${inputClass} font-mono text-xs`} rows={2} value={headers} onChange={(e) => setHeaders(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="button" disabled={sending} className="rounded-lg border border-zinc-300 px-3 py-1.5 disabled:opacity-50 dark:border-zinc-700" onClick={async () => {
          setSending(true)
          const result = await sendOtlp(records, endpoint, headers)
          setSending(false)
          setMessage(result.message)
        }}>Send to endpoint</button>
        {message && <p role="status" className="text-xs" data-testid="otlp-status">{message}</p>}
      </div>
    </details>
  )
}
