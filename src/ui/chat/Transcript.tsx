import type { ReactNode } from 'react'
import type { RunView, TurnView } from '../../runs/run-view.ts'
import { setPrompt } from '../../state/composer.ts'
import { startRun } from '../../state/run-controller.ts'
import { activeRun } from '../../state/runs.ts'
import { useRuns } from '../hooks.ts'
import { ErrorNotice } from './ErrorNotice.tsx'
import { LazyMarkdown as Markdown } from './markdown/LazyMarkdown.tsx'
import { RunStats } from './RunStats.tsx'
import { ToolCard } from './ToolCard.tsx'
import { ToolOffer } from './ToolOffer.tsx'

/** The active run: prompt, streamed answer per turn, tool cards, stats and errors in place. */
export function Transcript(): ReactNode {
  useRuns((s) => s.frame) // re-render once per animation frame while the run streams
  const run = useRuns((s) => activeRun(s))
  const busy = useRuns((s) => s.busy)
  if (!run) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-500 dark:text-zinc-400 dark:border-zinc-700">
        Pick a scenario above, or write a prompt and press <kbd className="rounded border px-1">Ctrl</kbd>+<kbd className="rounded border px-1">Enter</kbd>. The offline demo model needs no key.
      </div>
    )
  }
  const { view, record } = run
  return (
    <section aria-label="Transcript" className="space-y-4">
      <div className="rounded-lg bg-sky-50 p-3 text-sm dark:bg-sky-950/40">
        <div className="mb-1 flex items-center gap-2 text-xs font-medium uppercase tracking-wide text-sky-800 dark:text-sky-300">
          You
          <span className="ml-auto flex gap-1 normal-case tracking-normal">
            <button type="button" onClick={() => editPrompt(record.input.text)} className="rounded px-2 py-0.5 hover:bg-sky-100 dark:hover:bg-sky-900/50">Edit</button>
            <button type="button" disabled={busy} onClick={() => void startRun(record.input.text, { executor: record.config.executor })} className="rounded px-2 py-0.5 hover:bg-sky-100 disabled:opacity-40 dark:hover:bg-sky-900/50">Re-run</button>
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
        <RunStats view={view} />
        <RunBadge view={view} />
      </div>
      <div aria-live="polite" aria-busy={view.status === 'running'} data-testid="answer" className="space-y-4">
        {view.turns.map((turn) => <Turn key={turn.turn} turn={turn} view={view} />)}
      </div>
      <ToolOffer />
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
    </section>
  )
}

/** Put a prompt back in the composer to edit and resend it. */
function editPrompt(text: string): void {
  setPrompt(text)
  const box = document.getElementById('prompt')
  if (box instanceof HTMLTextAreaElement) {
    box.focus()
    box.setSelectionRange(text.length, text.length)
  }
}

function Turn({ turn, view }: { turn: TurnView; view: RunView }): ReactNode {
  const text = turn.text
  return (
    <div className="space-y-2" data-turn={turn.turn}>
      {turn.notices.map((notice, i) => (
        <p key={i} role="status" className="rounded bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">{notice}</p>
      ))}
      {text && (
        <div className="text-[15px]" data-testid="assistant-text">
          <Markdown text={text} />
        </div>
      )}
      {turn.toolCallIds.length > 0 && (
        <div className="grid gap-2 sm:grid-cols-2" aria-label={`Tool calls of turn ${turn.turn}`}>
          {turn.toolCallIds.map((id) => {
            const card = view.tools.get(id)
            return card ? <ToolCard key={id} card={card} nowMs={view.lastT} version={view.version} /> : null
          })}
        </div>
      )}
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
