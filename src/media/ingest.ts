// The one entry point from a dropped or picked file to an Attachment. Sizes are checked before a
// byte is read, the format is sniffed from the bytes (not trusted from the name), and every
// failure becomes an attachment with status 'error' and a message, never an exception.
import { sha256Hex } from './hash.ts'
import { processImage, type ImageResult } from './image.ts'
import { DEFAULT_LIMITS, sizeProblem, type MediaLimits } from './limits.ts'
import { processPdf } from './pdf.ts'
import { mediaTypeOf, sniffFormat } from './sniff.ts'
import type { Attachment, FileLike, IngestOptions } from './types.ts'

/** The image result, or a refusal once `ms` pass: a decoder must not hold the page forever. */
async function withTimeout(work: Promise<ImageResult>, ms: number): Promise<ImageResult> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<ImageResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `Preparing this image took longer than ${Math.round(ms / 1000)} s and was stopped. Try a smaller PNG or JPEG.` }), ms)
  })
  try {
    return await Promise.race([work, late])
  } finally {
    clearTimeout(timer)
  }
}

/** Turns a file into an attachment ready to send, or one that says why it can't be. Never throws. */
export async function ingestFile(file: FileLike | (Blob & { name?: string }), options: IngestOptions = {}): Promise<Attachment> {
  const start = performance.now()
  const limits: MediaLimits = { ...DEFAULT_LIMITS, ...options.limits }
  const name = typeof file.name === 'string' && file.name !== '' ? file.name : 'attachment'
  const declared = file.type
  const base: Attachment = {
    id: (options.makeId ?? (() => crypto.randomUUID()))(),
    name,
    mediaType: declared || 'application/octet-stream',
    size: file.size,
    kind: declared === 'application/pdf' || /\.pdf$/i.test(name) ? 'pdf' : 'image',
    status: 'error',
    hash: '',
    thumbnail: '',
    sentBytes: 0,
  }
  const fail = (error: string, extra: Partial<Attachment> = {}): Attachment => ({
    ...base,
    ...extra,
    status: 'error',
    error,
    sentBytes: 0,
    ms: Math.round(performance.now() - start),
  })

  try {
    // Refuse what no limit allows before reading anything: a 200 MB file is never loaded.
    const early = sizeProblem(file.size, 'unknown', limits)
    if (early !== undefined) return fail(early)
    const head = new Uint8Array(await file.slice(0, 1024).arrayBuffer())
    const format = sniffFormat(head, name, declared)
    if (format === 'heic') {
      return fail("HEIC isn't supported by browsers or providers; export as JPEG or PNG (on an iPhone: Settings › Camera › Formats › Most Compatible).", { mediaType: 'image/heic' })
    }
    if (format === 'unknown') {
      return fail(`"${name}" isn't a supported file type${declared ? ` (${declared})` : ''}. Attach a PNG, JPEG, WEBP or GIF image, or a PDF.`)
    }
    const kind = format === 'pdf' ? 'pdf' : 'image'
    const typed = { kind, mediaType: mediaTypeOf(format) } as const
    const sized = sizeProblem(file.size, kind, limits)
    if (sized !== undefined) return fail(sized, typed)
    if (options.signal?.aborted) return fail('Attaching this file was cancelled.', typed)

    const bytes = new Uint8Array(await file.arrayBuffer())
    const hash = await sha256Hex(bytes)
    const known = { ...typed, hash }
    if (kind === 'pdf') {
      const pdf = await processPdf(bytes, name, limits, options.pageRange, options.signal)
      if (!pdf.ok) return fail(pdf.error, pdf.pages === undefined ? known : { ...known, pages: pdf.pages })
      return { ...base, ...known, ...pdf.fields, status: 'ready', ms: Math.round(performance.now() - start) }
    }
    const image = await withTimeout(processImage(bytes, format, name, limits, options.keepOriginal === true), limits.timeoutMs)
    if (!image.ok) return fail(image.error, known)
    return { ...base, ...known, ...image.fields, status: 'ready', ms: Math.round(performance.now() - start) }
  } catch (error) {
    return fail(`"${name}" couldn't be read (${error instanceof Error ? error.message : String(error)}). Try attaching it again.`)
  }
}
