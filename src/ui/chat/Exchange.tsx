// One exchange of the conversation: the user's message, then the run it started (stats, the
// streamed answer per model turn, tool cards, errors in place). Finished exchanges don't change,
// so only the one streaming re-renders each frame (its `tick`).
import { memo, useState, type ReactNode } from 'react'
import type { RunView, TurnView } from '../../runs/run-view.ts'
import { editExchange, setPrompt } from '../../state/composer.ts'
import { startRun } from '../../state/run-controller.ts'
import type { LiveRun } from '../../state/runs.ts'
import { ErrorNotice } from './ErrorNotice.tsx'
import { noticeLines } from './notice-lines.ts'
import { LazyMarkdown as Markdown } from './markdown/LazyMarkdown.tsx'
import { RunStats } from './RunStats.tsx'
import { ToolCard } from './ToolCard.tsx'
import { Thinking } from './Thinking.tsx'
import { ToolOffer } from './ToolOffer.tsx'

export interface ExchangeProps {
  run: LiveRun
  /** Its place in the thread; undefined for a run shown on its own (a variant, a shared run). */
  index: number | undefined
  /** The last thing in the thread (it carries the tool offer). */
  last: boolean
  busy: boolean
  /** Changes every frame while this run streams, so a memoized exchange still redraws then. */
  tick: number
}

/** One exchange: prompt, stats, answer, tool cards, errors. */
export const Exchange = memo(function Exchange({ run, index, last, busy }: ExchangeProps): ReactNode {
  const { view, record } = run
  return (
    <article aria-label={index === undefined ? `Run ${run.label}` : `Exchange ${index + 1}`} data-exchange={index ?? ''} className="space-y-4">
      <div className="rounded-lg bg-sky-50 p-3 text-sm dark:bg-sky-950/40">
        <div className="mb-1 flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-sky-800 dark:text-sky-300">
          You
          <span className="ml-auto flex gap-1 normal-case tracking-normal">
            {!run.readOnly && index !== undefined && (
              <button type="button" disabled={busy} onClick={() => { editExchange(index, record.input.text); focusPrompt(record.input.text) }} title="Put this prompt back in the box to change it; running it replaces this exchange and those after it" className="rounded px-2 py-0.5 hover:bg-sky-100 disabled:opacity-40 dark:hover:bg-sky-900/50">Edit</button>
            )}
            {index === undefined && (
              <button type="button" onClick={() => editPrompt(record.input.text)} className="rounded px-2 py-0.5 hover:bg-sky-100 dark:hover:bg-sky-900/50">Edit</button>
            )}
            <button type="button" disabled={busy} onClick={() => rerun(run, index)} title="Run this prompt again with the current settings (executor, model), beside this run on the time axis" className="rounded px-2 py-0.5 hover:bg-sky-100 disabled:opacity-40 dark:hover:bg-sky-900/50">Re-run</button>
          </span>
        </div>
        <p className="whitespace-pre-wrap" data-testid="user-prompt">{record.input.text}</p>
        {record.input.attachments.length > 0 && (
          <ul className="mt-2 flex flex-wrap gap-2 text-xs text-zinc-600 dark:text-zinc-400" aria-label="Attached files">
            {record.input.attachments.map((a) => <li key={a.hash || a.name} className="rounded bg-white px-2 py-0.5 dark:bg-zinc-900">{a.name}</li>)}
          </ul>
        )}
      </div>
      <div className="flex items-center justify-between gap-2">
        <RunStats view={view} startedAt={run.startedAt} />
        <RunBadge view={view} />
      </div>
      <div aria-live="polite" aria-busy={view.status === 'running'} data-testid="answer" className="space-y-4">
        {view.turns.map((turn) => <Turn key={turn.turn} turn={turn} view={view} startedAt={run.startedAt} />)}
      </div>
      {last && <ToolOffer />}
      {view.error && <ErrorNotice error={view.error} />}
      {view.stopReason === 'max-turns' && (
        <p role="status" data-testid="max-turns" className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-100">
          Stopped after {view.turns.length} turn{view.turns.length === 1 ? '' : 's'}, the limit set in Max turns: the model still wanted to call tools. Everything said so far is kept; raise the limit to let it go further.
        </p>
      )}
      {view.status === 'aborted' && (
        <p role="status" className="rounded bg-zinc-100 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          Stopped. Everything streamed so far is kept; press Run to start again.
        </p>
      )}
    </article>
  )
})


