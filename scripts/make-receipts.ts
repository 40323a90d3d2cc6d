// Makes the sample receipts in public/samples and the media test fixtures in e2e/fixtures.
// Receipts are HTML rendered by Chromium (a screenshot for the PNG, print-to-PDF for the PDF);
// the fixtures are written byte by byte so they stay tiny and deterministic.
// Run: npx tsx scripts/make-receipts.ts
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'
import { chromium } from '@playwright/test'

const SAMPLES = 'public/samples'
const FIXTURES = 'e2e/fixtures'

interface ReceiptSpec {
  store: string
  address: string
  number: string
  date: string
  items: [string, string][]
  subtotal: string
  tax: string
  total: string
}

/** The seed notebook's receipt (Part 5), line for line. */
const ACME: ReceiptSpec = {
  store: 'ACME GROCERY', address: '123 Main St', number: '2025-001234', date: 'Oct 11, 2025',
  items: [['Apples (2 lbs)', '$5.99'], ['Bread', '$3.49'], ['Eggs (12)', '$4.99'], ['Milk', '$4.29'], ['Salmon', '$12.99'], ['Greens', '$3.49']],
  subtotal: '$35.24', tax: '$3.00', total: '$38.24',
}

/** A second store, so "compare these receipts" has something to compare. */
const CAFE: ReceiptSpec = {
  store: 'CORNER CAFE', address: '48 Harbor Road', number: '7731-0042', date: 'Nov 3, 2025',
  items: [['Latte', '$4.50'], ['Croissant', '$3.25'], ['Orange Juice', '$3.75'], ['Bagel', '$2.95']],
  subtotal: '$14.45', tax: '$1.16', total: '$15.61',
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Receipt HTML at the seed's layout: 400 px wide, dark sans-serif text on white, OCR-sized. */
function receiptHtml(r: ReceiptSpec, page: 'image' | 'print'): string {
  const row = (a: string, b: string, cls = ''): string => `<div class="row ${cls}"><span>${escape(a)}</span><span>${escape(b)}</span></div>`
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; background: #fff; color: #111; font-family: 'Liberation Sans', Arial, sans-serif; }
    .r { width: ${page === 'image' ? '360px' : '420px'}; padding: 16px 20px; margin: ${page === 'image' ? '0' : '40px auto'}; }
    h1 { font-size: 26px; text-align: center; margin: 4px 0 6px; letter-spacing: 1px; }
    .c { text-align: center; font-size: 17px; margin-bottom: 12px; }
    hr { border: 0; border-top: 2px solid #111; margin: 10px 0; }
    .row { display: flex; justify-content: space-between; font-size: 17px; line-height: 26px; }
    .meta { font-size: 17px; line-height: 26px; }
    .big { font-size: 19px; line-height: 28px; }
    .total { font-size: 24px; font-weight: bold; line-height: 34px; }
  </style></head><body><div class="r">
    <h1>${escape(r.store)}</h1><div class="c">${escape(r.address)}</div><hr>
    <div class="meta">Receipt #: ${escape(r.number)}</div><div class="meta">Date: ${escape(r.date)}</div><br>
    ${r.items.map(([n, p]) => row(n, p)).join('')}<hr style="border-top-width:1px">
    ${row('Subtotal:', r.subtotal, 'big')}${row('Tax:', r.tax, 'big')}<hr>${row('TOTAL:', r.total, 'total')}
  </div></body></html>`
}

// --- Tiny hand-written PDFs (Helvetica, one line of text per row) -------------------------------

const pdfString = (s: string): string => `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`

/** RC4, for the PDF standard security handler (revision 2). */
function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Array.from({ length: 256 }, (_, i) => i)
  for (let i = 0, j = 0; i < 256; i += 1) {
    j = (j + s[i]! + key[i % key.length]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!]
  }
  const out = new Uint8Array(data.length)
  for (let k = 0, i = 0, j = 0; k < data.length; k += 1) {
    i = (i + 1) & 255
    j = (j + s[i]!) & 255;
    [s[i], s[j]] = [s[j]!, s[i]!]
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 255]!
  }
  return out
}

const md5 = (...parts: Uint8Array[]): Uint8Array => new Uint8Array(createHash('md5').update(Buffer.concat(parts)).digest())
const PAD = Buffer.from('28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A', 'hex')
const padded = (pw: string): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from(pw, 'latin1'), PAD]).subarray(0, 32))
const hex = (b: Uint8Array): string => `<${Buffer.from(b).toString('hex')}>`

/**
 * A text PDF with one page per entry of `pages`; encrypted (RC4-40, user password) on request;
 * `catalogExtra` adds catalog entries (an OpenAction script, for the no-script test).
 */
function makePdf(pages: string[][], password?: string, catalogExtra = ''): Buffer {
  const id = md5(Buffer.from(pages.flat().join('\n')))
  const n = pages.length
  // Objects: 1 catalog, 2 pages, 3 font, then a page and its content stream per page, then Encrypt.
  const objects: (string | { dict: string; stream: Buffer })[] = [
    `<< /Type /Catalog /Pages 2 0 R ${catalogExtra}>>`,
    `<< /Type /Pages /Count ${n} /Kids [${pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ')}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]
  let key: Uint8Array | undefined
  let encrypt = ''
  if (password !== undefined) {
    const o = rc4(md5(padded(`${password}-owner`)).subarray(0, 5), padded(password))
    const p = new Uint8Array([0xc4, 0xff, 0xff, 0xff]) // -60: print and copy off
    key = md5(padded(password), o, p, id).subarray(0, 5)
    const u = rc4(key, new Uint8Array(PAD))
    encrypt = `/Encrypt ${4 + n * 2} 0 R `
    objects.length = 3
    objects[4 + n * 2 - 1] = `<< /Filter /Standard /V 1 /R 2 /O ${hex(o)} /U ${hex(u)} /P -60 >>`
  }
  pages.forEach((lines, i) => {
    objects[3 + i * 2] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`
    const ops = lines.map((line, k) => `BT /F1 ${k === 0 ? 18 : 12} Tf 72 ${720 - k * 20} Td ${pdfString(line)} Tj ET`).join('\n')
    objects[4 + i * 2] = { dict: '/Filter /FlateDecode ', stream: deflateSync(Buffer.from(ops, 'latin1'), { level: 9 }) }
  })
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')]
  const offsets: number[] = []
  let length = chunks[0]!.length
  objects.forEach((obj, i) => {
    offsets.push(length)
    let body: Buffer
    if (typeof obj === 'string') body = Buffer.from(`${i + 1} 0 obj\n${obj}\nendobj\n`, 'latin1')
    else {
      const objKey = key && md5(key, new Uint8Array([(i + 1) & 255, ((i + 1) >> 8) & 255, 0, 0, 0])).subarray(0, 10)
      const data = objKey ? Buffer.from(rc4(objKey, obj.stream)) : obj.stream
      body = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n<< ${obj.dict}/Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream\nendobj\n', 'latin1')])
    }
    chunks.push(body)
    length += body.length
  })
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${encrypt}/ID [${hex(id)} ${hex(id)}] >>\nstartxref\n${length}\n%%EOF\n`
  chunks.push(Buffer.from(xref + trailer, 'latin1'))
  return Buffer.concat(chunks)
}

/** Pages of plausible report text, numbered so a test can find page N. */
function reportPages(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    `Quarterly report - page ${i + 1} of ${count}`,
    ...Array.from({ length: 20 }, (_, k) => `Line ${k + 1}: revenue for region ${(i * 30 + k) % 17} rose ${(k * 7) % 23}.${k % 10} percent.`),
  ])
}

// --- PNG decompression bomb: a real header claiming 30000x30000, a few rows of data ------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(data: Buffer): number {
  let c = 0xffffffff
  for (const b of data) c = CRC_TABLE[(c ^ b) & 255]! ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4)
  head.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([head, body, crc])
}
function pngBomb(side: number): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(side, 0)
  ihdr.writeUInt32BE(side, 4)
  ihdr.set([8, 0, 0, 0, 0], 8) // 8-bit greyscale
  const rows = deflateSync(Buffer.alloc((side + 1) * 8), { level: 9 })
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), pngChunk('IHDR', ihdr), pngChunk('IDAT', rows), pngChunk('IEND', Buffer.alloc(0))])
}

