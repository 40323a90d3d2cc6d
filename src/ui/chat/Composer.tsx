import { useEffect, useRef, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { cancelEdit, composerStore, setPrompt } from '../../state/composer.ts'
import { conversationStore, placeForPrompt } from '../../state/conversation.ts'
import { startRun, stopRun } from '../../state/run-controller.ts'
import { useAttachments, useRuns } from '../hooks.ts'
import { AttachButtons } from '../attachments/AttachButtons.tsx'
import { ScenarioPicker } from '../gallery/ScenarioGallery.tsx'

/** The prompt box with Run (Ctrl/Cmd+Enter) and Stop (Esc). */
export function Composer(): ReactNode {
  const prompt = useStore(composerStore, (s) => s.prompt)
  const editing = useStore(composerStore, (s) => s.editing)
  const followUp = useStore(conversationStore, (s) => s.exchanges.length > 0)
  const lastRunId = useStore(conversationStore, (s) => s.exchanges.at(-1)?.runId)
  const lastPrompt = useRuns((s) => s.runs.find((r) => r.record.id === lastRunId)?.record.input.text)
  const rerunsLast = editing === undefined && lastPrompt !== undefined && lastPrompt.trim() === prompt.trim()
  const busy = useRuns((s) => s.busy)
  // Run pressed while files are still being read: the run starts, with them, once they are.
  const waiting = useAttachments((s) => s.runWaiting)
  const reading = useAttachments((s) => s.pending.length)
  const box = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape' && busy) {
        e.preventDefault()
        stopRun()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [busy])

  const run = (): void => {
    const { prompt: typed, editing: at } = composerStore.getState()
    const text = typed.trim()
    if (!text || busy) return
    void startRun(text, { thread: placeForPrompt(text, at, lastPrompt) }).then((started) => {
      if (started) cancelEdit()
    })
  }

  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault()
        run()
      }}
    >
      <label htmlFor="prompt" className="sr-only">Prompt</label>
      {editing !== undefined && (
        <p role="status" className="flex items-center gap-2 text-xs text-amber-800 dark:text-amber-300">
          Editing message {editing + 1}: running it replaces that exchange and the ones after it.
          <button type="button" onClick={cancelEdit} className="rounded px-1.5 py-0.5 underline">Cancel edit</button>
        </p>
      )}
      {followUp && editing === undefined && (
        <p className="text-xs text-zinc-500 dark:text-zinc-400" data-testid="composer-hint">
          {rerunsLast ? 'Same prompt as the last message: Run re-runs it with the current settings, beside it on the time axis.' : 'A new prompt continues this conversation; New chat starts over.'}
        </p>
      )}
      <textarea
        id="prompt"
        ref={box}
        value={prompt}
        rows={2}
        onChange={(e) => setPrompt(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            run()
          }
        }}
        className="w-full resize-y rounded-lg border border-zinc-300 bg-white p-3 text-[15px] shadow-sm focus:border-sky-500 dark:border-zinc-700 dark:bg-zinc-900"
        placeholder={followUp ? 'Ask a follow-up' : "Ask something that needs tools, e.g. What's the weather, time, and population in Seattle?"}
      />
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" disabled={busy || !prompt.trim()} className="rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-sky-800 disabled:opacity-50" aria-keyshortcuts="Control+Enter Meta+Enter">
          {waiting ? `Reading ${reading > 0 ? `${reading} ` : ''}file${reading === 1 ? '' : 's'}…` : 'Run'}
        </button>
        <button type="button" onClick={stopRun} disabled={!busy} className="rounded-lg border border-zinc-300 px-4 py-2 text-sm font-semibold hover:bg-zinc-100 disabled:opacity-40 dark:border-zinc-700 dark:hover:bg-zinc-800" aria-keyshortcuts="Escape">
          Stop
        </button>
        <span className="hidden text-xs text-zinc-500 sm:inline dark:text-zinc-400">Ctrl/⌘+Enter to run · Esc to stop</span>
        <div className="ml-auto flex flex-wrap items-center gap-2"><ScenarioPicker /><AttachButtons /></div>
      </div>
    </form>
  )
}