/** Re-run an exchange with the current settings, beside it on the axis, with the same history. */
function rerun(run: LiveRun, index: number | undefined): void {
  void startRun(run.record.input.text, index === undefined ? { keepOthers: true } : { thread: { mode: 'beside', at: index } })
}

/** Put a prompt back in the composer to edit and resend it. */
function editPrompt(text: string): void {
  setPrompt(text)
  focusPrompt(text)
}

function focusPrompt(text: string): void {
  const box = document.getElementById('prompt')
  if (box instanceof HTMLTextAreaElement) {
    box.focus()
    box.setSelectionRange(text.length, text.length)
  }
}

function Turn({ turn, view, startedAt }: { turn: TurnView; view: RunView; startedAt: number | undefined }): ReactNode {
  const text = turn.text
  return (
    <div className="space-y-2" data-turn={turn.turn}>
      <Thinking turn={turn} streaming={view.status === 'running'} />
      {noticeLines(turn.notices, view.error?.message).map((notice, i) => (
        <p key={i} role="status" className="rounded bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">{notice}</p>
      ))}
      {text && (
        <div className="text-[15px]" data-testid="assistant-text">
          <Markdown text={text} />
        </div>
      )}
      {turn.toolCallIds.length > 0 && <ToolCards ids={turn.toolCallIds} turn={turn.turn} view={view} startedAt={startedAt} />}
    </div>
  )
}

/** A run's state in a word or three; never "Done" for a run that did not finish its work. */
function badgeLabel(view: RunView): string {
  if (view.status === 'running') return 'Streaming…'
  if (view.status === 'interrupted' || view.error?.name === 'Interrupted') return 'Interrupted'
  if (view.stopReason === 'routed') return 'Routed'
  if (view.stopReason === 'max-turns') return `Stopped after ${view.turns.length} turn${view.turns.length === 1 ? '' : 's'}`
  if (view.status === 'done') return 'Done'
  return view.status === 'aborted' ? 'Stopped' : 'Error'
}

function RunBadge({ view }: { view: RunView }): ReactNode {
  const label = badgeLabel(view)
  return (
    <span role="status" data-testid="run-status" className="shrink-0 rounded-full bg-zinc-100 px-2 py-0.5 text-xs font-medium dark:bg-zinc-800">
      {label}
    </span>
  )
}

/** Cards shown before "Show all": an imported trace can hold thousands of calls in one turn. */
const FIRST_CARDS = 60

function ToolCards({ ids, turn, view, startedAt }: { ids: readonly string[]; turn: number; view: RunView; startedAt: number | undefined }): ReactNode {
  const [all, setAll] = useState(false)
  const shown = all ? ids : ids.slice(0, FIRST_CARDS)
  return (
    <div className="grid gap-2 sm:grid-cols-2" aria-label={`Tool calls of turn ${turn}`}>
      {shown.map((id) => {
        const card = view.tools.get(id)
        return card ? <ToolCard key={id} card={card} nowMs={view.lastT} startedAt={startedAt} version={view.version} /> : null
      })}
      {shown.length < ids.length && (
        <button type="button" onClick={() => setAll(true)} className="rounded-lg border border-dashed border-zinc-300 p-3 text-sm text-zinc-600 hover:bg-zinc-50 dark:border-zinc-700 dark:text-zinc-300 dark:hover:bg-zinc-900">
          Show all {ids.length.toLocaleString()} tool calls ({(ids.length - shown.length).toLocaleString()} more; all are on the Gantt)
        </button>
      )}
    </div>
  )
}
