// PDFs through pdfjs-dist: page count, text per page, thumbnails and page pictures. pdfjs and its
// worker are loaded on first use (dynamic import), and the worker is bundled by Vite from the
// package, never fetched from a CDN. Scripts never run: eval and XFA are off, and only text and
// pixels come out.
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist'
import { bytesToBase64 } from './hash.ts'
import { resolvePageRange, type MediaLimits, type PageRange } from './limits.ts'
import type { Attachment, DocumentPart, ImagePart } from './types.ts'

type Pdfjs = typeof import('pdfjs-dist')
type PdfWorker = InstanceType<Pdfjs['PDFWorker']>

let pdfjsPromise: Promise<Pdfjs> | undefined
let current: { worker: Worker; pdfWorker: PdfWorker } | undefined

/**
 * pdfjs and one worker of our own, shared by every document. Documents are handed the PDFWorker
 * explicitly, so destroying a document never tears down the worker the next one needs; a worker
 * killed by a timeout is replaced on the next call.
 */
async function loadPdfjs(): Promise<{ pdfjs: Pdfjs; pdfWorker: PdfWorker }> {
  pdfjsPromise ??= import('pdfjs-dist').catch((error: unknown) => {
    pdfjsPromise = undefined
    throw error
  })
  const pdfjs = await pdfjsPromise
  if (current === undefined) {
    const { default: workerUrl } = await import('pdfjs-dist/build/pdf.worker.min.mjs?url')
    const worker = new Worker(workerUrl, { type: 'module', name: 'pdfjs' })
    current = { worker, pdfWorker: pdfjs.PDFWorker.create({ port: worker, name: 'lanes-pdf' }) }
  }
  return { pdfjs, pdfWorker: current.pdfWorker }
}

/** Ends a worker that may be stuck in a hostile file, so the next PDF gets a fresh one. */
function killWorker(): void {
  current?.pdfWorker.destroy()
  current?.worker.terminate()
  current = undefined
}

/** Options for every document: no eval, no XFA, so a PDF's scripts never run. */
async function loadDocument(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { pdfjs, pdfWorker } = await loadPdfjs()
  // pdfjs transfers the buffer it is given to its worker; keep ours for the content part.
  return pdfjs.getDocument({ data: bytes.slice(), worker: pdfWorker, isEvalSupported: false, enableXfa: false, stopAtErrors: false }).promise
}

/** The PDF fields of an attachment, or the reason the PDF cannot be used. */
export type PdfResult =
  | { ok: true; fields: Pick<Attachment, 'pages' | 'pageRange' | 'pageText' | 'pageThumbnails' | 'thumbnail' | 'sentBytes' | 'part'> }
  | { ok: false; error: string; pages?: number }

/** Reads a PDF's text and thumbnails for the chosen pages. Never throws; honours the time limit. */
export async function processPdf(
  bytes: Uint8Array,
  name: string,
  limits: MediaLimits,
  range: PageRange | undefined,
  signal?: AbortSignal,
): Promise<PdfResult> {
  let stop: (reason: string) => void = () => undefined
  const stopped = new Promise<PdfResult>((resolve) => {
    stop = (error) => resolve({ ok: false, error })
  })
  const onAbort = (): void => stop('Reading this PDF was cancelled.')
  signal?.addEventListener('abort', onAbort, { once: true })
  const timer = setTimeout(() => {
    killWorker()
    const limit = limits.timeoutMs >= 1000 ? `${Math.round(limits.timeoutMs / 1000)} s` : `${limits.timeoutMs} ms`
    stop(`Reading this PDF took longer than ${limit} and was stopped. The file may be damaged or unusually complex; try printing it to a new PDF, or choose fewer pages.`)
  }, limits.timeoutMs)
  try {
    const work = (async (): Promise<PdfResult> => {
      const doc = await loadDocument(bytes)
      // The document is closed here, not by the caller: after a timeout this still runs to the end.
      try {
        const pages = doc.numPages
        const chosen = resolvePageRange(pages, range, limits)
        if (typeof chosen === 'string') return { ok: false, error: chosen, pages }
        const pageText: string[] = []
        const pageThumbnails: string[] = []
        for (let n = chosen.first; n <= chosen.last; n += 1) {
          if (signal?.aborted) break
          const page = await doc.getPage(n)
          pageText.push(await pageTextOf(page))
          pageThumbnails.push(await renderToDataUrl(page, 120, 0.6))
          page.cleanup()
        }
        const part: DocumentPart = { type: 'document', mediaType: 'application/pdf', data: bytesToBase64(bytes), name, text: pageText }
        return {
          ok: true,
          fields: { pages, pageRange: chosen, pageText, pageThumbnails, thumbnail: pageThumbnails[0] ?? '', sentBytes: bytes.length, part },
        }
      } finally {
        await doc.destroy()
      }
    })()
    return await Promise.race([work.catch((error: unknown) => ({ ok: false as const, error: pdfErrorMessage(error) })), stopped])
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', onAbort)
  }
}

/** A message for a pdfjs failure that says what happened and what to do. */
export function pdfErrorMessage(error: unknown): string {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : ''
  if (name === 'PasswordException') {
    return 'This PDF is password-protected (encrypted), so its pages can\'t be read. Open it with its password and save or print an unprotected copy, then attach that.'
  }
  if (name === 'InvalidPDFException' || name === 'FormatError') {
    return 'This PDF is damaged or not really a PDF, so it can\'t be read. Open it in a PDF viewer and save or print it again as a new PDF.'
  }
  const detail = error instanceof Error ? error.message : String(error)
  return `This PDF couldn't be read (${detail}). Try saving or printing it again as a new PDF.`
}

async function pageTextOf(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent()
  let text = ''
  for (const item of content.items) {
    if (!('str' in item)) continue
    text += item.str
    if (item.hasEOL) text += '\n'
  }
  return text.replace(/[ \t]+\n/g, '\n').trim()
}

/** Renders a page so its long edge is `edge` px onto a fresh canvas. */
async function renderPage(page: PDFPageProxy, edge: number): Promise<HTMLCanvasElement> {
  const base = page.getViewport({ scale: 1 })
  const viewport = page.getViewport({ scale: edge / Math.max(base.width, base.height, 1) })
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(viewport.width))
  canvas.height = Math.max(1, Math.round(viewport.height))
  await page.render({ canvas, viewport, background: 'white' }).promise
  return canvas
}

/** A page as a JPEG data: URL with its long edge at `edge` px. */
async function renderToDataUrl(page: PDFPageProxy, edge: number, quality: number): Promise<string> {
  const canvas = await renderPage(page, edge)
  const url = canvas.toDataURL('image/jpeg', quality)
  // Free the pixels now rather than at the next GC: 100 thumbnails add up.
  canvas.width = 0
  return url
}

/** A page rendered to an image part with its long edge at `edge` px. */
export async function renderPageImage(page: PDFPageProxy, edge: number, name: string): Promise<ImagePart> {
  const url = await renderToDataUrl(page, edge, 0.85)
  return { type: 'image', mediaType: 'image/jpeg', data: url.slice(url.indexOf(',') + 1), name }
}

/** Opens a PDF for rendering with the same safe options as processPdf. */
export const openPdf = loadDocument
