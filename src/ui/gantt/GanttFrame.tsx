// The static parts of the chart: run section headers, lane labels, the time axis with its grid,
// and the legend. Headers and labels depend only on the layout, so they are memoised apart
// from the axis, which follows the view window.
import { memo } from 'react'
import { CRITICAL_COLOR, LEGEND, STATUS_COLORS } from './colors.ts'
import { GEOMETRY, barsInRows, type LaidSection } from './layout.ts'
import { formatTick, niceTicks } from './scale.ts'
import { sectionCaption } from './summary.ts'
import type { ViewWindow } from './view.ts'

const LABEL_CHARS = 22

function laneLabel(name: string, kind: 'model' | 'tool', turn: number): string {
  const text = kind === 'model' ? `${name} · turn ${turn}` : name
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text
}

/** Props of the sections layer: lane labels are drawn only for lanes inside [yMin, yMax]. */
export interface SectionsLayerProps {
  sections: readonly LaidSection[]
  width: number
  yMin: number
  yMax: number
}

/** Section backgrounds, headers with each run's numbers, and the gutter's lane labels. */
export const SectionsLayer = memo(function SectionsLayer({ sections, width, yMin, yMax }: SectionsLayerProps) {
  return (
    <g>
      {sections.map((section, i) => (
        <g key={section.run.label} data-section={section.run.label}>
          <rect
            x={0}
            y={section.y}
            width={width}
            height={section.height - GEOMETRY.sectionGap / 2}
            className={i % 2 === 0 ? 'fill-slate-50 dark:fill-slate-900' : 'fill-white dark:fill-slate-950'}
          />
          <text x={8} y={section.y + 17} fontSize={12} className="fill-slate-800 dark:fill-slate-100">
            <tspan fontWeight={600}>{section.run.label}</tspan>
            {section.run.projected ? (
              <tspan dx={6} fontStyle="italic" className="fill-amber-700 dark:fill-amber-300">
                projected
              </tspan>
            ) : null}
            <tspan dx={10} className="fill-slate-600 dark:fill-slate-300">
              {sectionCaption(section)}
            </tspan>
            {section.run.note ? (
              <tspan dx={10} className="fill-slate-500 dark:fill-slate-400">
                {section.run.note}
              </tspan>
            ) : null}
          </text>
          {barsInRows(section.bars, yMin, yMax).map((bar) => (
            <text key={bar.span.key} x={8} y={bar.y + GEOMETRY.laneHeight - 4} fontSize={10} className="fill-slate-600 dark:fill-slate-300">
              {laneLabel(bar.span.name, bar.span.kind, bar.span.turn)}
            </text>
          ))}
        </g>
      ))}
    </g>
  )
})

/** Props of the axis. */
export interface AxisProps {
  view: ViewWindow
  plotLeft: number
  plotWidth: number
  bodyHeight: number
}

/** Tick labels on top and grid lines through every section, in the view window's scale. */
export const Axis = memo(function Axis({ view, plotLeft, plotWidth, bodyHeight }: AxisProps) {
  const { step, ticks } = niceTicks(view.start, view.end, Math.max(2, Math.floor(plotWidth / 90)))
  const pxPerMs = plotWidth / (view.end - view.start)
  return (
    <g data-axis="time">
      {ticks.map((t) => {
        const x = plotLeft + (t - view.start) * pxPerMs
        return (
          <g key={t}>
            <line x1={x} x2={x} y1={GEOMETRY.axisHeight - 4} y2={bodyHeight} className="stroke-slate-200 dark:stroke-slate-700" strokeWidth={1} />
            <text x={x} y={GEOMETRY.axisHeight - 8} fontSize={10} textAnchor="middle" className="fill-slate-500 dark:fill-slate-400">
              {formatTick(t, step, view.end)}
            </text>
          </g>
        )
      })}
    </g>
  )
})

const LEGEND_ITEM_WIDTH = 100

/** How tall the legend is at `width` (it wraps into rows). */
export function legendHeight(width: number): number {
  const perRow = Math.max(1, Math.floor((width - 16) / LEGEND_ITEM_WIDTH))
  return Math.ceil((LEGEND.length + 3) / perRow) * 18 + 12
}

/** Status colours, the critical-path outline, the TTFT mark and progress ticks. */
export const Legend = memo(function Legend({ y, width }: { y: number; width: number }) {
  const perRow = Math.max(1, Math.floor((width - 16) / LEGEND_ITEM_WIDTH))
  const place = (i: number): { x: number; y: number } => ({ x: 8 + (i % perRow) * LEGEND_ITEM_WIDTH, y: y + 8 + Math.floor(i / perRow) * 18 })
  const extras = LEGEND.length
  const at = [place(extras), place(extras + 1), place(extras + 2)] as const
  return (
    <g data-legend="" fontSize={10}>
      {LEGEND.map((item, i) => {
        const p = place(i)
        return (
          <g key={item.status}>
            <rect x={p.x} y={p.y} width={14} height={10} rx={2} fill={STATUS_COLORS[item.status]} />
            <text x={p.x + 19} y={p.y + 9} className="fill-slate-600 dark:fill-slate-300">{item.label}</text>
          </g>
        )
      })}
      <rect x={at[0].x} y={at[0].y} width={14} height={10} rx={2} fill={STATUS_COLORS.ok} stroke={CRITICAL_COLOR} strokeWidth={2} />
      <text x={at[0].x + 19} y={at[0].y + 9} className="fill-slate-600 dark:fill-slate-300">critical path</text>
      <rect x={at[1].x} y={at[1].y} width={14} height={10} rx={2} fill={STATUS_COLORS.model} />
      <line x1={at[1].x + 5} x2={at[1].x + 5} y1={at[1].y - 2} y2={at[1].y + 12} stroke="#1e1b4b" strokeWidth={2} />
      <text x={at[1].x + 19} y={at[1].y + 9} className="fill-slate-600 dark:fill-slate-300">first token</text>
      <rect x={at[2].x} y={at[2].y} width={14} height={10} rx={2} fill={STATUS_COLORS.ok} fillOpacity={0.35} stroke={STATUS_COLORS.ok} strokeDasharray="4 2" />
      <text x={at[2].x + 19} y={at[2].y + 9} className="fill-slate-600 dark:fill-slate-300">projected</text>
    </g>
  )
})
