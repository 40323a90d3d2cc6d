// Size, dimension, page and time limits for attachments, and the messages that explain them.
// Pure: no browser APIs, so the rules are unit-tested in Node.

/** Bytes in a mebibyte; sizes are shown in MB of this size. */
const MB = 1024 * 1024

/** The limits an ingest applies. Every field can be overridden per call. */
export interface MediaLimits {
  /** Any file above this is refused before a byte is read. */
  maxFileBytes: number
  /** Images above this are refused before decoding. */
  maxImageBytes: number
  /** PDFs above this are refused (Anthropic's document limit is 32 MB). */
  maxPdfBytes: number
  /** Decoded pixels above this are refused from the header: a decompression bomb. */
  maxImagePixels: number
  /** Longest side a browser canvas can hold everywhere. */
  maxImageSide: number
  /** Pages read from one PDF; longer documents need a page range. */
  maxPdfPages: number
  /** Long edge of an image as sent, unless the original is kept (Anthropic's sweet spot). */
  maxEdge: number
  /** A per-file time limit so a hostile file never hangs the page. */
  timeoutMs: number
}

/** The defaults: generous for real receipts and reports, firm against bombs. */
export const DEFAULT_LIMITS: MediaLimits = {
  maxFileBytes: 64 * MB,
  maxImageBytes: 40 * MB,
  maxPdfBytes: 32 * MB,
  maxImagePixels: 50_000_000,
  maxImageSide: 16_384,
  maxPdfPages: 100,
  maxEdge: 1568,
  timeoutMs: 20_000,
}

/** A size in human units: "812 KB", "3.4 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < MB) return `${Math.round(bytes / 1024)} KB`
  const mb = bytes / MB
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`
}

/** Why a file cannot be read at its size, or undefined when the size is fine. */
export function sizeProblem(size: number, kind: 'image' | 'pdf' | 'unknown', limits: MediaLimits = DEFAULT_LIMITS): string | undefined {
  if (size === 0) return 'This file is empty (0 bytes). Check that it finished downloading or saving, then attach it again.'
  const limit = kind === 'image' ? limits.maxImageBytes : kind === 'pdf' ? limits.maxPdfBytes : limits.maxFileBytes
  if (size > Math.max(limit, 0) || size > limits.maxFileBytes) {
    const what = kind === 'image' ? 'images' : kind === 'pdf' ? 'PDFs' : 'files'
    return `This file is ${formatBytes(size)}; the limit for ${what} is ${formatBytes(Math.min(limit, limits.maxFileBytes))}. Compress it or split it into smaller files.`
  }
  return undefined
}

/** Why an image of these dimensions is refused, or undefined. Checked before decoding. */
export function dimensionProblem(width: number, height: number, limits: MediaLimits = DEFAULT_LIMITS): string | undefined {
  if (width <= 0 || height <= 0) return 'This image has no pixels (its header says 0×0). The file is damaged; export it again.'
  if (width > limits.maxImageSide || height > limits.maxImageSide || width * height > limits.maxImagePixels) {
    const mp = Math.round((width * height) / 1_000_000)
    return `This image is ${width}×${height} pixels (${mp} megapixels), too large to decode safely (limit ${Math.round(limits.maxImagePixels / 1_000_000)} megapixels, ${limits.maxImageSide} px a side). Resize it to a smaller image first.`
  }
  return undefined
}

/** A 1-based, inclusive page range. */
export interface PageRange {
  first: number
  last: number
}

/**
 * The pages to read from a PDF of `pages` pages, or the reason none can be: documents over the
 * page limit need a range no longer than the limit.
 */
export function resolvePageRange(pages: number, range: PageRange | undefined, limits: MediaLimits = DEFAULT_LIMITS): PageRange | string {
  if (pages <= 0) return 'This PDF has no pages. The file is damaged or empty; export it again.'
  if (range === undefined) {
    if (pages <= limits.maxPdfPages) return { first: 1, last: pages }
    return `This PDF has ${pages} pages; at most ${limits.maxPdfPages} can be read at once. Choose a page range of up to ${limits.maxPdfPages} pages (for example 1–${limits.maxPdfPages}).`
  }
  const first = Math.max(1, Math.floor(range.first))
  const last = Math.min(pages, Math.floor(range.last))
  if (!(first <= last)) return `The page range ${range.first}–${range.last} is empty; this PDF has pages 1–${pages}.`
  if (last - first + 1 > limits.maxPdfPages) {
    return `The page range ${first}–${last} has ${last - first + 1} pages; choose at most ${limits.maxPdfPages}.`
  }
  return { first, last }
}

/** Fit `width`×`height` inside a long edge of `maxEdge`, keeping the aspect ratio; never upscales. */
export function fitWithin(width: number, height: number, maxEdge: number): { width: number; height: number; scaled: boolean } {
  const long = Math.max(width, height)
  if (long <= maxEdge) return { width, height, scaled: false }
  const k = maxEdge / long
  return { width: Math.max(1, Math.round(width * k)), height: Math.max(1, Math.round(height * k)), scaled: true }
}
