import { Agent } from '../../core/index.ts'
import { startRun } from '../run-controller.ts'
import { settingsStore, updateSettings } from '../settings.ts'
import { makeTextPdf } from './make-pdf.ts'

// Figures the page benchmark (bench/page.bench.ts) reads through window.__lanesBench.

function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())))
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

/**
 * Stream an answer of `tokens` tokens from the offline model at unlimited rate, through the whole
 * page (store, frames, Markdown), against the same model consumed with no UI.
 */
export async function benchStreamRender(tokens: number): Promise<{ totalMs: number; modelOnlyMs: number; longestTaskMs: number }> {
  const prompt = `Stream a long answer of ${tokens} tokens`
  const { createLocalModel } = await import('../../providers/local/index.ts')
  let start = performance.now()
  const alone = new Agent({ model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0 }) })
  for await (const event of alone.stream(prompt)) void event
  const modelOnlyMs = performance.now() - start

  const saved = settingsStore.getState()
  updateSettings({ provider: 'local', toolPack: 'none', local: { ...saved.local, ttftMs: 0, tokensPerSecond: 0 } })
  start = performance.now()
  const { longestTaskMs } = await longestTask(() => startRun(prompt))
  const totalMs = performance.now() - start
  settingsStore.setState(saved)
  return { totalMs, modelOnlyMs, longestTaskMs }
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
