import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { closeReplay, play, replayStore, seek, stopReplay, type ReplaySpeed } from '../../state/replay.ts'
import { askForFiles, missingFilesText, runAgainStore, type AgainRequest } from '../../state/run-again.ts'
import { runAgain } from '../../state/share.ts'
import { formatMs } from '../format.ts'
import { useRuns } from '../hooks.ts'

const SPEEDS: ReplaySpeed[] = [1, 2, 10, 'instant']

/** Replay controls of a shared run: speed, play/pause, scrubber, and Run again. */
export function ReplayBar(): ReactNode {
  const run = useStore(replayStore, (s) => s.run)
  const position = useStore(replayStore, (s) => s.positionMs)
  const duration = useStore(replayStore, (s) => s.durationMs)
  const playing = useStore(replayStore, (s) => s.playing)
  const busy = useRuns((s) => s.busy)
  if (!run) return null
  return (
    <section aria-label="Replay" className="flex flex-wrap items-center gap-2 rounded-lg border border-violet-200 bg-violet-50 p-2 text-sm dark:border-violet-900 dark:bg-violet-950/30">
      <span className="font-medium">Replay</span>
      {SPEEDS.map((speed) => (
        <button key={speed} type="button" onClick={() => play(speed)} className="rounded border border-violet-300 px-2 py-0.5 hover:bg-violet-100 dark:border-violet-800 dark:hover:bg-violet-900/40">
          {speed === 'instant' ? 'Instant' : `${speed}×`}
        </button>
      ))}
      {playing && <button type="button" onClick={stopReplay} className="rounded border border-violet-300 px-2 py-0.5 dark:border-violet-800">Pause</button>}
      <input type="range" aria-label="Replay position" min={0} max={Math.max(1, Math.round(duration))} value={Math.round(position)} onChange={(e) => { stopReplay(); seek(Number(e.target.value)) }} className="min-w-40 flex-1" />
      <span className="tabular-nums text-xs">{formatMs(position)} / {formatMs(duration)}</span>
      {run.record.imported && (
        <span className="text-xs" data-testid="imported-from" title="Imported runs are read-only; Lanes cannot run another framework's tools">
          Imported trace · executor {run.record.imported.executorInferred ? 'inferred' : 'recorded'}: {run.record.imported.executorNote}
        </span>
      )}
      <button type="button" disabled={busy || run.record.imported !== undefined} onClick={() => void runAgain(run.record)} className="rounded bg-violet-600 px-3 py-1 font-semibold text-white disabled:opacity-50">Run again</button>
      <button type="button" onClick={closeReplay} aria-label="Close replay" className="rounded px-1 hover:bg-violet-100 dark:hover:bg-violet-900/40">✕</button>
      <MissingFiles />
    </section>
  )
}

/**
 * Run again on a run whose files are not in the link: name them and ask. The picker is made on
 * demand rather than kept in the page, so the composer's file input stays the only one.
 */
function MissingFiles(): ReactNode {
  const asking = useStore(runAgainStore, (s) => s.asking)
  if (!asking) return null
  return (
    <div role="alertdialog" aria-label="Files for Run again" className="flex w-full flex-wrap items-center gap-2 rounded border border-amber-300 bg-amber-50 p-2 text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="min-w-60 flex-1">{missingFilesText(asking.missing)}</p>
      <button type="button" onClick={() => pickFiles(asking)} className="rounded bg-violet-600 px-3 py-1 font-semibold text-white">Choose files…</button>
      <button type="button" onClick={() => void runAgain(asking.record, { withoutMissing: true })} className="rounded border border-amber-400 px-3 py-1 dark:border-amber-700">{asking.missing.length === 1 ? 'Run without it' : 'Run without them'}</button>
      <button type="button" onClick={() => askForFiles(undefined)} className="rounded px-2 py-1 hover:bg-amber-100 dark:hover:bg-amber-900/40">Cancel</button>
    </div>
  )
}

function pickFiles(asking: AgainRequest): void {
  const input = document.createElement('input')
  input.type = 'file'
  input.multiple = asking.missing.length > 1
  input.accept = [...new Set(asking.missing.map((ref) => ref.mediaType))].join(',')
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])]
    if (files.length) void runAgain(asking.record, { files })
  }, { once: true })
  input.click()
}
