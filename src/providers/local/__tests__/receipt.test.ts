import { describe, expect, it } from 'vitest'
import { classifyDocument, formatReceiptAnswer, parseReceipt } from '../receipt.ts'

const CLEAN = `ACME GROCERY
123 Main St
Receipt #: 2025-001234
Date: Oct 11, 2025
Apples (2 lbs) $5.99
Bread $3.49
Eggs (12) $4.99
Milk $4.29
Salmon $12.99
Greens $3.49
Subtotal: $35.24
Tax: $3.00
TOTAL: $38.24`

// What tesseract really does to the seed receipt on a bad day: "$" as "S" or "5", O/0 swaps,
// a price pushed onto its own line, ragged spacing.
const NOISY = `  ACME GR0CERY
123 Main St

Receipt #:  2025-0O1234
Date: 0ct 11, 2025
Apples (2 Ibs)      S5.99
Bread     53.49
Eggs (l2) $4.99
Milk
$4.29
Salmon 512.99
Greens $3.49
Subtotal:   535.24
Tax: $3.O0
T0TAL:   S38.24`

// tesseract.js 7 on public/samples/acme-receipt.png, verbatim.
const TESSERACT = 'ACME GROCERY\n123 Main St\n\nReceipt #: 2025-001234\n\nDate: Oct 11, 2025\n\nApples (2 Ibs) $5.99\nBread $3.49\nEggs (12) $4.99\nMilk $4.29\nSalmon $12.99\nGreens $3.49\nSubtotal: $35.24\nTax: $3.00\nTOTAL: $38.24\n'

const ITEMS = [
  { name: 'Apples (2 lbs)', price: 5.99 },
  { name: 'Bread', price: 3.49 },
  { name: 'Eggs (12)', price: 4.99 },
  { name: 'Milk', price: 4.29 },
  { name: 'Salmon', price: 12.99 },
  { name: 'Greens', price: 3.49 },
]

describe('parseReceipt', () => {
  it('reads every field of the seed receipt from clean text', () => {
    expect(parseReceipt(CLEAN)).toEqual({
      store: 'ACME GROCERY',
      address: '123 Main St',
      date: 'Oct 11, 2025',
      isoDate: '2025-10-11',
      receiptNumber: '2025-001234',
      items: ITEMS,
      subtotal: 35.24,
      tax: 3,
      total: 38.24,
      currency: 'USD',
    })
  })

  it('survives OCR noise: $ read as S or 5, O/0 swaps, split lines, spacing', () => {
    const receipt = parseReceipt(NOISY)
    expect(receipt?.store).toBe('ACME GROCERY')
    expect(receipt?.receiptNumber).toBe('2025-001234')
    expect(receipt?.isoDate).toBe('2025-10-11')
    expect(receipt?.items).toEqual(ITEMS)
    expect(receipt?.subtotal).toBe(35.24)
    expect(receipt?.tax).toBe(3)
    expect(receipt?.total).toBe(38.24)
  })

  it('reads the real OCR output of the sample receipt exactly like the clean text', () => {
    expect(parseReceipt(TESSERACT)).toEqual(parseReceipt(CLEAN))
  })

  it('keeps a real leading 5 when the arithmetic says it is real', () => {
    const receipt = parseReceipt('SHOP\nTV 55.00\nCable 5.00\nSubtotal 60.00\nTax 0.00\nTotal 60.00')
    expect(receipt?.items.map((i) => i.price)).toEqual([55, 5])
  })

  it('derives the total from subtotal and tax when the total line is missing', () => {
    const receipt = parseReceipt('CAFE\nLatte 4.50\nSubtotal 4.50\nTax 0.36')
    expect(receipt?.total).toBe(4.86)
  })

  it('reads euro receipts, numeric dates and ignores payment lines', () => {
    const receipt = parseReceipt('BÄCKEREI\n2024-03-05\nBrot €2,50\nKaffee €3,10\nTotal €5,60\nCash €10,00\nChange €4,40')
    expect(receipt?.currency).toBe('EUR')
    expect(receipt?.isoDate).toBe('2024-03-05')
    expect(receipt?.items).toEqual([{ name: 'Brot', price: 2.5 }, { name: 'Kaffee', price: 3.1 }])
    expect(receipt?.total).toBe(5.6)
  })

  it('returns undefined for text without prices', () => {
    expect(parseReceipt('Dear Sam,\nSee you on Monday.\nRegards, Alex')).toBeUndefined()
  })
})

describe('classifyDocument', () => {
  it('calls the seed receipt a receipt, with reasons', () => {
    const c = classifyDocument(CLEAN)
    expect(c.type).toBe('receipt')
    expect(c.confidence).toBeGreaterThan(0.5)
    expect(c.reasons).toContain('has a subtotal')
  })

  it('still recognises the noisy OCR receipt', () => {
    expect(classifyDocument(NOISY).type).toBe('receipt')
  })

  it('tells invoices, statements, letters and forms apart', () => {
    expect(classifyDocument('INVOICE #881\nBill to: Foo Ltd\nQty Unit price\nDue date: 1 May\nAmount due $400.00').type).toBe('invoice')
    expect(classifyDocument('Monthly Statement\nAccount number 1234\nOpening balance 10.00\nDeposits 5.00\nClosing balance 15.00').type).toBe('bank statement')
    expect(classifyDocument('Dear Ms Smith,\nThank you for your letter.\nYours sincerely,\nJo').type).toBe('letter')
    expect(classifyDocument('First name ________\nLast name ________\n[ ] I agree\nSignature ________').type).toBe('form')
  })

  it('says unknown for text with no cues', () => {
    expect(classifyDocument('lorem ipsum dolor sit amet')).toEqual({ type: 'unknown', confidence: 0, reasons: [] })
  })
})

describe('formatReceiptAnswer', () => {
  it('answers in the seed notebook shape', () => {
    const text = formatReceiptAnswer(parseReceipt(CLEAN)!, 'analyze')
    expect(text).toContain('- **Store Name:** ACME GROCERY')
    expect(text).toContain('- **Address:** 123 Main St')
    expect(text).toContain('- **Receipt Number:** 2025-001234')
    expect(text).toContain('- **Date:** October 11, 2025')
    expect(text).toContain('1. Apples (2 lbs) - $5.99')
    expect(text).toContain('5. Salmon - $12.99')
    expect(text).toContain('- **Subtotal:** $35.24')
    expect(text).toContain('- **Tax:** $3.00')
    expect(text).toContain('- **Total:** $38.24')
  })

  it('checks the arithmetic in extract mode', () => {
    expect(formatReceiptAnswer(parseReceipt(CLEAN)!, 'extract')).toContain('The 6 line items add up to the subtotal ($35.24).')
    const off = formatReceiptAnswer({ store: 'X', items: [{ name: 'A', price: 1 }], subtotal: 2, currency: 'USD' }, 'extract')
    expect(off).toContain('add up to $1.00, not the subtotal of $2.00')
  })
})
