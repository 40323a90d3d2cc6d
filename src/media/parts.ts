// What to send for an attachment: a native part for providers that read images and PDFs, or for
// PDFs page pictures plus the extracted text for providers that only see images.
import type { ContentPart } from '../core/index.ts'
import { base64ToBytes } from './hash.ts'
import type { PageRange } from './limits.ts'
import { openPdf, renderPageImage } from './pdf.ts'
import type { Attachment, ImagePart } from './types.ts'

/** How a PDF is sent: as a document part, or as page images with the text beside them. */
export interface PartsOptions {
  pdf: 'native' | 'pages'
}

/** The extracted text of a PDF, labelled by page, as one text part. */
export function pdfTextPart(attachment: Attachment): ContentPart {
  const first = attachment.pageRange?.first ?? 1
  const pages = (attachment.pageText ?? []).map((text, i) => `--- ${attachment.name}, page ${first + i} ---\n${text}`)
  return { type: 'text', text: pages.join('\n\n') }
}

/**
 * The parts to send for a ready attachment ([] when it isn't ready). A PDF read only in part (a
 * page range) is sent as its text in native mode, since the document part would carry every page.
 * In 'pages' mode the page images must have been rendered (renderPdfPages); without them only the
 * text is sent.
 */
export function providerPartsFor(attachment: Attachment, options: PartsOptions): ContentPart[] {
  if (attachment.status !== 'ready' || attachment.part === undefined) return []
  if (attachment.kind === 'image') return [attachment.part]
  const partial = attachment.pageRange !== undefined && attachment.pages !== undefined
    && attachment.pageRange.last - attachment.pageRange.first + 1 < attachment.pages
  if (options.pdf === 'native' && !partial) return [attachment.part]
  return [...(options.pdf === 'pages' ? (attachment.pageImages ?? []) : []), pdfTextPart(attachment)]
}

/**
 * Renders PDF pages as JPEG image parts (long edge `edge`, 1568 by default) for providers without
 * native PDF input. Pages outside the document are skipped.
 */
export async function renderPdfPages(attachment: Attachment, range?: PageRange, edge = 1568): Promise<ImagePart[]> {
  if (attachment.kind !== 'pdf' || attachment.part === undefined) return []
  const doc = await openPdf(base64ToBytes(attachment.part.data))
  try {
    const chosen = range ?? attachment.pageRange ?? { first: 1, last: doc.numPages }
    const images: ImagePart[] = []
    for (let n = Math.max(1, chosen.first); n <= Math.min(doc.numPages, chosen.last); n += 1) {
      const page = await doc.getPage(n)
      images.push(await renderPageImage(page, edge, `${attachment.name} page ${n}`))
      page.cleanup()
    }
    return images
  } finally {
    await doc.destroy()
  }
}

/** The attachment with its page images rendered, ready for providerPartsFor(…, { pdf: 'pages' }). */
export async function withPageImages(attachment: Attachment, range?: PageRange): Promise<Attachment> {
  return { ...attachment, pageImages: await renderPdfPages(attachment, range) }
}
