// The comparison a list of records forms, read off the records themselves. Apart from the set-link
// codec (run-set.ts) so the page can name a comparison without loading the codec.
import type { RunRecord } from './types.ts'

/** What a set link says about the comparison its records form. */
export interface RunSetComparison {
  id: string
  title?: string
  /** Variant labels, in the order their first run appears. */
  variants: string[]
  /** The most trials of any variant. */
  trials: number
}

/** The comparison these records form: the first record's comparison id, its variants and trials. */
export function comparisonOfRecords(records: readonly RunRecord[], title?: string): RunSetComparison | undefined {
  const id = records.find((record) => record.comparison)?.comparison?.id
  if (id === undefined) return undefined
  const variants: string[] = []
  let trials = 0
  for (const record of records) {
    if (record.comparison?.id !== id) continue
    if (!variants.includes(record.comparison.variant)) variants.push(record.comparison.variant)
    trials = Math.max(trials, record.comparison.trial)
  }
  return { id, ...(title ? { title } : {}), variants, trials }
}
