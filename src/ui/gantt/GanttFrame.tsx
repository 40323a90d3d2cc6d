// The static parts of the chart: run section headers, lane labels, the time axis with its grid,
// and the legend. Headers and labels depend only on the layout, so they are memoised apart
// from the axis, which follows the view window.
import { memo, type ReactNode } from 'react'
import { CRITICAL_COLOR, LEGEND, RETRY_COLOR, STATUS_COLORS, THINKING_COLOR, type LegendContent } from './colors.ts'
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
          {section.group ? (
            // A comparison's variant: one header over its trials, so the groups read at a glance.
            <g data-group={section.group.label}>
              <rect x={0} y={section.group.y} width={4} height={GEOMETRY.groupHeight - 4} className="fill-violet-500" />
              <text x={10} y={section.group.y + 14} fontSize={12} fontWeight={700} className="fill-slate-900 dark:fill-slate-50">
                {section.group.label}
                <tspan dx={8} fontWeight={400} className="fill-slate-500 dark:fill-slate-400">{section.group.runs} {section.group.runs === 1 ? 'trial' : 'trials'}</tspan>
              </text>
            </g>
          ) : null}
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
            <title>{[sectionCaption(section), section.run.note, 'total time is the makespan: from the run\'s start to its last event'].filter(Boolean).join(' · ')}</title>
            <tspan dx={10} className="fill-slate-600 dark:fill-slate-300">
              {width < 640 ? sectionCaption(section, true) : sectionCaption(section)}
            </tspan>
            {section.run.note && width >= 640 ? (
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

const LEGEND_ITEM_WIDTH = 112
/** Items are laid out left to right, each as wide as its label needs (10 px type: ~5.6 px a character). */
function itemWidth(item: LegendItem): number {
  return Math.max(LEGEND_ITEM_WIDTH, 30 + Math.ceil(item.label.length * 5.6))
}

/** Where each item goes at `width`: rows wrap when the next item would not fit. */
function placeItems(items: readonly LegendItem[], width: number): { x: number; row: number }[] {
  let x = 8
  let row = 0
  return items.map((item) => {
    const w = itemWidth(item)
    if (x > 8 && x + w > width - 8) {
      x = 8
      row++
    }
    const at = { x, row }
    x += w
    return at
  })
}

/** The legend's items for what the chart holds: its statuses, then the marks it uses. */
interface LegendItem { key: string; label: string; swatch: (x: number, y: number) => ReactNode }

function legendItems(content: LegendContent): LegendItem[] {
  const items: LegendItem[] = LEGEND.filter((item) => content.statuses.has(item.status)).map((item) => ({
    key: item.status, label: item.label,
    swatch: (x: number, y: number) => <rect x={x} y={y} width={14} height={10} rx={2} fill={STATUS_COLORS[item.status]} />,
  }))
  if (content.thinking) items.push({ key: 'thinking', label: 'model thinking', swatch: (x, y) => <rect x={x} y={y} width={14} height={10} rx={2} fill={THINKING_COLOR} /> })
  if (content.retries) items.push({ key: 'retry', label: 'retry wait', swatch: (x, y) => <rect x={x} y={y} width={14} height={10} rx={2} fill={RETRY_COLOR} /> })
  if (content.critical) items.push({ key: 'critical', label: 'sets the total time', swatch: (x, y) => <rect x={x} y={y} width={14} height={10} rx={2} fill={STATUS_COLORS.ok} stroke={CRITICAL_COLOR} strokeWidth={2} /> })
  if (content.firstToken) {
    items.push({
      key: 'first-token', label: 'first token',
      swatch: (x, y) => <g><rect x={x} y={y} width={14} height={10} rx={2} fill={STATUS_COLORS.model} /><line x1={x + 5} x2={x + 5} y1={y - 2} y2={y + 12} stroke="#1e1b4b" strokeWidth={2} /></g>,
    })
  }
  if (content.projected) items.push({ key: 'projected', label: 'projected', swatch: (x, y) => <rect x={x} y={y} width={14} height={10} rx={2} fill={STATUS_COLORS.ok} fillOpacity={0.35} stroke={STATUS_COLORS.ok} strokeDasharray="4 2" /> })
  return items
}

/** How tall the legend is at `width` (it wraps into rows). */
export function legendHeight(width: number, content: LegendContent): number {
  const places = placeItems(legendItems(content), width)
  if (places.length === 0) return 0
  return (places.at(-1)!.row + 1) * 18 + 12
}

/** The legend: only the colours and marks the chart shows now. The critical-path entry has a tooltip with its technical name. */
export const Legend = memo(function Legend({ y, width, content }: { y: number; width: number; content: LegendContent }) {
  const items = legendItems(content)
  const places = placeItems(items, width)
  return (
    <g data-legend="" fontSize={10}>
      {items.map((item, i) => {
        const { x, row } = places[i]!
        const top = y + 8 + row * 18
        return (
          <g key={item.key} data-legend-item={item.key}>
            {item.key === 'critical' ? <title>The critical path: the chain of calls that sets the total time (makespan)</title> : null}
            {item.swatch(x, top)}
            <text x={x + 19} y={top + 9} className="fill-slate-600 dark:fill-slate-300">{item.label}</text>
          </g>
        )
      })}
    </g>
  )
})
