import { useEffect, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { customToolsStore, exportCustomToolsFile, importCustomToolsFile, loadCustomTools, removeCustomTool, setCustomToolEnabled, type CustomToolDefinition } from '../../state/custom-tools.ts'
import { formatMs } from '../format.ts'
import { draftOf, newDraft, type Draft } from './draft.ts'
import { ToolEditor } from './ToolEditor.tsx'

function summary(tool: CustomToolDefinition): string {
  if (tool.impl.kind === 'code') return 'code'
  const { delay, steps, failureRate } = tool.impl
  const time = delay.kind === 'fixed' ? formatMs(delay.ms) : `${formatMs(delay.minMs)}–${formatMs(delay.maxMs)}`
  return ['mock', time, steps.length ? `${steps.length} step${steps.length === 1 ? '' : 's'}` : '', failureRate > 0 ? `fails ${Math.round(failureRate * 100)}%` : ''].filter(Boolean).join(' · ')
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = 'lanes-tools.json'
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A file picker that is not part of the page (the page keeps one file input, for attachments). */
function pickFile(onText: (text: string) => void): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.accept = 'application/json,.json'
  input.onchange = () => void input.files?.[0]?.text().then(onText)
  input.click()
}

function ToolItem({ tool, index, onEdit }: { tool: CustomToolDefinition; index: number; onEdit: () => void }): ReactNode {
  const code = tool.impl.kind === 'code' ? tool.impl.body : undefined
  return (
    <article aria-label={`Custom tool ${tool.name}`} className="space-y-1 rounded border border-zinc-200 p-2 text-xs dark:border-zinc-800">
      <label className="flex items-center gap-2">
        <input type="checkbox" role="switch" checked={tool.enabled} onChange={(e) => setCustomToolEnabled(index, e.target.checked)} aria-label={`Enable ${tool.name}`} />
        <span className="font-mono font-medium">{tool.name}</span>
        <span className="text-zinc-500 dark:text-zinc-400">{summary(tool)}</span>
      </label>
      {tool.description && <p className="text-zinc-600 dark:text-zinc-400">{tool.description}</p>}
      {code !== undefined && !tool.enabled && <p className="text-amber-800 dark:text-amber-200">Switched off. Read the code before you enable it: it runs when the model calls the tool.</p>}
      {code !== undefined && (
        <details open={!tool.enabled}>
          <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">Code</summary>
          <pre aria-label={`Code of ${tool.name}`} className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-zinc-100 p-1 font-mono dark:bg-zinc-900">{code}</pre>
        </details>
      )}
      <div className="flex gap-2">
        <button type="button" onClick={onEdit} className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700">Edit</button>
        <button type="button" onClick={() => removeCustomTool(index)} className="rounded border border-zinc-300 px-2 py-0.5 text-rose-700 dark:border-zinc-700 dark:text-rose-300">Remove</button>
      </div>
    </article>
  )
}

/** Tools made in the page: mocks and code, editable, exported and imported as JSON. */
export function CustomTools(): ReactNode {
  const tools = useStore(customToolsStore, (s) => s.tools)
  const [editing, setEditing] = useState<{ draft: Draft; index?: number } | undefined>()
  const [message, setMessage] = useState<{ ok: boolean; text: string } | undefined>()
  useEffect(() => void loadCustomTools(), [])
  const onImport = (): void => pickFile((text) => void importCustomToolsFile(text).then((r) => setMessage({ ok: r.ok, text: r.message })))
  return (
    <section aria-label="Your tools" className="space-y-2">
      <h3 className="text-sm font-medium">Your tools</h3>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Mocks with delays, progress and failures, or code of your own. The model sees them beside the tools above.</p>
      <div className="flex flex-wrap gap-2 text-xs">
        <button type="button" onClick={() => setEditing({ draft: newDraft() })} className="rounded bg-sky-700 px-2 py-0.5 font-medium text-white hover:bg-sky-800">New tool</button>
        <button type="button" onClick={onImport} className="rounded border border-zinc-300 px-2 py-0.5 dark:border-zinc-700">Import tools</button>
        <button type="button" onClick={() => void exportCustomToolsFile().then(download)} disabled={tools.length === 0} className="rounded border border-zinc-300 px-2 py-0.5 disabled:opacity-50 dark:border-zinc-700">Export tools</button>
      </div>
      {message && <p role={message.ok ? 'status' : 'alert'} className={`text-xs ${message.ok ? 'text-zinc-600 dark:text-zinc-300' : 'text-rose-700 dark:text-rose-300'}`}>{message.text}</p>}
      {editing && <ToolEditor initial={editing.draft} {...(editing.index !== undefined ? { index: editing.index } : {})} onDone={() => setEditing(undefined)} />}
      <ul className="space-y-2" aria-label="Custom tools">
        {tools.map((tool, index) => <li key={`${index}-${tool.name}`}><ToolItem tool={tool} index={index} onEdit={() => setEditing({ draft: draftOf(tool), index })} /></li>)}
      </ul>
    </section>
  )
}
