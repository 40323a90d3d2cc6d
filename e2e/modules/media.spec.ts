// media/ in real Chromium: images, PDFs, OCR and the refusals, all served from the dev server.
import type { Page } from '@playwright/test'
import { test, expect } from './fixtures.ts'

/**
 * page.evaluate, again if the page reloaded under it: the first time the dev server meets
 * tesseract.js or pdfjs-dist it pre-bundles them and reloads the page (Vite's dependency
 * optimizer), and an edited file reloads it too. Either would otherwise fail a test by accident.
 */
async function evaluateSettled<T>(page: Page, fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await page.evaluate(fn)
    } catch (error) {
      if (attempt >= 3 || !/Execution context was destroyed|navigation/i.test(String(error))) throw error
      await page.waitForLoadState('load')
    }
  }
}

/** Every request the page makes must stay on this machine: no CDN for pdfjs or tesseract. */
const foreign = new WeakMap<object, string[]>()
test.beforeEach(({ page }) => {
  const seen: string[] = []
  foreign.set(page, seen)
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') seen.push(request.url())
  })
})
test.afterEach(({ page }) => {
  expect(foreign.get(page)).toEqual([])
})

test('a PNG receipt becomes an image part, and OCR reads it well enough to parse', async ({ page }) => {
  test.setTimeout(120_000)
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const r = await import('/src/providers/local/receipt.ts')
    const blob = await (await fetch('/samples/acme-receipt.png')).blob()
    const file = new File([blob], 'acme-receipt.png', { type: 'image/png' })
    const a = await m.ingestFile(file)
    const first = await m.ocrImage(file)
    const second = await m.ocrImage(file)
    const receipt = r.parseReceipt(first.text)
    return {
      status: a.status, kind: a.kind, width: a.width, height: a.height, sentBytes: a.sentBytes, size: a.size,
      hash: a.hash, thumb: a.thumbnail.slice(0, 15), partType: a.part?.type, partMedia: a.part?.mediaType,
      parts: m.providerPartsFor(a, { pdf: 'native' }).length,
      text: first.text, confidence: first.confidence, coldMs: first.ms, warmMs: second.ms, total: receipt?.total, items: receipt?.items.length,
    }
  })
  console.log(`OCR of acme-receipt.png: cold ${result.coldMs} ms (worker + wasm + data), warm ${result.warmMs} ms, confidence ${result.confidence}`)
  expect(result).toMatchObject({ status: 'ready', kind: 'image', width: 400, height: 600, partType: 'image', parts: 1 })
  expect(result.hash).toMatch(/^[0-9a-f]{64}$/)
  expect(result.thumb).toMatch(/^data:image\//)
  expect(result.sentBytes).toBeGreaterThan(0)
  expect(result.sentBytes).toBeLessThanOrEqual(result.size)
  expect(result.text).toContain('ACME GROCERY')
  expect(result.text).toContain('38.24')
  expect(result.total).toBe(38.24)
  expect(result.items).toBe(6)
})

test('a large photo is downscaled to a 1568 px long edge unless the original is kept', async ({ page }) => {
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const canvas = new OffscreenCanvas(3000, 2000)
    const ctx = canvas.getContext('2d')!
    const gradient = ctx.createLinearGradient(0, 0, 3000, 2000)
    gradient.addColorStop(0, '#135'); gradient.addColorStop(1, '#fa3')
    ctx.fillStyle = gradient; ctx.fillRect(0, 0, 3000, 2000)
    for (let i = 0; i < 400; i += 1) { ctx.fillStyle = `hsl(${i * 37} 70% 50%)`; ctx.fillRect((i * 97) % 3000, (i * 53) % 2000, 60, 40) }
    const file = new File([await canvas.convertToBlob({ type: 'image/png' })], 'photo.png', { type: 'image/png' })
    const scaled = await m.ingestFile(file)
    const kept = await m.ingestFile(file, { keepOriginal: true })
    return { scaled: [scaled.width, scaled.height, scaled.part?.mediaType, scaled.sentBytes, scaled.size], kept: [kept.width, kept.height] }
  })
  expect(result.scaled.slice(0, 2)).toEqual([1568, 1045])
  expect(result.scaled[3]).toBeLessThan(Number(result.scaled[4]))
  expect(result.kept).toEqual([3000, 2000])
})

