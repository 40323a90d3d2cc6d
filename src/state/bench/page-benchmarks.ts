import { Agent } from '../../core/index.ts'
import { timeAloneInWorker } from '../agent-client.ts'
import { startRun } from '../run-controller.ts'
import { settingsStore, updateSettings } from '../settings.ts'
import { makeTextPdf } from './make-pdf.ts'

// Figures the page benchmark (bench/page.bench.ts) reads through window.__lanesBench.

/** Resolves just after the next frame is painted: a task queued from rAF runs after that paint. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))
}

/**
 * Let the previous phase's background work finish (history writes, the agent worker's garbage
 * collection), so neither figure pays for the other.
 */
function quiet(): Promise<void> {
  return new Promise((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 500 }), 150))
}

/** Watch long tasks (over 50 ms) while `work` runs; returns the longest, in ms. */
async function longestTask<T>(work: () => Promise<T>): Promise<{ value: T; longestTaskMs: number }> {
  let longest = 0
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration)
  })
  try {
    observer.observe({ type: 'longtask', buffered: false })
  } catch {
    // No Long Tasks API: the figure stays 0 and the report says so by its source.
  }
  const value = await work()
  await nextPaint()
  observer.disconnect()
  return { value, longestTaskMs: longest }
}

/** The offline model's answer of `tokens` tokens consumed with no UI, in ms. */
export async function benchModelAlone(tokens: number): Promise<number> {
  const { createLocalModel } = await import('../../providers/local/index.ts')
  await quiet()
  const start = performance.now()
  const alone = new Agent({ model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0 }) })
  for await (const event of alone.stream(`Stream a long answer of ${tokens} tokens`)) void event
  const ms = performance.now() - start
  performance.measure('lanes-bench:model-alone', { start, duration: ms })
  return ms
}

/**
 * Stream an answer of `tokens` tokens from the offline model at unlimited rate, through the whole
 * page (agent worker, store, frames, Markdown, history), against the same model consumed with no
 * UI on the page's thread.
 */
export async function benchStreamRender(tokens: number): Promise<{ totalMs: number; modelOnlyMs: number; modelInWorkerMs: number | undefined; longestTaskMs: number }> {
  const modelOnlyMs = await benchModelAlone(tokens)
  const saved = settingsStore.getState()
  updateSettings({ provider: 'local', toolPack: 'none', local: { ...saved.local, ttftMs: 0, tokensPerSecond: 0 } })
  await quiet()
  const modelInWorkerMs = await timeAloneInWorker({ settings: settingsStore.getState(), executor: 'concurrent', parts: [{ type: 'text', text: `Stream a long answer of ${tokens} tokens` }], keys: {} })
  await quiet()
  const start = performance.now()
  const { longestTaskMs } = await longestTask(() => startRun(`Stream a long answer of ${tokens} tokens`))
  const totalMs = performance.now() - start
  // Named spans in a Chromium trace, so a profile can be cut to the page's part.
  performance.measure('lanes-bench:page', { start, duration: totalMs })
  settingsStore.setState(saved)
  return { totalMs, modelOnlyMs, modelInWorkerMs, longestTaskMs }
}

/** Read a `pages`-page text PDF into text and thumbnails. */
export async function benchPdfIngest(pages: number): Promise<{ ms: number; pages: number }> {
  const { benchPdfIngest: ingest } = await import('../../media/bench.ts')
  await ingest(makeTextPdf(2)) // load pdfjs and its worker first: the figure is the ingest itself
  return ingest(makeTextPdf(pages))
}

/** OCR of the sample receipt PNG (worker and language data loaded by a first call). */
export async function benchOcrSample(): Promise<{ ms: number; firstMs: number }> {
  const { ocrImage } = await import('../../media/ocr.ts')
  const blob = await (await fetch(new URL('samples/acme-receipt.png', document.baseURI))).blob()
  const first = await ocrImage(blob)
  const second = await ocrImage(blob)
  return { ms: second.ms, firstMs: first.ms }
}

/** Permalink sizes of the seed city run and a 30-tool run. */
export async function benchPermalinkSizes(): Promise<{ city: number; thirtyTools: number }> {
  const { benchPermalinkSizes: sizes } = await import('../../runs/bench.ts')
  return sizes()
}
