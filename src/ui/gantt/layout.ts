// Vertical layout of the Gantt chart: stacked run sections, one lane per model or tool call,
// all on one shared time axis. Pure, so it is memoised on its inputs and tested in Node.
import type { GanttSpan } from '../../runs/types.ts'

/** What the chart writes beside each run section; in display order. */
export interface GanttRunSummary {
  label: string
  makespanMs: number
  toolTimeMs: number
  modelTimeMs: number
  /** How many times faster than the baseline run, e.g. 2.9. */
  speedup?: number
  /** A run computed rather than measured (e.g. "what sequential would have taken"). */
  projected?: boolean
  note?: string
  /** The group it belongs to (a comparison's variant): consecutive runs of one group share a header. */
  group?: string
}

/** Geometry constants in CSS pixels; exported so rendering and tests agree. */
export const GEOMETRY = {
  axisHeight: 24,
  headerHeight: 26,
  groupHeight: 22,
  laneHeight: 16,
  barHeight: 10,
  sectionGap: 10,
  legendHeight: 30,
  gutter: 148,
  rightPad: 12,
} as const

/** A span placed in its lane. `index` is its position in keyboard order. */
export interface LaidBar {
  span: GanttSpan
  index: number
  /** Top of the lane. */
  y: number
  section: number
  projected: boolean
}

/** A run section: its header and its lanes. */
export interface LaidSection {
  run: GanttRunSummary
  y: number
  height: number
  bars: LaidBar[]
  toolCalls: number
  modelCalls: number
  /** The group header drawn above this section, when it starts a group: its label, top and runs. */
  group?: { label: string; y: number; runs: number }
}

/** The whole chart's vertical layout and the time domain [0, domainEnd]. */
export interface GanttLayout {
  sections: LaidSection[]
  bars: LaidBar[]
  /** Height of the plotted sections plus axis, without the legend. */
  bodyHeight: number
  domainEnd: number
}

function laneOrder(a: GanttSpan, b: GanttSpan): number {
  if (a.startMs !== b.startMs) return a.startMs - b.startMs
  if (a.kind !== b.kind) return a.kind === 'model' ? -1 : 1
  // Equal starts keep their input order (the model's call order); sort() is stable.
  return a.turn - b.turn
}

/**
 * Group spans by run (in the order of `runs`, then any run only the spans name), sort each
 * run's spans into lanes by start time, and stack the sections below the axis.
 */
export function layoutGantt(spans: readonly GanttSpan[], runs: readonly GanttRunSummary[]): GanttLayout {
  const byRun = new Map<string, GanttSpan[]>()
  for (const span of spans) {
    const list = byRun.get(span.run)
    if (list) list.push(span)
    else byRun.set(span.run, [span])
  }
  const ordered: GanttRunSummary[] = [...runs]
  const known = new Set(runs.map((run) => run.label))
  for (const [label, list] of byRun) {
    if (known.has(label)) continue
    known.add(label)
    ordered.push({ label, makespanMs: maxEnd(list), toolTimeMs: sumKind(list, 'tool'), modelTimeMs: sumKind(list, 'model') })
  }

  const sections: LaidSection[] = []
  const bars: LaidBar[] = []
  let y = GEOMETRY.axisHeight
  let domainEnd = 0
  ordered.forEach((run, section) => {
    const list = [...(byRun.get(run.label) ?? [])].sort(laneOrder)
    let group: LaidSection['group']
    if (run.group !== undefined && run.group !== ordered[section - 1]?.group) {
      let runs = 1
      while (ordered[section + runs]?.group === run.group) runs++
      group = { label: run.group, y, runs }
      y += GEOMETRY.groupHeight
    }
    const top = y
    y += GEOMETRY.headerHeight
    const sectionBars: LaidBar[] = []
    let toolCalls = 0
    for (const span of list) {
      const bar: LaidBar = { span, index: bars.length, y, section, projected: run.projected === true }
      bars.push(bar)
      sectionBars.push(bar)
      if (span.kind === 'tool') toolCalls++
      domainEnd = Math.max(domainEnd, span.endMs)
      y += GEOMETRY.laneHeight
    }
    domainEnd = Math.max(domainEnd, run.makespanMs)
    y += GEOMETRY.sectionGap
    sections.push({ run, y: top, height: y - top, bars: sectionBars, toolCalls, modelCalls: list.length - toolCalls, ...(group ? { group } : {}) })
  })
  return { sections, bars, bodyHeight: y, domainEnd: domainEnd > 0 ? domainEnd : 1 }
}

function maxEnd(list: readonly GanttSpan[]): number {
  let end = 0
  for (const span of list) end = Math.max(end, span.endMs)
  return end
}

function sumKind(list: readonly GanttSpan[], kind: GanttSpan['kind']): number {
  let sum = 0
  for (const span of list) if (span.kind === kind) sum += Math.max(0, span.endMs - span.startMs)
  return sum
}

/** The bars whose time range meets [start, end]: the only ones the chart renders. */
export function visibleBars(bars: readonly LaidBar[], start: number, end: number): LaidBar[] {
  const out: LaidBar[] = []
  for (const bar of bars) if (bar.span.endMs >= start && bar.span.startMs <= end) out.push(bar)
  return out
}

/** The bars whose lane meets [yMin, yMax]; bars are in ascending y, so two binary searches. */
export function barsInRows(bars: readonly LaidBar[], yMin: number, yMax: number): readonly LaidBar[] {
  const first = lowerBound(bars, yMin - GEOMETRY.laneHeight)
  const last = lowerBound(bars, yMax)
  return first === 0 && last === bars.length ? bars : bars.slice(first, last)
}

function lowerBound(bars: readonly LaidBar[], y: number): number {
  let lo = 0
  let hi = bars.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if ((bars[mid]?.y ?? Infinity) < y) lo = mid + 1
    else hi = mid
  }
  return lo
}
