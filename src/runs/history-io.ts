// Export and import of run history as a JSON file. Exports use the shareable form (no keys, no
// attachment bytes); imports validate each record on its own, so one bad run does not sink a file.
import { toShareable, validateRecord } from './record.ts'
import type { RunRecord } from './types.ts'

/** The format tag of an export file. */
export const EXPORT_FORMAT = 'lanes-runs'

/** A history export: `{ format: 'lanes-runs', v: 1, runs: [...] }`, records in shareable form. */
export function exportHistory(records: readonly RunRecord[]): string {
  const runs = records.map((record) => toShareable(record, { inlineThumbnails: true }))
  return JSON.stringify({ format: EXPORT_FORMAT, v: 1, runs }, null, 1)
}

/** What importHistory read: the valid records, and the runs it left out. */
export interface ImportResult {
  records: RunRecord[]
  /** Runs left out, by position in the file (-1: the file itself), with the reason. */
  skipped: { index: number; reason: string }[]
}

/**
 * The valid records of an export file. A run that was still running when exported comes back
 * 'interrupted': it cannot resume here.
 */
export function importHistory(text: string): ImportResult {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { records: [], skipped: [{ index: -1, reason: 'This file is not JSON. Choose a file made by Lanes’ Export.' }] }
  }
  const file = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {}
  if (file['format'] !== EXPORT_FORMAT || !Array.isArray(file['runs'])) {
    return { records: [], skipped: [{ index: -1, reason: 'This is not a Lanes history export (format "lanes-runs"). Choose a file made by Lanes’ Export.' }] }
  }
  if (file['v'] !== 1) {
    return { records: [], skipped: [{ index: -1, reason: `This export uses format version ${String(file['v'])}, which this version of Lanes does not know. Reload to get the latest Lanes.` }] }
  }
  const result: ImportResult = { records: [], skipped: [] }
  file['runs'].forEach((item: unknown, index) => {
    const checked = validateRecord(item)
    if (!checked.ok) { result.skipped.push({ index, reason: checked.error }); return }
    const record = checked.value
    if (record.status === 'running') record.status = 'interrupted'
    result.records.push(record)
  })
  return result
}
