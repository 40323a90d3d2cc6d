import { useEffect, useRef, useState, type ReactNode } from 'react'
import { activeRun } from '../../state/runs.ts'
import { configLinkOf, exportJson, permalinkOf, setLinkOf } from '../../state/share.ts'
import { recordsOfConversation } from '../../state/conversation-open.ts'
import { useRuns } from '../hooks.ts'
import { inputClass } from '../settings/Field.tsx'
import { downloadBlob as download } from '../gantt/index.ts'
import { OtlpExport } from '../traces/OtlpExport.tsx'

/** Share the active run: a permalink (no server, never a key), a config-only link, or JSON. */
export function ShareDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null)
  const run = useRuns((s) => activeRun(s))
  const busy = useRuns((s) => s.busy)
  const onGantt = useRuns((s) => s.runs)
  const [link, setLink] = useState('')
  const [message, setMessage] = useState('')
  const [thumbnails, setThumbnails] = useState(false)
  const [maxChars, setMaxChars] = useState(32_000)
  const [configOnly, setConfigOnly] = useState(false)
  // The conversation the active run belongs to, when it has more than this one run.
  const conversation = open && run?.record.conversation ? recordsOfConversation() : []
  const [wholeConversation, setWholeConversation] = useState(true)
  const shareConversation = wholeConversation && conversation.length > 1 && !configOnly
  const conversationKey = conversation.map((record) => record.id).join()

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) el.showModal()
    else if (!open && el.open) el.close()
  }, [open])

  useEffect(() => {
    if (!open || !run) return
    let live = true
    setMessage('')
    const make = configOnly ? configLinkOf(run.record)
      : shareConversation ? setLinkOf(recordsOfConversation(), { inlineThumbnails: thumbnails, maxChars })
      : permalinkOf(run.record, { inlineThumbnails: thumbnails, maxChars })
    make.then(
      async (url) => {
        if (!live) return
        setLink(url)
        try {
          await navigator.clipboard.writeText(url)
          if (live) setMessage('Copied to the clipboard.')
        } catch {
          if (live) setMessage('Select the link and copy it.')
        }
      },
      (error: unknown) => {
        if (!live) return
        setLink('')
        setMessage(error instanceof Error ? error.message : String(error))
      },
    )
    return () => {
      live = false
    }
  }, [open, run, thumbnails, maxChars, configOnly, busy, shareConversation, conversationKey])

  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="share-title" className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100">
      <div className="space-y-3 p-5">
        <h2 id="share-title" className="text-lg font-semibold">{shareConversation ? 'Share this conversation' : 'Share this run'}</h2>
        {!run ? (
          <p className="text-sm">Run something first; then its link holds the whole run.</p>
        ) : (
          <>
            {conversation.length > 1 && (
              <fieldset className="flex flex-wrap gap-4 text-sm">
                <legend className="sr-only">What to share</legend>
                <label className="flex items-center gap-2"><input type="radio" name="share-scope" checked={wholeConversation} onChange={() => setWholeConversation(true)} /> The whole conversation ({conversation.length} runs)</label>
                <label className="flex items-center gap-2"><input type="radio" name="share-scope" checked={!wholeConversation} onChange={() => setWholeConversation(false)} /> This run only</label>
              </fieldset>
            )}
            <div className="flex flex-wrap gap-4 text-sm">
              <label className="flex items-center gap-2"><input type="checkbox" checked={configOnly} onChange={(e) => setConfigOnly(e.target.checked)} /> Setup only (“try this”: prompt, settings, tools)</label>
              <label className="flex items-center gap-2"><input type="checkbox" checked={thumbnails} disabled={configOnly} onChange={(e) => setThumbnails(e.target.checked)} /> Inline thumbnails</label>
              <label className="flex items-center gap-2">Max link size <input type="number" min={2000} step={1000} value={maxChars} onChange={(e) => setMaxChars(Math.max(2000, Number(e.target.value) || 2000))} className="w-24 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900" /></label>
            </div>
            <label className="block text-sm font-medium">
              Permalink
              <textarea readOnly value={link} rows={4} className={`${inputClass} font-mono text-xs`} onFocus={(e) => e.currentTarget.select()} />
            </label>
            <p className="text-xs text-zinc-500 dark:text-zinc-400" role="status" data-testid="link-length">
              {link ? `${link.length.toLocaleString()} characters. ` : ''}{message} The link holds the run itself; no server is involved and no key is included. Attachments go by reference (name, size, hash).
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="button" className="rounded-lg border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700" onClick={async () => download(await exportJson(shareConversation ? recordsOfConversation() : [run.record]), `lanes-${shareConversation ? 'conversation' : 'run'}-${run.record.id.slice(0, 8)}.json`)}>Export JSON</button>
              <button type="button" className="ml-auto rounded-lg bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white" onClick={onClose}>Done</button>
            </div>
            <OtlpExport records={onGantt.map((r) => r.record)} />
          </>
        )}
      </div>
    </dialog>
  )
}
