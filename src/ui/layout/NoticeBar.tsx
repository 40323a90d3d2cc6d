import type { ReactNode } from 'react'
import { setNotice } from '../../state/runs.ts'
import { useHistory, useRuns } from '../hooks.ts'

/** Page-level messages (a bad link, storage off) that don't belong to one run. */
export function NoticeBar(): ReactNode {
  const notice = useRuns((s) => s.notice)
  const historyWarning = useHistory((s) => s.warning)
  return (
    <>
      {notice && (
        <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`flex items-start gap-3 px-4 py-2 text-sm ${notice.kind === 'error' ? 'bg-rose-50 text-rose-900 dark:bg-rose-950/50 dark:text-rose-100' : 'bg-amber-50 text-amber-900 dark:bg-amber-950/50 dark:text-amber-100'}`} data-testid="notice">
          <div className="flex-1">
            <p className="font-semibold">{notice.title}</p>
            {notice.detail && <p className="mt-0.5">{notice.detail}</p>}
          </div>
          <button type="button" onClick={() => setNotice(undefined)} aria-label="Dismiss message" className="rounded px-1 hover:bg-black/10">✕</button>
        </div>
      )}
      {historyWarning && (
        <div role="status" className="bg-amber-50 px-4 py-1.5 text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-100" data-testid="history-warning">
          History: {historyWarning} Runs still work; they are kept in memory for this tab.
        </div>
      )}
    </>
  )
}
