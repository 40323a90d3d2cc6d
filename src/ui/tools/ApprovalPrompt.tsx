import type { ReactNode } from 'react'
import { answerApproval, type PendingApproval } from '../../state/tool-card.ts'
import { previewJson } from '../format.ts'

/** A call waiting for the user: the tool, its server and its arguments, with Approve and Deny. */
export function ApprovalPrompt({ prompt }: { prompt: PendingApproval }): ReactNode {
  const { call } = prompt
  const shown = call.originalName !== call.tool ? `${call.originalName} (as ${call.tool})` : call.tool
  return (
    <div role="alertdialog" aria-label={`Approve ${call.tool}?`} className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950/40">
      <p className="font-medium text-amber-900 dark:text-amber-100">
        Run <span className="font-mono">{shown}</span>{call.source ? <> on <span className="font-medium">{call.source}</span></> : null}?
      </p>
      <pre className="mt-1 max-h-40 overflow-auto whitespace-pre-wrap rounded bg-white p-1 font-mono dark:bg-zinc-950" aria-label="Arguments">{previewJson(call.args, 4000)}</pre>
      <div className="mt-2 flex gap-2">
        <button type="button" onClick={() => answerApproval(prompt.id, true)} className="rounded bg-emerald-600 px-2.5 py-1 font-medium text-white hover:bg-emerald-700">Approve</button>
        <button type="button" onClick={() => answerApproval(prompt.id, false)} className="rounded border border-zinc-300 px-2.5 py-1 font-medium hover:bg-zinc-100 dark:border-zinc-600 dark:hover:bg-zinc-800">Deny</button>
      </div>
    </div>
  )
}
