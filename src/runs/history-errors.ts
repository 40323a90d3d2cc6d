// The errors of the history store: each says what the user can do, and runs go on in memory.
import { LanesError } from '../core/index.ts'

/** missing: no IndexedDB; blocked: private mode or another tab; quota: storage full; failed: anything else. */
export type HistoryErrorReason = 'missing' | 'blocked' | 'quota' | 'failed'

/** Why history could not be read or written; the message says what the user can do. */
export class HistoryError extends LanesError {
  override name = 'HistoryError'
  constructor(readonly reason: HistoryErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** Map a storage failure to a HistoryError with a message the user can act on. */
export function toHistoryError(error: unknown): HistoryError {
  if (error instanceof HistoryError) return error
  const name = error instanceof Error || error instanceof DOMException ? error.name : ''
  if (name === 'QuotaExceededError') {
    return new HistoryError('quota', 'Browser storage is full, so this run is kept in memory only. Delete old runs in History (or export and clear it) to save new ones.', { cause: error })
  }
  if (name === 'SecurityError' || name === 'InvalidStateError') {
    return new HistoryError('blocked', 'This browser does not allow saving history here (private mode or blocked storage). Runs are kept in memory only; export them to keep them.', { cause: error })
  }
  return new HistoryError('failed', `Saving history failed (${name || 'unknown error'}). Runs are kept in memory; export them to keep them.`, { cause: error })
}
