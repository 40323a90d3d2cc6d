// media/: files -> content parts (design.md "Layers"). pdfjs and tesseract load on first use.
export { ingestFile } from './ingest.ts'
export { providerPartsFor, renderPdfPages, withPageImages, pdfTextPart, type PartsOptions } from './parts.ts'
export { ocrImage, terminateOcr, type OcrInput, type OcrResult } from './ocr.ts'
export { benchPdfIngest } from './bench.ts'
export { DEFAULT_LIMITS, formatBytes, sizeProblem, dimensionProblem, resolvePageRange, fitWithin, type MediaLimits, type PageRange } from './limits.ts'
export { sniffFormat, imageDimensions, jpegOrientation, mediaTypeOf, type SniffedFormat, type Dimensions } from './sniff.ts'
export { sha256Hex, bytesToBase64, base64ToBytes } from './hash.ts'
export type { Attachment, IngestOptions, FileLike, ImagePart, DocumentPart } from './types.ts'
