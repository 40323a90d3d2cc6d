import { useMemo, type ReactNode } from 'react'
import type { RunRecord } from '../../runs/types.ts'
import type { VariantGroup } from '../../runs/variants.ts'
import { wordDiff } from '../../runs/word-diff.ts'

/** A run's answer: the text its run-end reports (the last turn's text). */
function answerOf(record: RunRecord): string {
  const end = record.events.at(-1)
  return end?.type === 'run-end' ? end.result.text : ''
}

/**
 * Each variant's answer (of its median trial) in a column; every column after the first marks how
 * it differs from the first, word by word: words it lacks struck out, words it adds highlighted.
 */
export function AnswersSideBySide({ groups, medians }: { groups: readonly VariantGroup[]; medians: readonly (string | undefined)[] }): ReactNode {
  // Diffs are worked out once per set of finished trials, not per frame.
  const columns = useMemo(() => {
    const answers = groups.map((group, i) => {
      const record = group.records.find((r) => r.id === medians[i]) ?? group.records[0]
      return { label: group.label, text: record ? answerOf(record) : '' }
    })
    const first = answers[0]
    return answers.map((answer, i) => ({ ...answer, parts: i === 0 || !first ? [{ kind: 'same' as const, text: answer.text }] : wordDiff(first.text, answer.text) }))
  }, [groups, medians])
  const base = columns[0]
  if (!base || columns.length < 2) return null
  return (
    <details className="text-xs" open>
      <summary className="cursor-pointer font-medium">Answers side by side (differences from {base.label} marked)</summary>
      {/* Columns keep a readable width; a narrow screen scrolls them sideways. */}
      <div className="mt-1 grid gap-2 overflow-x-auto" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(12rem, 1fr))` }} aria-label="Answers side by side">
        {columns.map((answer, i) => {
          const parts = answer.parts
          return (
            <div key={answer.label} className="max-h-60 overflow-y-auto whitespace-pre-wrap rounded border border-zinc-200 bg-white p-2 dark:border-zinc-800 dark:bg-zinc-900" data-testid="variant-answer" data-variant={answer.label}>
              <p className="mb-1 font-semibold">{answer.label}</p>
              {answer.text === '' && <span className="text-zinc-500">No answer.</span>}
              {parts.map((part, n) => part.kind === 'removed'
                ? <del key={n} className="bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200" title={`only in ${base.label}`}>{part.text}</del>
                : part.kind === 'added'
                  ? <ins key={n} className="bg-emerald-100 text-emerald-900 no-underline dark:bg-emerald-950 dark:text-emerald-200" title={`not in ${base.label}`}>{part.text}</ins>
                  : <span key={n}>{part.text}</span>)}
              {i > 0 && parts.length === 1 && parts[0]!.kind === 'same' && answer.text !== '' && <p className="mt-1 text-zinc-500">Same words as {base.label}.</p>}
            </div>
          )
        })}
      </div>
    </details>
  )
}
