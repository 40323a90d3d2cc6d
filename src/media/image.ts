// Images: refuse bombs from the header, decode upright, downscale, and send the smallest of a few
// sensible encodings. Runs on the main thread with OffscreenCanvas; no DOM nodes are created.
import { bytesToBase64, blobToDataUrl } from './hash.ts'
import { dimensionProblem, fitWithin, type MediaLimits } from './limits.ts'
import { imageDimensions, jpegOrientation, mediaTypeOf, type SniffedFormat } from './sniff.ts'
import type { Attachment, ImagePart } from './types.ts'

/** The image fields of an attachment, or the reason the image cannot be used. */
export type ImageResult =
  | { ok: true; fields: Pick<Attachment, 'thumbnail' | 'sentBytes' | 'width' | 'height' | 'originalWidth' | 'originalHeight' | 'part' | 'mediaType'> }
  | { ok: false; error: string }

const THUMB_EDGE = 160
const JPEG_QUALITY = 0.85

/** Decodes, downscales and re-encodes an image file for sending. Never throws. */
export async function processImage(
  bytes: Uint8Array,
  format: SniffedFormat,
  name: string,
  limits: MediaLimits,
  keepOriginal: boolean,
): Promise<ImageResult> {
  const dims = imageDimensions(bytes, format)
  if (dims === undefined) return { ok: false, error: `This ${format.toUpperCase()} file's header is damaged, so its size can't be read. Open it in an image editor and export it again.` }
  const problem = dimensionProblem(dims.width, dims.height, limits)
  if (problem !== undefined) return { ok: false, error: problem }

  let bitmap: ImageBitmap
  try {
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mediaTypeOf(format) })
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image' })
  } catch {
    return { ok: false, error: `This ${format.toUpperCase()} image couldn't be decoded; the file is damaged or not really an image. Export it again as PNG or JPEG.` }
  }
  try {
    const target = keepOriginal ? { width: bitmap.width, height: bitmap.height, scaled: false } : fitWithin(bitmap.width, bitmap.height, limits.maxEdge)
    const canvas = draw(bitmap, target.width, target.height)
    const opaque = isOpaque(canvas)
    const chosen = await smallestEncoding(canvas, { bytes, format, opaque, untouched: !target.scaled })
    const thumbSize = fitWithin(bitmap.width, bitmap.height, THUMB_EDGE)
    const thumbCanvas = draw(bitmap, thumbSize.width, thumbSize.height)
    const thumbnail = await blobToDataUrl(await thumbCanvas.convertToBlob(opaque ? { type: 'image/jpeg', quality: 0.7 } : { type: 'image/png' }))
    const part: ImagePart = { type: 'image', mediaType: chosen.type, data: bytesToBase64(chosen.bytes), name }
    return {
      ok: true,
      fields: {
        thumbnail,
        sentBytes: chosen.bytes.length,
        width: target.width,
        height: target.height,
        originalWidth: bitmap.width,
        originalHeight: bitmap.height,
        part,
        mediaType: mediaTypeOf(format),
      },
    }
  } catch (error) {
    return { ok: false, error: `This image couldn't be prepared for sending (${error instanceof Error ? error.message : String(error)}). Try a smaller PNG or JPEG.` }
  } finally {
    bitmap.close()
  }
}

function draw(source: CanvasImageSource, width: number, height: number): OffscreenCanvas {
  const canvas = new OffscreenCanvas(width, height)
  const ctx = canvas.getContext('2d')
  if (ctx === null) throw new Error('no 2D canvas')
  ctx.imageSmoothingQuality = 'high'
  ctx.drawImage(source, 0, 0, width, height)
  return canvas
}

/** Whether every pixel is opaque: JPEG would turn transparency black. */
function isOpaque(canvas: OffscreenCanvas): boolean {
  const ctx = canvas.getContext('2d')
  if (ctx === null) return false
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return false
  return true
}

interface Encoded {
  type: string
  bytes: Uint8Array
}

/**
 * Photos shrink best as JPEG; screenshots and text as PNG. Rather than guess, encode the
 * candidates and keep the smallest. The original bytes compete too when nothing was scaled and
 * they are a PNG or an upright JPEG, so a well-compressed file is never made bigger.
 */
async function smallestEncoding(
  canvas: OffscreenCanvas,
  source: { bytes: Uint8Array; format: SniffedFormat; opaque: boolean; untouched: boolean },
): Promise<Encoded> {
  const candidates: Encoded[] = []
  const encode = async (type: string, quality?: number): Promise<void> => {
    const blob = await canvas.convertToBlob(quality === undefined ? { type } : { type, quality })
    candidates.push({ type: blob.type || type, bytes: new Uint8Array(await blob.arrayBuffer()) })
  }
  if (source.opaque) await encode('image/jpeg', JPEG_QUALITY)
  if (!source.opaque || source.format === 'png' || source.format === 'gif') await encode('image/png')
  const upright = source.format === 'png' || (source.format === 'jpeg' && (jpegOrientation(source.bytes) ?? 1) === 1)
  if (source.untouched && upright) candidates.push({ type: mediaTypeOf(source.format), bytes: source.bytes })
  let best = candidates[0]
  if (best === undefined) throw new Error('no encoding')
  for (const c of candidates) if (c.bytes.length < best.bytes.length) best = c
  return best
}
