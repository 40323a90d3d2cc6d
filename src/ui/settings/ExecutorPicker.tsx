import type { ReactNode } from 'react'
import { updateSettings } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'

const OPTIONS = [
  { value: 'concurrent', label: 'Concurrent', hint: 'all tool calls of a turn at once' },
  { value: 'sequential', label: 'Sequential', hint: 'one after another, in the model’s order' },
  { value: 'limit', label: 'Limit', hint: 'at most N at once' },
] as const

/** The "Tool executor" radio group: Concurrent, Sequential, or a limit of N. */
export function ExecutorPicker(): ReactNode {
  const executor = useSettings((s) => s.executor)
  const concurrency = useSettings((s) => s.concurrency)
  return (
    <fieldset role="radiogroup" aria-label="Tool executor" className="space-y-1">
      <legend className="mb-1 text-sm font-medium">Tool executor</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="flex items-center gap-2 text-sm">
          <input type="radio" name="executor" value={option.value} checked={executor === option.value} onChange={() => updateSettings({ executor: option.value })} />
          <span>{option.label}</span>
          {option.value === 'limit' && (
            <input
              type="number"
              min={1}
              max={64}
              value={concurrency}
              aria-label="Concurrency limit N"
              onChange={(e) => updateSettings({ concurrency: Math.max(1, Number(e.target.value) || 1), executor: 'limit' })}
              className="w-16 rounded border border-zinc-300 px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900"
            />
          )}
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{option.hint}</span>
        </label>
      ))}
    </fieldset>
  )
}
