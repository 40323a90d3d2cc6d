// The Gantt chart of one or more runs on one time axis: a lane per model or tool call, run
// sections stacked, zoom and pan through a view window, tooltips on hover and focus, exports.
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { flushSync } from 'react-dom'
import type { GanttSpan } from '../../runs/types.ts'
import { legendContentOf } from './colors.ts'
import { downloadBlob } from './download.ts'
import { Axis, Legend, SectionsLayer, legendHeight } from './GanttFrame.tsx'
import { BarsLayer } from './GanttBars.tsx'
import { GanttTooltip } from './GanttTooltip.tsx'
import { GEOMETRY, barsInRows, layoutGantt, visibleBars, type GanttRunSummary } from './layout.ts'
import { chartSummary } from './summary.ts'
import { DEFAULT_WIDTH, VIRTUALIZE_ABOVE, useChartWidth, useFocusBar, useRowWindow } from './useChartDom.ts'
import { useGestures } from './useGestures.ts'
import { useSmoothNumber, useViewWindow } from './useViewWindow.ts'
import { MIN_VIEW_MS } from './view.ts'

/** The export formats of the chart. */
export type GanttExportFormat = 'svg' | 'png' | 'csv'

/** Props of the Gantt chart. */
export interface GanttChartProps {
  spans: GanttSpan[]
  /** Runs in display order; spans are grouped under them by `span.run`. */
  runs: GanttRunSummary[]
  /** Spans are still arriving: the axis eases out as the run grows. */
  live?: boolean
  /** Maximum height of the plot in px before it scrolls; default 480. */
  height?: number
  /** When given, receives each export instead of the chart downloading it. */
  onExport?: (format: GanttExportFormat, file: Blob, filename: string) => void
}

const ZOOM_STEP = 1.5

