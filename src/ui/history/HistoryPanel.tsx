import { useEffect, useRef, useState, type ReactNode } from 'react'
import { allRuns, deleteRun, importFile as importRunsFile, loadRun, refreshHistory, renameRun, setHistorySearch } from '../../state/history.ts'
import { openReadOnly } from '../../state/replay.ts'
import { addToGantt, exportOtlp, importTraceFile } from '../../state/traces.ts'
import { exportJson } from '../../state/share.ts'
import { formatMs } from '../format.ts'
import { useHistory } from '../hooks.ts'
import { downloadBlob as download } from '../gantt/index.ts'
import { historyEntries } from '../../runs/history-entries.ts'
import type { RunSummary } from '../../state/history.ts'
import { ComparisonRow, SummaryCost } from './ComparisonRow.tsx'
import { ConversationRow } from './ConversationRow.tsx'

/** Saved runs: search, rename, delete, re-open; export one or all; import. */
export function HistoryPanel({ onClose }: { onClose: () => void }): ReactNode {
  const summaries = useHistory((s) => s.summaries)
  const search = useHistory((s) => s.search)
  const available = useHistory((s) => s.available)
  const [editing, setEditing] = useState<string | undefined>(undefined)
  const [report, setReport] = useState('')
  const picker = useRef<HTMLInputElement>(null)
  const tracePicker = useRef<HTMLInputElement>(null)
  useEffect(() => void refreshHistory(), [])

  const importFile = async (file: File): Promise<void> => setReport(await importRunsFile(file))
  const open = async (id: string): Promise<void> => {
    const record = await loadRun(id)
    if (record) openReadOnly(record, record.title ?? 'saved run')
  }
  const addSaved = async (id: string): Promise<void> => {
    const record = await loadRun(id)
    if (record) addToGantt(record)
  }
  const exportTrace = async (id: string): Promise<void> => {
    const record = await loadRun(id)
    if (record) download(await exportOtlp([record]), `lanes-trace-${id.slice(0, 8)}.otlp.json`)
  }
  const exportOne = async (id: string): Promise<void> => {
    const record = await loadRun(id)
    if (record) download(await exportJson([record]), `lanes-run-${id.slice(0, 8)}.json`)
  }
  const runRow = (s: RunSummary): ReactNode => (
    <li key={s.id} className="flex flex-wrap items-center gap-2 py-1.5" data-testid="history-item">
      {editing === s.id ? (
        <input autoFocus defaultValue={s.title} aria-label="Run title" className="flex-1 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900" onKeyDown={(e) => { if (e.key === 'Enter') { void renameRun(s.id, e.currentTarget.value); setEditing(undefined) } if (e.key === 'Escape') setEditing(undefined) }} onBlur={(e) => { void renameRun(s.id, e.currentTarget.value); setEditing(undefined) }} />
      ) : (
        <button type="button" className="flex-1 truncate text-left hover:underline" onClick={() => void open(s.id)} title="Open read-only">{s.title}</button>
      )}
      <span className="text-xs text-zinc-500 dark:text-zinc-400">{s.status === 'interrupted' ? 'interrupted · ' : ''}{s.provider}/{s.model} · {s.executor} · {formatMs(s.makespanMs)}<SummaryCost summary={s} /> · {new Date(s.createdAt).toLocaleString()}</span>
      <button type="button" className="text-xs underline" onClick={() => setEditing(s.id)}>Rename</button>
      <button type="button" className="text-xs underline" onClick={() => void addSaved(s.id)} title="Show beside the runs on the Gantt, to compare">Add to Gantt</button>
      <button type="button" className="text-xs underline" onClick={() => void exportOne(s.id)}>Export</button>
      <button type="button" className="text-xs underline" onClick={() => void exportTrace(s.id)} title="OpenTelemetry OTLP/JSON, GenAI conventions">OTLP</button>
      <button type="button" className="text-xs text-rose-700 underline dark:text-rose-400" onClick={() => void deleteRun(s.id)} aria-label={`Delete ${s.title}`}>Delete</button>
    </li>
  )
  return (
    <section aria-label="History" className="space-y-2 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="font-semibold">History</h2>
        <input type="search" aria-label="Search history" placeholder="Search prompts, models, tools…" value={search} onChange={(e) => setHistorySearch(e.target.value)} className="min-w-40 flex-1 rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900" />
        <button type="button" className="rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700" onClick={async () => download(await exportJson(await allRuns()), 'lanes-history.json')}>Export all</button>
        <button type="button" className="rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700" onClick={() => picker.current?.click()}>Import</button>
        <input ref={picker} type="file" accept="application/json,.json" className="hidden" aria-label="Import runs" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importFile(f) }} />
        <button type="button" className="rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700" onClick={() => tracePicker.current?.click()}>Import trace</button>
        <input ref={tracePicker} type="file" accept="application/json,.json,.jsonl,.ndjson" className="hidden" aria-label="Import trace file" onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void importTraceFile(f).then(setReport) }} />
        <button type="button" onClick={onClose} aria-label="Close history" className="rounded px-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">✕</button>
      </div>
      {report && <p role="status" className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="import-report">{report}</p>}
      {!available && <p className="text-sm text-zinc-500 dark:text-zinc-400">History is not available in this browser; runs are kept for this tab only.</p>}
      <ul className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800" aria-label="Saved runs">
        {historyEntries(summaries).map((entry) => (entry.kind === 'conversation' ? <ConversationRow key={entry.id} entry={entry} /> : entry.kind === 'comparison' ? <ComparisonRow key={entry.id} entry={entry} /> : runRow(entry.summary)))}
        {available && !summaries.length && <li className="py-2 text-zinc-500 dark:text-zinc-400">No saved runs yet.</li>}
      </ul>
    </section>
  )
}
