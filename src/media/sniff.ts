// What a file really is, read from its first bytes, and an image's dimensions read from its header
// without decoding it. The dimensions are what stops a decompression bomb: a 30000×30000 PNG can be
// a few hundred bytes on disk and gigabytes once decoded. Pure: unit-tested in Node.

/** Formats the sniffer recognises. 'heic' is recognised only to be refused with a clear reason. */
export type SniffedFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'pdf' | 'heic' | 'unknown'

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length))

const u16be = (b: Uint8Array, i: number): number => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0)
const u16le = (b: Uint8Array, i: number): number => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8)
const u24le = (b: Uint8Array, i: number): number => u16le(b, i) | ((b[i + 2] ?? 0) << 16)
const u32be = (b: Uint8Array, i: number): number => u16be(b, i) * 65536 + u16be(b, i + 2)

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avci'])

/** The format of a file from its first bytes, falling back to the name and declared type. */
export function sniffFormat(head: Uint8Array, name = '', mediaType = ''): SniffedFormat {
  if (head[0] === 0x89 && ascii(head, 1, 3) === 'PNG') return 'png'
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg'
  if (ascii(head, 0, 4) === 'GIF8') return 'gif'
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp'
  // A PDF header may follow some junk; readers accept it within the first 1 KB.
  if (ascii(head, 0, Math.min(head.length, 1024)).includes('%PDF-')) return 'pdf'
  if (ascii(head, 4, 4) === 'ftyp' && HEIF_BRANDS.has(ascii(head, 8, 4))) return 'heic'
  const lower = name.toLowerCase()
  if (/\.(heic|heif)$/.test(lower) || /^image\/hei[cf]/.test(mediaType)) return 'heic'
  return 'unknown'
}

/** The media type of a sniffed format. */
export function mediaTypeOf(format: SniffedFormat): string {
  switch (format) {
    case 'png': return 'image/png'
    case 'jpeg': return 'image/jpeg'
    case 'gif': return 'image/gif'
    case 'webp': return 'image/webp'
    case 'pdf': return 'application/pdf'
    case 'heic': return 'image/heic'
    case 'unknown': return 'application/octet-stream'
  }
}

/** Pixel dimensions as the file's header states them (before any EXIF rotation). */
export interface Dimensions {
  width: number
  height: number
}

/** Dimensions of a PNG, JPEG, GIF or WEBP from its header bytes; undefined when not found. */
export function imageDimensions(bytes: Uint8Array, format: SniffedFormat): Dimensions | undefined {
  switch (format) {
    case 'png':
      return ascii(bytes, 12, 4) === 'IHDR' ? { width: u32be(bytes, 16), height: u32be(bytes, 20) } : undefined
    case 'gif':
      return bytes.length >= 10 ? { width: u16le(bytes, 6), height: u16le(bytes, 8) } : undefined
    case 'webp':
      return webpDimensions(bytes)
    case 'jpeg':
      return jpegDimensions(bytes)
    default:
      return undefined
  }
}

function webpDimensions(b: Uint8Array): Dimensions | undefined {
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8X' && b.length >= 30) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 }
  if (chunk === 'VP8L' && b.length >= 25 && b[20] === 0x2f) {
    const bits = (b[21] ?? 0) | ((b[22] ?? 0) << 8) | ((b[23] ?? 0) << 16) | ((b[24] ?? 0) << 24)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (chunk === 'VP8 ' && b.length >= 30 && b[23] === 0x9d && b[24] === 0x01 && b[25] === 0x2a) {
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff }
  }
  return undefined
}

/** Walks JPEG segments to the first start-of-frame marker; EXIF blocks may come first. */
function jpegDimensions(b: Uint8Array): Dimensions | undefined {
  let i = 2
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined
    const marker = b[i + 1] ?? 0
    if (marker === 0xff) { i += 1; continue }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: u16be(b, i + 5), width: u16be(b, i + 7) }
    }
    if (marker === 0xd9 || marker === 0xda) return undefined
    i += 2 + u16be(b, i + 2)
  }
  return undefined
}

/**
 * The EXIF orientation of a JPEG (1 = upright), or undefined when it has none. Original bytes are
 * only sent unchanged when upright, since providers differ in whether they honour EXIF.
 */
export function jpegOrientation(b: Uint8Array): number | undefined {
  let i = 2
  while (i + 4 < b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0
    const length = u16be(b, i + 2)
    if (marker === 0xda) return undefined
    if (marker === 0xe1 && ascii(b, i + 4, 6) === 'Exif\0\0') return tiffOrientation(b, i + 10, i + 2 + length)
    i += 2 + length
  }
  return undefined
}

function tiffOrientation(b: Uint8Array, start: number, end: number): number | undefined {
  const little = ascii(b, start, 2) === 'II'
  const r16 = (i: number): number => (little ? u16le(b, i) : u16be(b, i))
  const r32 = (i: number): number => (little ? r16(i) + r16(i + 2) * 65536 : r16(i) * 65536 + r16(i + 2))
  const ifd = start + r32(start + 4)
  const count = r16(ifd)
  for (let k = 0; k < count; k += 1) {
    const entry = ifd + 2 + k * 12
    if (entry + 12 > end) return undefined
    if (r16(entry) === 0x0112) return r16(entry + 8)
  }
  return undefined
}
