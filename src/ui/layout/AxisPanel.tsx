import { lazy, Suspense, useCallback, useRef, useState, type CSSProperties, type PointerEvent, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { AxisRuns } from '../charts/AxisRuns.tsx'
import { RunGantt } from '../charts/RunGantt.tsx'
import { ComparePanel } from '../compare/ComparePanel.tsx'
import { comparisonStore } from '../../state/comparison.ts'

// The table of a comparison of variants: loaded when there is one to show.
const ComparisonView = lazy(() => import('../compare/ComparisonView.tsx').then((m) => ({ default: m.ComparisonView })))

const MIN_HEIGHT = 160
const STORAGE_KEY = 'lanes.axisHeight'

/** The user's height if they set one, else 45% of the window: room for two runs of a few lanes. */
function savedHeight(): number {
  const saved = Number(globalThis.localStorage?.getItem(STORAGE_KEY))
  if (Number.isFinite(saved) && saved >= MIN_HEIGHT) return saved
  return Math.round(Math.min(560, Math.max(300, (globalThis.innerHeight || 900) * 0.45)))
}

/**
 * The time axis, pinned above the conversation: every run on one Gantt, with Compare and What-if
 * beside it. Its height is the user's (drag the handle); below 1024 px it fills the screen when
 * its tab is chosen.
 */
export function AxisPanel({ hidden }: { hidden: boolean }): ReactNode {
  const [height, setHeight] = useState(savedHeight)
  const comparing = useStore(comparisonStore, (s) => s.shown !== undefined)
  const drag = useRef<{ y: number; height: number } | undefined>(undefined)
  const onDown = useCallback((e: PointerEvent<HTMLDivElement>) => {
    drag.current = { y: e.clientY, height }
    e.currentTarget.setPointerCapture(e.pointerId)
  }, [height])
  const onMove = useCallback((e: PointerEvent<HTMLDivElement>) => {
    if (!drag.current) return
    const max = Math.max(MIN_HEIGHT, window.innerHeight - 260)
    setHeight(Math.min(max, Math.max(MIN_HEIGHT, drag.current.height + e.clientY - drag.current.y)))
  }, [])
  const onUp = useCallback(() => {
    drag.current = undefined
    globalThis.localStorage?.setItem(STORAGE_KEY, String(Math.round(height)))
  }, [height])
  return (
    <section
      id="time-axis"
      aria-label="Time axis"
      className={`${hidden ? 'hidden' : 'flex'} min-h-0 flex-1 flex-col border-b border-zinc-200 lg:flex lg:flex-none lg:[height:var(--axis-height)] dark:border-zinc-800`}
      style={{ '--axis-height': `${height}px` } as CSSProperties}
    >
      <div className="shrink-0 space-y-2 px-4 pt-3"><ComparePanel /><AxisRuns /></div>
      <div className="min-h-0 flex-1 overflow-y-auto px-4 pb-2"><RunGantt />{comparing && <Suspense fallback={null}><ComparisonView /></Suspense>}</div>
      <div
        role="separator"
        aria-orientation="horizontal"
        aria-label="Resize the time axis"
        aria-valuenow={Math.round(height)}
        aria-valuemin={MIN_HEIGHT}
        aria-valuemax={2000}
        tabIndex={0}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onKeyDown={(e) => {
          if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return
          e.preventDefault()
          setHeight((h) => Math.max(MIN_HEIGHT, h + (e.key === 'ArrowDown' ? 40 : -40)))
        }}
        className="hidden h-2 shrink-0 cursor-row-resize items-center justify-center hover:bg-sky-100 focus:bg-sky-100 lg:flex dark:hover:bg-sky-950/40 dark:focus:bg-sky-950/40"
      >
        <span className="h-0.5 w-10 rounded bg-zinc-300 dark:bg-zinc-700" />
      </div>
    </section>
  )
}
