// The chart's page benchmark: mount n synthetic spans, time the first render, then time each
// frame of a scripted zoom-and-pan sequence driven through the chart's own wheel handler.
import { createElement } from 'react'
import { flushSync } from 'react-dom'
import { createRoot } from 'react-dom/client'
import { GanttChart } from './GanttChart.tsx'
import { syntheticGantt } from './synthetic.ts'

function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()))
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? 0
}

/**
 * Mount n synthetic spans into `container` (after a warm-up mount) and measure: renderMs is the synchronous mount
 * (render, commit, width measurement, layout); panFrameMsP95 the 95th percentile of the
 * per-step cost (handler, render, commit, layout) over 10 zooms in, 40 pans and 10 zooms out.
 */
export async function benchGantt(container: HTMLElement, n: number): Promise<{ renderMs: number; panFrameMsP95: number }> {
  const { spans, runs } = syntheticGantt(n)
  // Warm up on a smaller chart taking the same (virtualised) paths: the first React mount in a
  // page also pays for compiling the code, which is load time, not render time.
  const warm = syntheticGantt(Math.min(n, 300))
  const warmRoot = createRoot(container)
  flushSync(() => warmRoot.render(createElement(GanttChart, { ...warm, height: 600 })))
  warmRoot.unmount()
  const root = createRoot(container)
  await nextFrame()
  const started = performance.now()
  flushSync(() => root.render(createElement(GanttChart, { spans, runs, height: 600 })))
  container.getBoundingClientRect()
  const renderMs = performance.now() - started
  await nextFrame()

  const plot = container.querySelector('[role="img"]')
  if (!(plot instanceof HTMLElement)) throw new Error('chart did not mount')
  const box = plot.getBoundingClientRect()
  const clientX = box.left + box.width * 0.6
  const steps: WheelEventInit[] = [
    ...Array.from({ length: 10 }, () => ({ deltaY: -120, ctrlKey: true, clientX })),
    ...Array.from({ length: 20 }, () => ({ deltaY: 40, shiftKey: true, clientX })),
    ...Array.from({ length: 20 }, () => ({ deltaY: -40, shiftKey: true, clientX })),
    ...Array.from({ length: 10 }, () => ({ deltaY: 120, ctrlKey: true, clientX })),
  ]
  const frames: number[] = []
  for (const init of steps) {
    const t0 = performance.now()
    flushSync(() => plot.dispatchEvent(new WheelEvent('wheel', { ...init, bubbles: true, cancelable: true })))
    plot.getBoundingClientRect()
    frames.push(performance.now() - t0)
    await nextFrame()
  }
  root.unmount()
  return { renderMs, panFrameMsP95: p95(frames) }
}
