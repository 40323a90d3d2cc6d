import type { ReactNode } from 'react'
import { updateSettings } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'

const NEXT_THEME = { system: 'light', light: 'dark', dark: 'system' } as const

/** Title bar: what Lanes is, and the global actions. */
export function Header({ onKeys, onShare, onHistory, onSettings }: { onKeys: () => void; onShare: () => void; onHistory: () => void; onSettings: () => void }): ReactNode {
  const theme = useSettings((s) => s.theme)
  const button = 'rounded-lg border border-zinc-300 px-2.5 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800'
  return (
    <header className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <button type="button" className={`${button} lg:hidden`} onClick={onSettings}>Settings</button>
      <h1 className="flex items-center gap-2 text-lg font-bold tracking-tight">
        <img src="./favicon.svg" alt="" className="h-6 w-6" /> Lanes
      </h1>
      <p className="hidden text-sm text-zinc-500 dark:text-zinc-400 md:block">Tool-using agents, streamed live, on one time axis.</p>
      <div className="ml-auto flex flex-wrap gap-2">
        <button type="button" className={button} onClick={onHistory}>History</button>
        <button type="button" className={button} onClick={onShare}>Share</button>
        <button type="button" className={button} onClick={onKeys}>Keys</button>
        <button type="button" className={button} onClick={() => updateSettings({ theme: NEXT_THEME[theme] })} aria-label={`Theme: ${theme}. Switch theme`}>
          {theme === 'dark' ? 'Dark' : theme === 'light' ? 'Light' : 'Auto'}
        </button>
      </div>
    </header>
  )
}
