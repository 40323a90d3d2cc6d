// The attachment shape media/ hands to state and providers: a plain object that survives
// structuredClone, with the content part ready to send.
import type { ContentPart } from '../core/index.ts'
import type { MediaLimits, PageRange } from './limits.ts'

/** An image content part. */
export type ImagePart = Extract<ContentPart, { type: 'image' }>
/** A PDF content part. */
export type DocumentPart = Extract<ContentPart, { type: 'document' }>

/** A file turned into something a model can read, or the reason it cannot be. */
export interface Attachment {
  id: string
  name: string
  mediaType: string
  /** Bytes of the original file. */
  size: number
  kind: 'image' | 'pdf'
  status: 'ready' | 'error'
  /** What went wrong and what to do about it; set when status is 'error'. */
  error?: string
  /** SHA-256 of the original bytes, hex; '' when the file was refused before reading. */
  hash: string
  /** A small data: URL; '' when none could be made. */
  thumbnail: string
  /** Bytes that will be sent (after downscaling and re-encoding). */
  sentBytes: number
  /** Images: dimensions as sent. */
  width?: number
  height?: number
  /** Images: dimensions of the original, upright. */
  originalWidth?: number
  originalHeight?: number
  /** PDFs: total pages, the pages read, their text and thumbnails (index 0 = range.first). */
  pages?: number
  pageRange?: PageRange
  pageText?: string[]
  pageThumbnails?: string[]
  /** The part to send: an image part, or a document part with `text` per page read. */
  part?: ImagePart | DocumentPart
  /** PDFs sent as pictures (for providers without native PDF): see renderPdfPages. */
  pageImages?: ImagePart[]
  /** Milliseconds the ingest took. */
  ms?: number
}

/** Options of ingestFile. */
export interface IngestOptions {
  /** Send the image at its original size instead of a long edge of `maxEdge`. */
  keepOriginal?: boolean
  /** PDFs: the pages to read (1-based, inclusive); required past the page limit. */
  pageRange?: PageRange
  /** Override any limit. */
  limits?: Partial<MediaLimits>
  /** Stops the ingest; the attachment comes back with status 'error'. */
  signal?: AbortSignal
  /** Makes the attachment id; defaults to crypto.randomUUID. */
  makeId?: () => string
}

/** A file, or a blob with a name. */
export type FileLike = Blob & { name: string }
