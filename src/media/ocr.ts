// OCR for the offline model: tesseract.js with its worker, wasm core and English data all served
// from the app's own origin (Vite `?url` imports), loaded on first use, one worker reused.
import type { Worker as TesseractWorker } from 'tesseract.js'

/** What OCR read: the text, tesseract's mean confidence (0–100) and the time it took. */
export interface OcrResult {
  text: string
  confidence: number
  ms: number
}

/** Anything tesseract can read: an image file, pixels, or a canvas. */
export type OcrInput = Blob | ImageData | OffscreenCanvas | HTMLCanvasElement | ImageBitmap

let workerPromise: Promise<TesseractWorker> | undefined

/**
 * The shared worker. tesseract fetches `${langPath}/eng.traineddata.gz`, but Vite gives the asset
 * a hashed name that no folder can express, and tesseract 7's in-memory language option is broken
 * (it initialises with the data where it means the code). So langPath is the asset's own URL
 * ending in "?": the fetch becomes `<asset>?/eng.traineddata.gz`, the same file with an ignored
 * query, in dev and in the build alike.
 */
async function getWorker(): Promise<TesseractWorker> {
  workerPromise ??= (async () => {
    const [tesseract, workerUrl, coreUrl, langUrl] = await Promise.all([
      import('tesseract.js'),
      import('tesseract.js/dist/worker.min.js?url'),
      // The SIMD build with the wasm inlined: one file, and every current browser has SIMD.
      import('tesseract.js-core/tesseract-core-simd-lstm.wasm.js?url'),
      import('@tesseract.js-data/eng/4.0.0_best_int/eng.traineddata.gz?url'),
    ])
    const absolute = (url: string): string => new URL(url, location.href).href
    return tesseract.createWorker('eng', tesseract.OEM.LSTM_ONLY, {
      workerPath: absolute(workerUrl.default),
      corePath: absolute(coreUrl.default),
      langPath: `${absolute(langUrl.default)}?`,
      workerBlobURL: false,
      cacheMethod: 'none',
      gzip: true,
    })
  })()
  try {
    return await workerPromise
  } catch (error) {
    workerPromise = undefined
    throw error
  }
}

/** Ends the shared worker; the next OCR starts a new one. */
export async function terminateOcr(): Promise<void> {
  const pending = workerPromise
  workerPromise = undefined
  if (pending !== undefined) await (await pending.catch(() => undefined))?.terminate()
}

/** Tesseract reads blobs everywhere; pixels and canvases become a PNG first. */
async function toBlob(input: OcrInput): Promise<Blob> {
  if (input instanceof Blob) return input
  if (input instanceof OffscreenCanvas) return input.convertToBlob({ type: 'image/png' })
  const canvas = new OffscreenCanvas(input.width, input.height)
  const ctx = canvas.getContext('2d')
  if (ctx === null) throw new Error('No 2D canvas is available for OCR.')
  if (input instanceof ImageData) ctx.putImageData(input, 0, 0)
  else ctx.drawImage(input, 0, 0)
  return canvas.convertToBlob({ type: 'image/png' })
}

/** Rejects after `ms` with a message that says what to do; tesseract can otherwise hang silently. */
function deadline(ms: number, what: string): { promise: Promise<never>; clear: () => void } {
  let timer: ReturnType<typeof setTimeout> | undefined
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void terminateOcr()
      reject(new Error(`${what} took longer than ${Math.round(ms / 1000)} s and was stopped. Try a smaller or clearer image.`))
    }, ms)
  })
  return { promise, clear: () => clearTimeout(timer) }
}

/**
 * Reads the text of an image. Aborting ends the worker (tesseract cannot cancel a job) and
 * rejects with an AbortError; so does the time limit (60 s by default, the first call included,
 * which loads about 7 MB of worker, wasm and language data). The next call starts a fresh worker.
 */
export async function ocrImage(input: OcrInput, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<OcrResult> {
  const { signal } = options
  signal?.throwIfAborted()
  const start = performance.now()
  const limit = deadline(options.timeoutMs ?? 60_000, 'Reading the text of this image')
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      void terminateOcr()
      reject(signal?.reason instanceof Error ? signal.reason : new DOMException('OCR was cancelled.', 'AbortError'))
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
  // Neither race loser may surface as an unhandled rejection.
  aborted.catch(() => undefined)
  limit.promise.catch(() => undefined)
  try {
    const job = (async () => {
      const worker = await getWorker()
      return worker.recognize(await toBlob(input))
    })()
    const result = await Promise.race([job, aborted, limit.promise])
    return { text: result.data.text, confidence: result.data.confidence, ms: Math.round(performance.now() - start) }
  } finally {
    limit.clear()
    if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort)
  }
}
