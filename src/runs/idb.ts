// Promises over IndexedDB's request and transaction events.
import { toHistoryError } from './history-errors.ts'

/** An IDBRequest as a promise; failures become HistoryErrors. */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(toHistoryError(req.error))
  })
}

/** A transaction's end as a promise. */
export function finished(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(toHistoryError(tx.error))
    tx.onabort = () => reject(toHistoryError(tx.error))
  })
}
