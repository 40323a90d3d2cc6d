// What a turn's retries and fallback switches say, once each. A dead primary retried three times
// used to print its provider's message three times, and the run's error a fourth: consecutive
// retries of one model for one reason read as one line, and a reason the run's error already
// states is not repeated.
import type { TurnNotice } from '../../runs/run-view.ts'
import { formatMs } from '../format.ts'

/** The lines to show for `notices`, given the run's final error message if it failed. */
export function noticeLines(notices: readonly TurnNotice[], errorMessage?: string): string[] {
  const lines: string[] = []
  const said = (reason: string): boolean => errorMessage !== undefined && reason !== '' && errorMessage.includes(reason)
  for (let i = 0; i < notices.length; i++) {
    const notice = notices[i]!
    if (notice.kind === 'fallback') {
      lines.push(`Switched from ${notice.from} to ${notice.to}${said(notice.reason) ? '' : `: ${notice.reason}`}`)
      continue
    }
    const group = [notice]
    for (let next = notices[i + 1]; next?.kind === 'retry' && next.model === notice.model && next.reason === notice.reason; next = notices[i + 1]) {
      group.push(next)
      i++
    }
    const attempts = group.map((retry) => retry.attempt)
    const waits = group.map((retry) => formatMs(retry.delayMs)).join(', ')
    const which = attempts.length === 1 ? `Retry ${attempts[0]}` : `Retries ${attempts.slice(0, -1).join(', ')} and ${attempts.at(-1)}`
    lines.push(`${which} of ${notice.model} (waited ${waits})${said(notice.reason) ? '' : `: ${notice.reason}`}`)
  }
  return lines
}
