import { useState, type ReactNode } from 'react'
import { AttachmentsPanel } from './attachments/AttachmentsPanel.tsx'
import { DropTarget } from './attachments/DropTarget.tsx'
import { RunGantt } from './charts/RunGantt.tsx'
import { RunTimeline } from './charts/RunTimeline.tsx'
import { Composer } from './chat/Composer.tsx'
import { Transcript } from './chat/Transcript.tsx'
import { ComparePanel } from './compare/ComparePanel.tsx'
import { ScenarioGallery } from './gallery/ScenarioGallery.tsx'
import { HistoryPanel } from './history/HistoryPanel.tsx'
import { KeysDialog } from './keys/KeysDialog.tsx'
import { Header } from './layout/Header.tsx'
import { NoticeBar } from './layout/NoticeBar.tsx'
import { useTheme } from './layout/use-theme.ts'
import { SettingsPanel } from './settings/SettingsPanel.tsx'
import { ReplayBar } from './share/ReplayBar.tsx'
import { ShareDialog } from './share/ShareDialog.tsx'
import { usePermalinkOnLoad } from './share/use-permalink.ts'
import { TraceChoices } from './traces/TraceChoices.tsx'

/** The playground: settings on the left, the run in the middle, its timeline and Gantt beside and below. */
export function App(): ReactNode {
  useTheme()
  usePermalinkOnLoad()
  const [keysOpen, setKeysOpen] = useState(false)
  const [shareOpen, setShareOpen] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  return (
    <div className="flex min-h-full flex-col">
      <a href="#prompt" className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-sky-600 px-3 py-1 text-white">Skip to prompt</a>
      <Header onKeys={() => setKeysOpen(true)} onShare={() => setShareOpen(true)} onHistory={() => setHistoryOpen((v) => !v)} onSettings={() => setSettingsOpen((v) => !v)} />
      <NoticeBar />
      <div className="flex flex-1 flex-col lg:flex-row">
        <aside className={`${settingsOpen ? 'block' : 'hidden'} border-b border-zinc-200 p-4 lg:block lg:w-80 lg:shrink-0 lg:overflow-y-auto lg:border-b-0 lg:border-r dark:border-zinc-800`}>
          <SettingsPanel onOpenKeys={() => setKeysOpen(true)} />
        </aside>
        <main className="min-w-0 flex-1 space-y-4 p-4">
          {historyOpen && <HistoryPanel onClose={() => setHistoryOpen(false)} />}
          <TraceChoices />
          <ReplayBar />
          <ScenarioGallery />
          <Composer />
          <AttachmentsPanel />
          <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_20rem]">
            <Transcript />
            <aside aria-label="Tool timeline panel" className="xl:sticky xl:top-4 xl:self-start">
              <RunTimeline />
            </aside>
          </div>
          <section aria-label="Gantt and comparison" className="space-y-3">
            <ComparePanel />
            <RunGantt />
          </section>
        </main>
      </div>
      <DropTarget />
      <KeysDialog open={keysOpen} onClose={() => setKeysOpen(false)} />
      <ShareDialog open={shareOpen} onClose={() => setShareOpen(false)} />
    </div>
  )
}
