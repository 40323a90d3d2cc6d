import type { ContentPart } from '../core/index.ts'

type ImagePart = Extract<ContentPart, { type: 'image' }>

/** OCR for the offline model: the media layer's tesseract worker, loaded on first use. */
export async function ocrForLocalModel(part: ImagePart): Promise<string> {
  const { ocrImage } = await import('../media/ocr.ts')
  const bytes = Uint8Array.from(atob(part.data), (c) => c.charCodeAt(0))
  const result = await ocrImage(new Blob([bytes], { type: part.mediaType }))
  return result.text
}
