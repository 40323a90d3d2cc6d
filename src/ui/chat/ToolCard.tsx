import { lazy, memo, Suspense, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import type { ToolCard as ToolCardView } from '../../runs/run-view.ts'
import { formatMs, previewJson } from '../format.ts'
import { useNow, useRuns } from '../hooks.ts'
import { approvalFor, approvalsStore, isMcpContentData, originalToolName } from '../../state/tool-card.ts'

// Only a call waiting for approval, and an MCP tool's images and resources, need these.
const ApprovalPrompt = lazy(() => import('../tools/ApprovalPrompt.tsx').then((m) => ({ default: m.ApprovalPrompt })))
const McpContent = lazy(() => import('../tools/McpContent.tsx').then((m) => ({ default: m.McpContent })))

const STATUS_STYLE: Record<string, string> = {
  running: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200',
  ok: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200',
  error: 'bg-rose-100 text-rose-800 dark:bg-rose-900/50 dark:text-rose-200',
  timeout: 'bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-200',
  aborted: 'bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300',
  routed: 'bg-violet-100 text-violet-800 dark:bg-violet-900/50 dark:text-violet-200',
}

const OUTPUT_PREVIEW = 2_000

function progressText(progress: ToolCardView['progress'][number]['progress']): string {
  if (typeof progress === 'string') return progress
  if (progress.message) return progress.message
  if (progress.fraction !== undefined) return `${Math.round(progress.fraction * 100)}%`
  return previewJson(progress.data, 120)
}

/** One tool call: arguments, live progress, status, duration and output. */
export const ToolCard = memo(function ToolCard({ card, nowMs, startedAt, version }: { card: ToolCardView; nowMs: number; startedAt?: number | undefined; version: number }): ReactNode {
  void version // re-render signal: the card object is updated in place while it runs
  // The live clock: a running call's time moves even while it reports nothing.
  const clock = useNow(card.status === 'running' && startedAt !== undefined, 100)
  const liveNow = card.status === 'running' && startedAt !== undefined ? Math.max(nowMs, clock - startedAt) : nowMs
  const [showAll, setShowAll] = useState(false)
  const running = card.status === 'running'
  const duration = card.durationMs ?? (running ? liveNow - card.startMs : undefined)
  const last = card.progress.slice(-4)
  const output = card.output ?? ''
  const long = output.length > OUTPUT_PREVIEW
  const original = useRuns((s) => originalToolName(s.runs, card.name))
  // Only a running call can be waiting (call ids repeat across runs of the offline model).
  const prompt = useStore(approvalsStore, (s) => (running ? approvalFor(s, card.callId) : undefined))
  // Images and other non-text MCP content ride in the result's last progress tick: shown here.
  const lastTick = card.progress.at(-1)?.progress
  const content = typeof lastTick === 'object' && isMcpContentData(lastTick.data) ? lastTick.data : undefined
  return (
    <article className="rounded-lg border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900" aria-label={`Tool call ${card.name}`} data-call-id={card.callId}>
      <header className="flex flex-wrap items-center gap-2">
        <span className="font-mono font-semibold">{card.name}</span>
        {original !== undefined && <span className="text-xs text-zinc-500 dark:text-zinc-400" title="The tool's own name: the model saw it renamed to fit provider rules">({original})</span>}
        <span className={`rounded px-1.5 py-0.5 text-xs ${STATUS_STYLE[card.status] ?? STATUS_STYLE['aborted']}`} data-testid="tool-status">{card.status}</span>
        <span className="ml-auto tabular-nums text-xs text-zinc-500 dark:text-zinc-400">{formatMs(duration)}</span>
      </header>
      <code className="mt-1 block truncate text-xs text-zinc-600 dark:text-zinc-400" title={previewJson(card.args, 2000)}>{previewJson(card.args, 160)}</code>
      {card.fraction !== undefined && (
        <div className="mt-2 h-1.5 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800" role="progressbar" aria-label={`${card.name} progress`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(card.fraction * 100)}>
          <div className="h-full bg-sky-500 transition-[width]" style={{ width: `${Math.round(card.fraction * 100)}%` }} />
        </div>
      )}
      {last.length > 0 && (
        <ol className="mt-2 space-y-0.5 text-xs text-zinc-600 dark:text-zinc-400" aria-label={`${card.name} progress messages`}>
          {card.progress.length > last.length && <li className="italic">… {card.progress.length - last.length} earlier</li>}
          {last.map((p, i) => (
            <li key={card.progress.length - last.length + i} className="font-mono">
              <span className="tabular-nums text-zinc-500 dark:text-zinc-400">{formatMs(p.t - card.startMs)}</span> {progressText(p.progress)}
            </li>
          ))}
        </ol>
      )}
      {prompt && prompt.call.tool === card.name && <Suspense fallback={null}><ApprovalPrompt prompt={prompt} /></Suspense>}
      {content && <Suspense fallback={null}><McpContent blocks={content.content} structured={content.structuredContent} tool={card.name} /></Suspense>}
      {output && (
        <div className="mt-2">
          <pre className="max-h-48 overflow-auto whitespace-pre-wrap rounded bg-white p-2 text-xs dark:bg-zinc-950" data-testid="tool-output">{showAll || !long ? output : `${output.slice(0, OUTPUT_PREVIEW)}…`}</pre>
          {long && (
            <button type="button" className="mt-1 text-xs text-sky-700 underline dark:text-sky-400" onClick={() => setShowAll((v) => !v)}>
              {showAll ? 'Show less' : `Show full output (${output.length.toLocaleString()} characters)`}
            </button>
          )}
        </div>
      )}
    </article>
  )
})
