// The refusals that happen before any browser-only API is touched, and the choice of parts to
// send. Decoding, PDFs and OCR are covered in Chromium by e2e/modules/media.spec.ts.
import { describe, expect, it } from 'vitest'
import { ingestFile } from '../ingest.ts'
import { providerPartsFor } from '../parts.ts'
import type { Attachment } from '../types.ts'

const makeId = (): string => 'a1'

/** A blob that fails the test if anything reads it. */
function untouchable(size: number, name: string, type: string): Blob & { name: string } {
  const read = (): never => { throw new Error('the file was read') }
  return { name, size, type, slice: read, arrayBuffer: read } as unknown as Blob & { name: string }
}

describe('ingestFile refusals', () => {
  it('refuses a 200 MB file without reading a byte', async () => {
    const a = await ingestFile(untouchable(200 * 1024 * 1024, 'scan.pdf', 'application/pdf'), { makeId })
    expect(a).toMatchObject({ id: 'a1', name: 'scan.pdf', status: 'error', kind: 'pdf', hash: '', sentBytes: 0, size: 200 * 1024 * 1024 })
    expect(a.error).toMatch(/200 MB; the limit/)
  })

  it('refuses an empty file', async () => {
    const a = await ingestFile(new File([], 'empty.png', { type: 'image/png' }), { makeId })
    expect(a.error).toMatch(/empty \(0 bytes\)/)
  })

  it('refuses HEIC by its bytes even when misnamed', async () => {
    const bytes = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic'), 0, 0, 0, 0])
    const a = await ingestFile(new File([bytes], 'photo.jpg', { type: 'image/jpeg' }), { makeId })
    expect(a.error).toMatch(/^HEIC isn't supported by browsers or providers; export as JPEG or PNG/)
    expect(a.mediaType).toBe('image/heic')
  })

  it('refuses unknown types and a PDF over 32 MB', async () => {
    expect((await ingestFile(new File(['a,b\n1,2'], 'data.csv', { type: 'text/csv' }))).error).toMatch(/"data.csv" isn't a supported file type \(text\/csv\)/)
    const big = new File([new TextEncoder().encode('%PDF-1.7\n'), new Uint8Array(33 * 1024 * 1024)], 'big.pdf')
    expect((await ingestFile(big)).error).toMatch(/33 MB; the limit for PDFs is 32 MB/)
  })

  it('names a nameless blob and never throws', async () => {
    const a = await ingestFile(new Blob(['x']))
    expect(a).toMatchObject({ name: 'attachment', status: 'error' })
  })
})

const pdf: Attachment = {
  id: 'p', name: 'r.pdf', mediaType: 'application/pdf', size: 10, kind: 'pdf', status: 'ready', hash: 'h', thumbnail: '', sentBytes: 10,
  pages: 3, pageRange: { first: 1, last: 3 }, pageText: ['one', 'two', 'three'],
  part: { type: 'document', mediaType: 'application/pdf', data: 'AA==', name: 'r.pdf', text: ['one', 'two', 'three'] },
}

describe('providerPartsFor', () => {
  it('sends a whole PDF as a document part natively', () => {
    expect(providerPartsFor(pdf, { pdf: 'native' })).toEqual([pdf.part])
  })

  it('sends only the text of a PDF read in part, labelled with true page numbers', () => {
    const partial = { ...pdf, pages: 300, pageRange: { first: 101, last: 103 } }
    expect(providerPartsFor(partial, { pdf: 'native' })).toEqual([
      { type: 'text', text: '--- r.pdf, page 101 ---\none\n\n--- r.pdf, page 102 ---\ntwo\n\n--- r.pdf, page 103 ---\nthree' },
    ])
  })

  it('sends page images and the text in pages mode', () => {
    const image = { type: 'image' as const, mediaType: 'image/jpeg', data: 'AA==', name: 'r.pdf page 1' }
    const parts = providerPartsFor({ ...pdf, pageImages: [image] }, { pdf: 'pages' })
    expect(parts.map((p) => p.type)).toEqual(['image', 'text'])
  })

  it('sends images as they are and nothing for failed attachments', () => {
    const part = { type: 'image' as const, mediaType: 'image/png', data: 'AA==', name: 'x.png' }
    const image: Attachment = { ...pdf, kind: 'image', part }
    expect(providerPartsFor(image, { pdf: 'pages' })).toEqual([part])
    expect(providerPartsFor({ ...pdf, status: 'error', error: 'x' }, { pdf: 'native' })).toEqual([])
  })
})