test('a text PDF gives text per page, thumbnails, a document part and page images', async ({ page }) => {
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const r = await import('/src/providers/local/receipt.ts')
    const bytes = new Uint8Array(await (await fetch('/samples/acme-receipt.pdf')).arrayBuffer())
    const a = await m.ingestFile(new File([bytes], 'acme-receipt.pdf', { type: 'application/pdf' }))
    const native = m.providerPartsFor(a, { pdf: 'native' })
    const withImages = await m.withPageImages(a)
    const pages = m.providerPartsFor(withImages, { pdf: 'pages' })
    return {
      status: a.status, error: a.error, pages: a.pages, text: a.pageText?.join('\n') ?? '', thumbs: a.pageThumbnails?.map((t) => t.slice(0, 23)),
      total: r.parseReceipt(a.pageText?.join('\n') ?? '')?.total, kind: r.classifyDocument(a.pageText?.join('\n') ?? '').type,
      docText: a.part?.type === 'document' ? a.part.text?.length : -1, native: native.map((p) => p.type), pagesParts: pages.map((p) => p.type),
    }
  })
  expect(result.error).toBeUndefined()
  expect(result).toMatchObject({ status: 'ready', pages: 1, total: 38.24, kind: 'receipt', docText: 1, native: ['document'], pagesParts: ['image', 'text'] })
  expect(result.thumbs).toEqual(['data:image/jpeg;base64,'])
  for (const s of ['ACME GROCERY', '2025-001234', 'Oct 11, 2025', 'Salmon', '$12.99', '$38.24']) expect(result.text).toContain(s)
})

test('bad files come back as errors that say what to do, quickly', async ({ page }) => {
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const fixture = async (name: string, type: string): Promise<File> =>
      new File([await (await fetch(`/e2e/fixtures/${name}`)).arrayBuffer()], name, { type })
    const timed = async (file: File): Promise<{ status: string; error: string; ms: number; pages?: number }> => {
      const start = performance.now()
      const a = await m.ingestFile(file)
      return { status: a.status, error: a.error ?? '', ms: performance.now() - start, ...(a.pages === undefined ? {} : { pages: a.pages }) }
    }
    const heic = new File([new Uint8Array([0, 0, 0, 24, 0x66, 0x74, 0x79, 0x70, 0x68, 0x65, 0x69, 0x63, 0, 0, 0, 0])], 'IMG_0001.HEIC', { type: 'image/heic' })
    const huge = new File([new Uint8Array(200 * 1024 * 1024)], 'huge.pdf', { type: 'application/pdf' })
    return {
      corrupt: await timed(await fixture('corrupt.pdf', 'application/pdf')),
      encrypted: await timed(await fixture('encrypted.pdf', 'application/pdf')),
      empty: await timed(await fixture('empty.pdf', 'application/pdf')),
      bomb: await timed(await fixture('bomb.png', 'image/png')),
      long: await timed(await fixture('text-120.pdf', 'application/pdf')),
      heic: await timed(heic),
      huge: await timed(huge),
      text: await timed(new File(['hello'], 'notes.txt', { type: 'text/plain' })),
    }
  })
  for (const r of Object.values(result)) expect(r.status).toBe('error')
  expect(result.corrupt.error).toMatch(/damaged or not really a PDF/)
  expect(result.encrypted.error).toMatch(/password-protected/)
  expect(result.empty.error).toMatch(/empty \(0 bytes\)/)
  expect(result.bomb.error).toMatch(/30000×30000 pixels/)
  expect(result.bomb.ms).toBeLessThan(1000)
  expect(result.long.error).toMatch(/120 pages; at most 100.*page range/)
  expect(result.long.pages).toBe(120)
  expect(result.heic.error).toMatch(/^HEIC isn't supported by browsers or providers; export as JPEG or PNG/)
  expect(result.huge.error).toMatch(/200 MB; the limit/)
  expect(result.huge.ms).toBeLessThan(200)
  expect(result.text.error).toMatch(/isn't a supported file type/)
})

