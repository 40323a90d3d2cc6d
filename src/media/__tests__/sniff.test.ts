import { describe, expect, it } from 'vitest'
import { imageDimensions, jpegOrientation, mediaTypeOf, sniffFormat } from '../sniff.ts'
import { base64ToBytes, bytesToBase64, sha256Hex } from '../hash.ts'

const u32 = (n: number): number[] => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
const le16 = (n: number): number[] => [n & 255, (n >>> 8) & 255]
const le24 = (n: number): number[] => [n & 255, (n >>> 8) & 255, (n >>> 16) & 255]
const text = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0))

const png = (w: number, h: number): Uint8Array =>
  new Uint8Array([0x89, ...text('PNG\r\n\x1a\n'), ...u32(13), ...text('IHDR'), ...u32(w), ...u32(h), 8, 6, 0, 0, 0])

/** A JPEG with an EXIF block (orientation 6) before the frame header, as phones write them. */
function jpeg(w: number, h: number, orientation = 6): Uint8Array {
  const tiff = [...text('MM'), 0, 42, ...u32(8), 0, 1, 0x01, 0x12, 0, 3, ...u32(1), 0, orientation, 0, 0, ...u32(0)]
  const app1 = [...text('Exif\0\0'), ...tiff]
  const sof = [8, h >> 8, h & 255, w >> 8, w & 255, 3]
  return new Uint8Array([0xff, 0xd8, 0xff, 0xe1, (app1.length + 2) >> 8, (app1.length + 2) & 255, ...app1, 0xff, 0xc0, 0, sof.length + 2, ...sof, 0xff, 0xd9])
}

describe('sniffFormat', () => {
  it('trusts bytes over names', () => {
    expect(sniffFormat(png(1, 1), 'photo.jpg', 'image/jpeg')).toBe('png')
    expect(sniffFormat(jpeg(1, 1), 'x.png')).toBe('jpeg')
    expect(sniffFormat(new Uint8Array(text('GIF89a\x01\x00\x01\x00')))).toBe('gif')
    expect(sniffFormat(new Uint8Array(text('%PDF-1.7\n')))).toBe('pdf')
  })
  it('recognises HEIC by its ftyp brand and by name', () => {
    expect(sniffFormat(new Uint8Array([0, 0, 0, 24, ...text('ftypheic')]))).toBe('heic')
    expect(sniffFormat(new Uint8Array([1, 2, 3]), 'IMG_0001.HEIC')).toBe('heic')
  })
  it('says unknown for anything else', () => {
    expect(sniffFormat(new Uint8Array(text('hello')), 'notes.txt', 'text/plain')).toBe('unknown')
    expect(mediaTypeOf('unknown')).toBe('application/octet-stream')
  })
})

describe('imageDimensions', () => {
  it('reads PNG, GIF and JPEG headers', () => {
    expect(imageDimensions(png(30000, 30000), 'png')).toEqual({ width: 30000, height: 30000 })
    expect(imageDimensions(new Uint8Array([...text('GIF89a'), ...le16(640), ...le16(480)]), 'gif')).toEqual({ width: 640, height: 480 })
    expect(imageDimensions(jpeg(4032, 3024), 'jpeg')).toEqual({ width: 4032, height: 3024 })
  })
  it('reads all three WEBP flavours', () => {
    const riff = (chunk: string, body: number[]): Uint8Array => new Uint8Array([...text('RIFF'), 0, 0, 0, 0, ...text('WEBP'), ...text(chunk), 0, 0, 0, 0, ...body])
    expect(imageDimensions(riff('VP8X', [0, 0, 0, 0, ...le24(1999), ...le24(999)]), 'webp')).toEqual({ width: 2000, height: 1000 })
    const bits = (300 - 1) | ((200 - 1) << 14)
    expect(imageDimensions(riff('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, (bits >> 24) & 255]), 'webp')).toEqual({ width: 300, height: 200 })
    expect(imageDimensions(riff('VP8 ', [0, 0, 0, 0x9d, 0x01, 0x2a, ...le16(320), ...le16(240)]), 'webp')).toEqual({ width: 320, height: 240 })
  })
  it('gives undefined for a truncated header', () => {
    expect(imageDimensions(new Uint8Array([0x89, 0x50]), 'png')).toBeUndefined()
    expect(imageDimensions(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'jpeg')).toBeUndefined()
  })
})

describe('jpegOrientation', () => {
  it('reads the EXIF orientation', () => {
    expect(jpegOrientation(jpeg(10, 10, 6))).toBe(6)
    expect(jpegOrientation(jpeg(10, 10, 1))).toBe(1)
    expect(jpegOrientation(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]))).toBeUndefined()
  })
})

describe('hash helpers', () => {
  it('hashes with SHA-256 and round-trips base64', async () => {
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251)
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes)
  })
})
