import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS, dimensionProblem, fitWithin, formatBytes, resolvePageRange, sizeProblem } from '../limits.ts'

const MB = 1024 * 1024

describe('sizeProblem', () => {
  it('refuses empty files with advice', () => {
    expect(sizeProblem(0, 'unknown')).toMatch(/empty \(0 bytes\).*attach it again/)
  })
  it('refuses a 200 MB file whatever it is', () => {
    expect(sizeProblem(200 * MB, 'unknown')).toBe('This file is 200 MB; the limit for files is 64 MB. Compress it or split it into smaller files.')
  })
  it('holds PDFs to 32 MB and images to their own limit', () => {
    expect(sizeProblem(33 * MB, 'pdf')).toMatch(/33 MB; the limit for PDFs is 32 MB/)
    expect(sizeProblem(32 * MB, 'pdf')).toBeUndefined()
    expect(sizeProblem(41 * MB, 'image')).toMatch(/limit for images is 40 MB/)
    expect(sizeProblem(5 * MB, 'image')).toBeUndefined()
  })
})

describe('dimensionProblem', () => {
  it('refuses a 30000×30000 bomb and explains', () => {
    expect(dimensionProblem(30000, 30000)).toMatch(/30000×30000 pixels \(900 megapixels\), too large/)
  })
  it('refuses a thin image longer than a canvas allows', () => {
    expect(dimensionProblem(20000, 10)).toBeDefined()
  })
  it('accepts a 48 MP photo and refuses 0×0', () => {
    expect(dimensionProblem(8000, 6000)).toBeUndefined()
    expect(dimensionProblem(0, 0)).toMatch(/no pixels/)
  })
})

describe('resolvePageRange', () => {
  it('reads all pages of a short document', () => {
    expect(resolvePageRange(12, undefined)).toEqual({ first: 1, last: 12 })
  })
  it('asks for a range past the page limit', () => {
    expect(resolvePageRange(500, undefined)).toMatch(/500 pages; at most 100.*1–100/)
  })
  it('accepts a range of up to 100 pages and clamps it to the document', () => {
    expect(resolvePageRange(500, { first: 201, last: 300 })).toEqual({ first: 201, last: 300 })
    expect(resolvePageRange(120, { first: 90, last: 400 })).toEqual({ first: 90, last: 120 })
  })
  it('refuses ranges that are too long or empty', () => {
    expect(resolvePageRange(500, { first: 1, last: 101 })).toMatch(/101 pages; choose at most 100/)
    expect(resolvePageRange(10, { first: 11, last: 20 })).toMatch(/is empty/)
  })
  it('honours a custom limit', () => {
    expect(resolvePageRange(5, undefined, { ...DEFAULT_LIMITS, maxPdfPages: 3 })).toMatch(/at most 3/)
  })
})

describe('fitWithin and formatBytes', () => {
  it('downscales the long edge to 1568 and never upscales', () => {
    expect(fitWithin(4032, 3024, 1568)).toEqual({ width: 1568, height: 1176, scaled: true })
    expect(fitWithin(400, 600, 1568)).toEqual({ width: 400, height: 600, scaled: false })
  })
  it('formats sizes', () => {
    expect(formatBytes(512)).toBe('512 B')
    expect(formatBytes(20_000)).toBe('20 KB')
    expect(formatBytes(3.5 * MB)).toBe('3.5 MB')
  })
})