/** The Gantt chart. See design.md "Runs" and GanttChartProps. */
export function GanttChart({ spans, runs, live = false, height = 480, onExport }: GanttChartProps) {
  const uid = useId().replace(/:/g, '')
  const ids = { summary: `${uid}-summary`, tooltip: `${uid}-tooltip`, clip: `${uid}-clip`, stripes: `${uid}-stripes` }
  const plotRef = useRef<HTMLDivElement>(null)
  const svgRef = useRef<SVGSVGElement>(null)
  const measured = useChartWidth(plotRef)
  const width = measured ?? DEFAULT_WIDTH

  const layout = useMemo(() => layoutGantt(spans, runs), [spans, runs])
  const summary = useMemo(() => chartSummary(layout.sections), [layout])
  const domainEnd = useSmoothNumber(layout.domainEnd, live)
  const { view, zoomAt, panBy, reveal, reset } = useViewWindow(domainEnd)

  const plotLeft = GEOMETRY.gutter
  const plotWidth = Math.max(40, width - GEOMETRY.gutter - GEOMETRY.rightPad)
  // An empty or zero-length run still needs a finite scale (no NaN transforms).
  const viewWidth = Math.max(MIN_VIEW_MS, view.end - view.start)
  const pxPerMs = plotWidth / viewWidth
  // Bars are drawn at the zoom rounded down to a power of two and the group scales the rest,
  // so a wheel notch re-renders the bars only when it crosses a power of two.
  const barScale = 2 ** Math.floor(Math.log2(pxPerMs))
  const legend = useMemo(() => legendContentOf(spans, new Set(runs.filter((run) => run.projected).map((run) => run.label))), [spans, runs])
  const legendTop = layout.bodyHeight
  const svgHeight = legendTop + legendHeight(width, legend)

  // Cull on a window quantised to half a view width, so small pans keep the same bar list.
  const quantum = viewWidth / 2
  const cullStart = Math.floor(view.start / quantum) * quantum - quantum
  const cullEnd = Math.ceil(view.end / quantum) * quantum + quantum
  // Tall charts also render only the lanes near the scrolled viewport (all of them to export).
  const [exportAll, setExportAll] = useState(false)
  const rows = useRowWindow(plotRef, layout.bars.length > VIRTUALIZE_ABOVE && !exportAll, height)
  const rowBars = useMemo(() => barsInRows(layout.bars, rows.yMin, rows.yMax), [layout, rows.yMin, rows.yMax])
  const shown = useMemo(() => visibleBars(rowBars, cullStart, cullEnd), [rowBars, cullStart, cullEnd])

  // SMIL ignores CSS media queries, so the running stripes check the preference themselves.
  const [reducedMotion] = useState(() => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches)
  const [hovered, setHovered] = useState<number | null>(null)
  const [focused, setFocused] = useState<number | null>(null)
  const [active, setActive] = useState(0)
  const tabbableIndex = shown.some((bar) => bar.index === active) ? active : (shown[0]?.index ?? -1)
  const focusBar = useFocusBar(svgRef, shown)

  useGestures(plotRef, { view, pxPerMs, plotLeft, zoomAt, panBy })

  const indexOf = (target: EventTarget | null): number | null => {
    const el = target instanceof Element ? target.closest('[data-index]') : null
    const value = el?.getAttribute('data-index')
    return value == null ? null : Number(value)
  }

  const moveTo = useCallback(
    (index: number) => {
      const bar = layout.bars[Math.max(0, Math.min(layout.bars.length - 1, index))]
      if (!bar) return
      setActive(bar.index)
      reveal(bar.span.startMs, bar.span.endMs)
      const el = plotRef.current
      if (el && (bar.y < el.scrollTop + GEOMETRY.axisHeight || bar.y + GEOMETRY.laneHeight > el.scrollTop + el.clientHeight)) {
        el.scrollTop = bar.y - el.clientHeight / 2
        rows.sync()
      }
      focusBar(bar.index)
    },
    [layout, reveal, focusBar, rows],
  )

  const onKeyDown = (event: KeyboardEvent<HTMLElement>): void => {
    const index = indexOf(event.target)
    const onBar = index !== null
    const key = event.key
    let handled = true
    if (onBar && (key === 'ArrowDown' || ((key === 'Enter' || key === ' ') && !event.shiftKey))) moveTo(index + 1)
    else if (onBar && (key === 'ArrowUp' || ((key === 'Enter' || key === ' ') && event.shiftKey))) moveTo(index - 1)
    else if (onBar && key === 'Home') moveTo(0)
    else if (onBar && key === 'End') moveTo(layout.bars.length - 1)
    else if (onBar && key === 'Escape') setFocused(null)
    else if (key === '+' || key === '=') zoomAt(ZOOM_STEP)
    else if (key === '-' || key === '_') zoomAt(1 / ZOOM_STEP)
    else if (key === '0') reset()
    else if (key === 'ArrowLeft') panBy(-viewWidth / 10)
    else if (key === 'ArrowRight') panBy(viewWidth / 10)
    else handled = false
    if (handled) event.preventDefault()
  }

  const exportAs = async (format: GanttExportFormat): Promise<void> => {
    // The exporters load on first use: most visits never export.
    const { ganttToSvgString, spansToCsv, toPngBlob } = await import('./export.ts')
    const svg = svgRef.current
    let file: Blob
    if (format === 'csv') file = new Blob([spansToCsv(spans)], { type: 'text/csv;charset=utf-8' })
    else if (!svg) return
    else {
      flushSync(() => setExportAll(true))
      // Both serialise the SVG synchronously, before anything is awaited.
      const pending = format === 'svg' ? new Blob([ganttToSvgString(svg)], { type: 'image/svg+xml' }) : toPngBlob(svg)
      setExportAll(false)
      file = await pending
    }
    const filename = `lanes-gantt.${format}`
    if (onExport) onExport(format, file, filename)
    else downloadBlob(file, filename)
  }

  const tipIndex = hovered ?? focused
  const tipBar = tipIndex === null ? undefined : layout.bars[tipIndex]
  const empty = layout.sections.length === 0
  const button =
    'rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-blue-500 disabled:opacity-40 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800'

  return (
    <section className="flex flex-col gap-1 text-slate-800 dark:text-slate-100" onKeyDown={onKeyDown} data-gantt="">
      <div className="flex flex-wrap items-center gap-1" role="toolbar" aria-label="Gantt chart controls">
        <button type="button" className={button} onClick={() => zoomAt(ZOOM_STEP)} disabled={empty} aria-label="Zoom in">+</button>
        <button type="button" className={button} onClick={() => zoomAt(1 / ZOOM_STEP)} disabled={empty} aria-label="Zoom out">−</button>
        <button type="button" className={button} onClick={reset} disabled={empty}>Reset zoom</button>
        <span className="mx-1 hidden text-xs text-slate-500 sm:inline dark:text-slate-400">wheel or pinch to zoom · drag to pan · +/−/0 · ←/→</span>
        <span className="flex-1" />
        <button type="button" className={button} onClick={() => void exportAs('svg')} disabled={empty}>Export SVG</button>
        <button type="button" className={button} onClick={() => void exportAs('png')} disabled={empty}>Export PNG</button>
        <button type="button" className={button} onClick={() => void exportAs('csv')} disabled={empty}>Export CSV</button>
      </div>
      <div
        ref={plotRef}
        role="img"
        aria-label="Gantt chart"
        aria-describedby={ids.summary}
        data-view-start-ms={view.start}
        data-view-end-ms={view.end}
        data-live={live ? 'true' : undefined}
        className="relative touch-pan-y overflow-x-hidden overflow-y-auto rounded-md border border-slate-200 bg-white select-none dark:border-slate-700 dark:bg-slate-950"
        style={{ maxHeight: height }}
        onScroll={rows.sync}
      >
        {measured === null ? null : empty ? (
          <p className="p-6 text-center text-sm text-slate-500 dark:text-slate-400">Run a prompt to see its tool calls on a time axis</p>
        ) : (
          <svg
            ref={svgRef}
            width={width}
            height={svgHeight}
            fontFamily="ui-sans-serif, system-ui, sans-serif"
            onPointerOver={(event: PointerEvent<SVGSVGElement>) => setHovered(indexOf(event.target))}
            onPointerLeave={() => setHovered(null)}
            onFocus={(event) => {
              const index = indexOf(event.target)
              setFocused(index)
              if (index !== null) setActive(index)
            }}
            onBlur={(event) => {
              if (indexOf(event.relatedTarget) === null) setFocused(null)
            }}
          >
            <defs>
              <clipPath id={ids.clip}>
                <rect x={plotLeft} y={0} width={plotWidth} height={svgHeight} />
              </clipPath>
              <pattern id={ids.stripes} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                <rect width={4} height={8} fill="#ffffff" fillOpacity={0.3} />
                {reducedMotion ? null : (
                  <animateTransform attributeName="patternTransform" type="translate" from="0 0" to="8 0" dur="1s" repeatCount="indefinite" additive="sum" />
                )}
              </pattern>
            </defs>
            <SectionsLayer sections={layout.sections} width={width} yMin={rows.yMin} yMax={rows.yMax} />
            <Axis view={view} plotLeft={plotLeft} plotWidth={plotWidth} bodyHeight={layout.bodyHeight} />
            <g clipPath={`url(#${ids.clip})`}>
              <g transform={`translate(${plotLeft - view.start * pxPerMs} 0) scale(${pxPerMs / barScale} 1)`}>
                <BarsLayer bars={shown} pxPerMs={barScale} tabbableIndex={tabbableIndex} stripesId={ids.stripes} />
              </g>
            </g>
            <Legend y={legendTop} width={width} content={legend} />
          </svg>
        )}
        {tipBar ? (
          <GanttTooltip
            id={ids.tooltip}
            span={tipBar.span}
            left={Math.max(4, Math.min(width - 260, plotLeft + (tipBar.span.startMs - view.start) * pxPerMs))}
            top={tipBar.y + GEOMETRY.laneHeight + 2}
          />
        ) : null}
      </div>
      <p id={ids.summary} className="sr-only">
        {summary}
      </p>
    </section>
  )
}
