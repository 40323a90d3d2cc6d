import { lazy, Suspense, useState, type ReactNode } from 'react'
import { DropTarget } from './attachments/DropTarget.tsx'
import { RunTimeline } from './charts/RunTimeline.tsx'
import { Composer } from './chat/Composer.tsx'
import { Transcript } from './chat/Transcript.tsx'
import { ScenarioGallery } from './gallery/ScenarioGallery.tsx'
import { AxisPanel } from './layout/AxisPanel.tsx'
import { Header } from './layout/Header.tsx'
import { NoticeBar } from './layout/NoticeBar.tsx'
import { ViewTabs, type MainView } from './layout/ViewTabs.tsx'
import { useTheme } from './layout/use-theme.ts'
import { SettingsPanel } from './settings/SettingsPanel.tsx'
import { usePermalinkOnLoad } from './share/use-permalink.ts'
import { useStore } from 'zustand'
import { replayStore } from '../state/replay.ts'
import { tracesStore } from '../state/trace-choices.ts'
import { useAttachments, useMediaQuery } from './hooks.ts'

// Panels a click opens load then: the page's first script stays within its budget.
// Panels that show only when there is something in them load then, not with the page.
const AttachmentsPanel = lazy(() => import('./attachments/AttachmentsPanel.tsx').then((m) => ({ default: m.AttachmentsPanel })))
const ReplayBar = lazy(() => import('./share/ReplayBar.tsx').then((m) => ({ default: m.ReplayBar })))
const TraceChoices = lazy(() => import('./traces/TraceChoices.tsx').then((m) => ({ default: m.TraceChoices })))
const HistoryPanel = lazy(() => import('./history/HistoryPanel.tsx').then((m) => ({ default: m.HistoryPanel })))
const KeysDialog = lazy(() => import('./keys/KeysDialog.tsx').then((m) => ({ default: m.KeysDialog })))
const ShareDialog = lazy(() => import('./share/ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })))

/**
 * The playground, laid out like a performance profiler: the time axis (every run of the
 * conversation on one Gantt) stays in sight on top, the conversation and its tool timeline below,
 * the composer at the bottom, settings at the side. Below 1024 px it is one column, with the
 * conversation and the time axis one tap apart.
 */
export function App(): ReactNode {
  useTheme()
  usePermalinkOnLoad()
  const [keysOpen, setKeysOpen] = useState(false)
  const [shareOpen, setShareOpen] = useState(false)
  const [historyOpen, setHistoryOpen] = useState(false)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [view, setView] = useState<MainView>('conversation')
  // One tool timeline at a time: the hidden one would still render, and tick its live clock, on
  // every frame of a stream. `xl` is Tailwind's 80rem.
  const wide = useMediaQuery('(min-width: 80rem)')
  const hasChoices = useStore(tracesStore, (s) => s.choices.length > 0)
  const replaying = useStore(replayStore, (s) => s.run !== undefined)
  const attaching = useAttachments((s) => s.items.length + s.pending.length > 0)
  return (
    <div className="flex h-dvh flex-col">
      <a href="#prompt" className="sr-only-focusable absolute left-2 top-2 z-50 rounded bg-sky-700 px-3 py-1 text-white">Skip to prompt</a>
      <Header onKeys={() => setKeysOpen(true)} onShare={() => setShareOpen(true)} onHistory={() => setHistoryOpen((v) => !v)} onSettings={() => setSettingsOpen((v) => !v)} settingsOpen={settingsOpen} />
      <NoticeBar />
      <div className="flex min-h-0 flex-1">
        <aside
          aria-label="Settings panel"
          className={`${settingsOpen ? 'fixed inset-x-0 bottom-0 top-[3.25rem] z-30 block bg-white dark:bg-zinc-950' : 'hidden'} overflow-y-auto border-zinc-200 p-4 lg:static lg:z-auto lg:block lg:w-80 lg:shrink-0 lg:border-r dark:border-zinc-800`}
        >
          <SettingsPanel onOpenKeys={() => setKeysOpen(true)} onClose={() => setSettingsOpen(false)} />
        </aside>
        <main className="flex min-h-0 min-w-0 flex-1 flex-col">
          <ViewTabs view={view} onChange={setView} />
          <AxisPanel hidden={view !== 'axis'} />
          <div className={`${view === 'conversation' ? 'flex' : 'hidden'} min-h-0 flex-1 lg:flex`}>
            <div className="flex min-h-0 min-w-0 flex-1 flex-col">
              <div className="min-h-0 flex-1 space-y-4 overflow-y-auto p-4" data-testid="thread-scroll">
                {historyOpen && <Suspense fallback={<p className="text-sm text-zinc-500">Opening history…</p>}><HistoryPanel onClose={() => setHistoryOpen(false)} /></Suspense>}
                <Suspense fallback={null}>
                  {hasChoices && <TraceChoices />}
                  {replaying && <ReplayBar />}
                </Suspense>
                <ScenarioGallery />
                <Transcript />
                {!wide && <section aria-label="Tool timeline, narrow screens" className="xl:hidden"><RunTimeline /></section>}
              </div>
              <div className="shrink-0 space-y-2 border-t border-zinc-200 bg-white/95 p-3 dark:border-zinc-800 dark:bg-zinc-950/95">
                {attaching && <Suspense fallback={null}><AttachmentsPanel /></Suspense>}
                <Composer />
              </div>
            </div>
            <aside aria-label="Tool timeline panel" className="hidden w-72 shrink-0 overflow-y-auto border-l border-zinc-200 p-3 xl:block dark:border-zinc-800">
              {wide && <RunTimeline />}
            </aside>
          </div>
        </main>
      </div>
      <DropTarget />
      <Suspense fallback={null}>
        {keysOpen && <KeysDialog open={keysOpen} onClose={() => setKeysOpen(false)} />}
        {shareOpen && <ShareDialog open={shareOpen} onClose={() => setShareOpen(false)} />}
      </Suspense>
    </div>
  )
}
