import type { ReactNode } from 'react'

/** A run error, in place: what happened and (in the message) what to do. The transcript stays. */
export function ErrorNotice({ error }: { error: { name: string; message: string } }): ReactNode {
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-100">
      <p className="font-semibold">{titleOf(error.name)}</p>
      <p className="mt-1 whitespace-pre-wrap" data-testid="error-message">{error.message}</p>
      <p className="mt-1 text-xs opacity-80">The transcript so far is kept. Fix the cause and press Run again.</p>
    </div>
  )
}

function titleOf(name: string): string {
  if (name === 'ProviderError') return 'The provider returned an error'
  if (name === 'AbortedError') return 'Stopped'
  if (name === 'AgentWorkerError') return 'The agent was shut down'
  if (name === 'Interrupted') return 'Interrupted by a reload'
  return 'The run failed'
}