async function main(): Promise<void> {
  mkdirSync(SAMPLES, { recursive: true })
  mkdirSync(FIXTURES, { recursive: true })
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage({ viewport: { width: 400, height: 600 }, deviceScaleFactor: 1 })
    for (const [spec, files] of [[ACME, ['acme-receipt.png', 'receipt-acme.png']], [CAFE, ['receipt-cafe.png']]] as const) {
      await page.setContent(receiptHtml(spec, 'image'))
      const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: 400, height: 600 } })
      for (const file of files) writeFileSync(`${SAMPLES}/${file}`, png)
    }
    await page.setContent(receiptHtml(ACME, 'print'))
    writeFileSync(`${SAMPLES}/acme-receipt.pdf`, await page.pdf({ format: 'A5', printBackground: true }))
  } finally {
    await browser.close()
  }
  const receiptLines = [ACME.store, ACME.address, `Receipt #: ${ACME.number}`, `Date: ${ACME.date}`, ...ACME.items.map(([a, b]) => `${a}  ${b}`), `Subtotal: ${ACME.subtotal}`, `Tax: ${ACME.tax}`, `TOTAL: ${ACME.total}`]
  const fixtures: Record<string, Buffer> = {
    'empty.pdf': Buffer.alloc(0),
    'corrupt.pdf': Buffer.concat([Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R'), Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 131) % 256))]),
    'encrypted.pdf': makePdf([receiptLines], 'lanes'),
    'bomb.png': pngBomb(30000),
    'text-50.pdf': makePdf(reportPages(50)),
    // A script that would show a dialog, load a remote URL and fill a field, if it ever ran.
    'script.pdf': makePdf([['Scripted document', 'Only this text should come out.']], undefined,
      "/OpenAction << /S /JavaScript /JS (app.alert('pwned'); app.launchURL('http://evil.example/x', true);) >> "),
    'text-120.pdf': makePdf(reportPages(120)),
  }
  for (const [name, bytes] of Object.entries(fixtures)) writeFileSync(`${FIXTURES}/${name}`, bytes)
  console.log(`wrote ${SAMPLES}/{acme-receipt.png,acme-receipt.pdf,receipt-acme.png,receipt-cafe.png} and ${Object.keys(fixtures).map((f) => `${FIXTURES}/${f}`).join(', ')}`)
}

await main()
