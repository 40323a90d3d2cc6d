// Mounts the Gantt chart and the tool timeline into the blank module-test page, so the
// Playwright spec can drive them in real Chromium through the Vite dev server.
import './gantt-harness.css'
import { createRoot, type Root } from 'react-dom/client'
import { flushSync } from 'react-dom'
import type { GanttSpan } from '../../src/runs/types.ts'
import { GanttChart, type GanttChartProps } from '../../src/ui/gantt/GanttChart.tsx'
import { benchGantt } from '../../src/ui/gantt/bench.ts'
import { syntheticGantt } from '../../src/ui/gantt/synthetic.ts'
import type { GanttRunSummary } from '../../src/ui/gantt/layout.ts'
import { ToolTimeline, type ToolTimelineProps } from '../../src/ui/timeline/ToolTimeline.tsx'

let root: Root | null = null
const exported = new Map<string, string>()

function host(id: string): HTMLElement {
  const existing = document.getElementById(id)
  if (existing) return existing
  const el = document.createElement('div')
  el.id = id
  el.style.width = '900px'
  el.style.padding = '8px'
  document.body.append(el)
  return el
}

/** Render (or re-render) the chart with `props`; exports are captured unless `download`. */
export function mount(props: Omit<GanttChartProps, 'onExport'>, download = false): void {
  root ??= createRoot(host('gantt-host'))
  const onExport: GanttChartProps['onExport'] = (format, blob) => {
    void blob.text().then((text) => exported.set(format, text))
  }
  flushSync(() => root?.render(<GanttChart {...props} {...(download ? {} : { onExport })} />))
}

/** The text of the last export of `format`, once it has been read from its blob. */
export function readExport(format: string): string | undefined {
  return exported.get(format)
}

const tool = (run: string, name: string, startMs: number, endMs: number, extra: Partial<GanttSpan> = {}): GanttSpan => ({
  run, kind: 'tool', name, key: `${run}/${name}`, turn: 1, callId: `${run}-${name}`, startMs, endMs, running: false,
  status: 'ok', args: { city: 'Lisbon', note: '<b>not html</b>' }, output: `${name} result`, critical: false, ticks: [startMs + 100], ...extra,
})
const model = (run: string, turn: number, startMs: number, endMs: number): GanttSpan => ({
  run, kind: 'model', name: 'local-demo', key: `${run}/model/${turn}`, turn, startMs, endMs, ttftMs: startMs + 120, running: false, critical: true,
})

/** A concurrent run and its projected sequential twin: 3 tools each, 2 model calls each. */
export function sample(): { spans: GanttSpan[]; runs: GanttRunSummary[] } {
  const spans = [
    model('concurrent', 1, 0, 300),
    tool('concurrent', 'get_weather', 300, 900),
    tool('concurrent', 'get_stock', 300, 700, { status: 'error' }),
    tool('concurrent', 'get_news', 300, 1100, { critical: true }),
    model('concurrent', 2, 1100, 1500),
    model('sequential', 1, 0, 300),
    tool('sequential', 'get_weather', 300, 900),
    tool('sequential', 'get_stock', 900, 1300, { status: 'error' }),
    tool('sequential', 'get_news', 1300, 2100),
    model('sequential', 2, 2100, 2500),
  ]
  const runs = [
    { label: 'concurrent', makespanMs: 1500, toolTimeMs: 1800, modelTimeMs: 700 },
    { label: 'sequential', makespanMs: 2500, toolTimeMs: 1800, modelTimeMs: 700, speedup: 2500 / 1500, projected: true },
  ]
  return { spans, runs }
}

/** Mount the sample chart. */
export function mountSample(download = false): void {
  mount(sample(), download)
}

/** Mount n synthetic spans and return the synchronous mount time in ms. */
export function mountMany(n: number): number {
  const data = syntheticGantt(n)
  root?.unmount()
  root = null
  const started = performance.now()
  mount(data)
  document.body.getBoundingClientRect()
  return performance.now() - started
}

/** Run the chart benchmark on a fresh container. */
export async function runBench(n: number): Promise<{ renderMs: number; panFrameMsP95: number }> {
  const el = host('gantt-bench')
  return benchGantt(el, n)
}

let timelineRoot: Root | null = null
/** Render the tool timeline with `props`. */
export function mountTimeline(props: ToolTimelineProps): void {
  timelineRoot ??= createRoot(host('timeline-host'))
  flushSync(() => timelineRoot?.render(<ToolTimeline {...props} />))
}