test('a long PDF reads with a page range, and 50 pages become text and thumbnails fast', async ({ page }) => {
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const get = async (name: string): Promise<Uint8Array<ArrayBuffer>> => new Uint8Array(await (await fetch(`/e2e/fixtures/${name}`)).arrayBuffer())
    const long = await m.ingestFile(new File([await get('text-120.pdf')], 'long.pdf', { type: 'application/pdf' }), { pageRange: { first: 101, last: 120 } })
    const fifty = await get('text-50.pdf')
    await m.benchPdfIngest(fifty) // warm: pdfjs and its worker load once per page
    const runs = [await m.benchPdfIngest(fifty), await m.benchPdfIngest(fifty), await m.benchPdfIngest(fifty)]
    return {
      status: long.status, range: long.pageRange, read: long.pageText?.length, first: long.pageText?.[0]?.split('\n')[0],
      native: m.providerPartsFor(long, { pdf: 'native' }).map((p) => p.type), runs,
    }
  })
  const ms = result.runs.map((r) => r.ms).sort((a, b) => a - b)
  console.log(`50-page PDF to text + thumbnails: ${ms.join(', ')} ms (median ${ms[1]})`)
  expect(result).toMatchObject({ status: 'ready', range: { first: 101, last: 120 }, read: 20, first: 'Quarterly report - page 101 of 120', native: ['text'] })
  expect(result.runs.every((r) => r.pages === 50)).toBe(true)
  expect(ms[1]).toBeLessThan(4000)
})

test('a PDF script never runs, and a PDF over the time limit stops without breaking the next', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const file = async (name: string): Promise<File> =>
      new File([await (await fetch(`/e2e/fixtures/${name}`)).arrayBuffer()], name, { type: 'application/pdf' })
    const scripted = await m.ingestFile(await file('script.pdf'))
    const slow = await m.ingestFile(await file('text-50.pdf'), { limits: { timeoutMs: 5 } })
    const after = await m.ingestFile(await file('text-50.pdf'))
    return { scripted: [scripted.status, scripted.pageText?.join('\n')], slow: [slow.status, slow.error], after: [after.status, after.pageText?.length] }
  })
  expect(result.scripted).toEqual(['ready', 'Scripted document\nOnly this text should come out.'])
  expect(result.slow[0]).toBe('error')
  expect(result.slow[1]).toMatch(/took longer than 5 ms and was stopped/)
  expect(result.after).toEqual(['ready', 50])
  expect(dialogs).toEqual([])
})

test('GIF, WEBP and EXIF-rotated JPEG photos decode upright', async ({ page }) => {
  const result = await evaluateSettled(page, async () => {
    const m = await import('/src/media/index.ts')
    const canvas = new OffscreenCanvas(200, 100)
    const ctx = canvas.getContext('2d')!
    ctx.fillStyle = '#c33'; ctx.fillRect(0, 0, 200, 100); ctx.fillStyle = '#33c'; ctx.fillRect(0, 0, 50, 100)
    const jpeg = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg' })).arrayBuffer())
    // An EXIF block saying "rotate 90° clockwise" (orientation 6), spliced in after the SOI marker.
    const tiff = [0x4d, 0x4d, 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0]
    const app1 = [0xff, 0xe1, 0, 2 + 6 + tiff.length, 0x45, 0x78, 0x69, 0x66, 0, 0, ...tiff]
    const rotated = new Uint8Array([...jpeg.subarray(0, 2), ...app1, ...jpeg.subarray(2)])
    const webp = await canvas.convertToBlob({ type: 'image/webp' })
    const gif = Uint8Array.from(atob('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=='), (c) => c.charCodeAt(0))
    const summary = async (file: File): Promise<unknown[]> => {
      const a = await m.ingestFile(file)
      return [a.status, a.width, a.height, a.part?.mediaType ?? a.error]
    }
    return {
      rotated: await summary(new File([rotated], 'phone.jpg', { type: 'image/jpeg' })),
      orientation: m.jpegOrientation(rotated),
      webp: await summary(new File([webp], 'x.webp', { type: 'image/webp' })),
      gif: await summary(new File([gif], 'x.gif', { type: 'image/gif' })),
    }
  })
  expect(result.orientation).toBe(6)
  expect(result.rotated).toEqual(['ready', 100, 200, 'image/jpeg'])
  expect(result.webp.slice(0, 3)).toEqual(['ready', 200, 100])
  expect(result.webp[3]).toMatch(/^image\/(jpeg|png)$/)
  expect(result.gif.slice(0, 3)).toEqual(['ready', 1, 1])
})
