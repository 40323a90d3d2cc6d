import { useState, type ReactNode } from 'react'
import type { TurnView } from '../../runs/run-view.ts'
import { formatMs } from '../format.ts'

/**
 * A model turn's thinking, above its answer: streamed live and open while the model thinks,
 * folded away once the answer starts (the reader can open it again). Plain text, never Markdown:
 * thoughts are notes, and a half-written thought must not look like formatting.
 */
export function Thinking({ turn, streaming }: { turn: TurnView; streaming: boolean }): ReactNode {
  const [chosen, setChosen] = useState<boolean | undefined>(undefined)
  const reasoning = turn.reasoning
  if (!reasoning) return null
  const answering = turn.text.length > 0 || turn.toolCallIds.length > 0
  const open = chosen ?? (streaming && !answering)
  const took = turn.thinkingMs !== undefined ? ` · ${formatMs(turn.thinkingMs)}` : ''
  return (
    <details
      open={open}
      onToggle={(e) => {
        const next = e.currentTarget.open
        if (next !== open) setChosen(next)
      }}
      className="rounded-lg border border-violet-200 bg-violet-50/50 px-3 py-2 text-sm dark:border-violet-900 dark:bg-violet-950/20"
      data-testid="thinking"
    >
      <summary className="cursor-pointer text-xs font-medium text-violet-800 dark:text-violet-300">
        {streaming && !answering ? 'Thinking…' : 'Thinking'}{took}
      </summary>
      <p className="mt-2 max-h-72 overflow-y-auto whitespace-pre-wrap text-[13px] text-zinc-700 dark:text-zinc-300" data-testid="thinking-text">{reasoning}</p>
    </details>
  )
}
