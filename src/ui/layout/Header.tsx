import type { ReactNode } from 'react'
import { updateSettings } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'
import { NewChatButton } from './NewChatButton.tsx'

const NEXT_THEME = { system: 'light', light: 'dark', dark: 'system' } as const

/** Title bar: what Lanes is, and the global actions, on one row at any width. */
export function Header({ onKeys, onShare, onHistory, onSettings, settingsOpen }: { onKeys: () => void; onShare: () => void; onHistory: () => void; onSettings: () => void; settingsOpen: boolean }): ReactNode {
  const theme = useSettings((s) => s.theme)
  const button = 'rounded-lg border border-zinc-300 px-1 py-1 text-xs hover:bg-zinc-100 sm:px-2.5 sm:py-1.5 sm:text-sm dark:border-zinc-700 dark:hover:bg-zinc-800'
  return (
    <header className="flex h-[3.25rem] shrink-0 items-center gap-1.5 border-b border-zinc-200 px-1.5 sm:gap-2 sm:px-4 dark:border-zinc-800">
      <h1 className="flex shrink-0 items-center gap-1.5 text-base font-bold tracking-tight sm:gap-2 sm:text-lg">
        <img src="./favicon.svg" alt="" className="h-5 w-5 sm:h-6 sm:w-6" /> Lanes
      </h1>
      <p className="hidden truncate text-sm text-zinc-500 xl:block dark:text-zinc-400">Tool-using agents, streamed live, on one time axis.</p>
      <nav aria-label="Page actions" className="ml-auto flex shrink-0 items-center gap-1 sm:gap-2">
        <NewChatButton className={button} />
        <button type="button" className={`${button} lg:hidden`} onClick={onSettings} aria-expanded={settingsOpen} aria-controls="settings">Settings</button>
        <button type="button" className={button} onClick={onHistory}>History</button>
        <button type="button" className={button} onClick={onShare}>Share</button>
        <button type="button" className={button} onClick={onKeys}>Keys</button>
        <button type="button" className={button} onClick={() => updateSettings({ theme: NEXT_THEME[theme] })} aria-label={`Theme: ${theme}. Switch theme`} title="Theme">
          {theme === 'dark' ? '☾' : theme === 'light' ? '☀' : '◐'}
        </button>
      </nav>
    </header>
  )
}
