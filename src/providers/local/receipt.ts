// Reads receipts from text (PDF text or OCR output) for the offline model, and classifies
// documents. OCR is noisy: "$" comes back as "S" or "5", "O" and "0" swap, lines split, so
// amounts are read leniently and then reconciled against the receipt's own arithmetic.

/** One purchased line. */
export interface ReceiptItem {
  name: string
  price: number
}

/** What a receipt says, as far as the text shows it. */
export interface Receipt {
  store: string
  address?: string
  /** The date as printed ("Oct 11, 2025"). */
  date?: string
  /** The date as YYYY-MM-DD when it could be read. */
  isoDate?: string
  receiptNumber?: string
  items: ReceiptItem[]
  subtotal?: number
  tax?: number
  total?: number
  /** ISO 4217 code: 'USD', 'EUR', 'GBP'. */
  currency: string
}

interface Amount {
  value: number
  /** The value if a leading "5" was really a misread "$". */
  alt?: number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
// An amount at the end of a line: optional currency (or its misreadings), digits with O/l noise.
const AMOUNT_AT_END = /(?:^|\s)([$€£S]?)\s?(-?[\dOoIl]{1,6}(?:,\d{3})*\s?[.,]\s?[\dOo]{2})\s*[A-Z]?$/

/** The letters of a label with OCR look-alikes folded, for keyword tests: "T0TAI:" → "TOTAL". */
function labelKey(label: string): string {
  return label.toUpperCase().replace(/0/g, 'O').replace(/[1I|]/g, 'L').replace(/[^A-Z]/g, '')
}

function readAmount(symbol: string, raw: string): Amount | undefined {
  const digits = raw.replace(/\s/g, '').replace(/[Oo]/g, '0').replace(/[Il]/g, '1')
  const normal = digits.replace(/,(?=\d{3}(?:\D|$))/g, '').replace(',', '.')
  const value = Number(normal)
  if (!Number.isFinite(value)) return undefined
  const integer = normal.split('.')[0] ?? ''
  // Without a symbol, "55.99" may be "$5.99" read badly; keep both readings for reconciliation.
  if (symbol === '' && integer.length >= 2 && integer.startsWith('5')) return { value, alt: Number(normal.slice(1)) }
  return { value }
}

type Kind = 'subtotal' | 'tax' | 'total' | 'payment' | 'item'

function kindOf(label: string): Kind {
  const key = labelKey(label)
  if (/SUBTOTAL|SUBTOT|NETAMOUNT/.test(key)) return 'subtotal'
  if (/^(SALES)?TAX|^VAT|^GST|^HST|TAX$/.test(key)) return 'tax'
  if (/TOTAL|AMOUNTDUE|BALANCEDUE|GRANDTOT/.test(key)) return 'total'
  if (/^(CASH|CHANGE|CARD|VISA|MASTERCARD|AMEX|DEBIT|CREDIT|TENDER|PAID)/.test(key)) return 'payment'
  return 'item'
}

/** Lines with OCR's split lines rejoined: a lone amount belongs to the line above. */
function joinLines(text: string): string[] {
  const lines = text.split(/\r?\n/).map((l) => l.replace(/[ \t]+/g, ' ').trim()).filter((l) => l !== '')
  const out: string[] = []
  for (const line of lines) {
    const prev = out[out.length - 1]
    const loneAmount = /^[$€£S]?\s?-?\d[\d,]*[.,]\d{2}$/.test(line)
    if (loneAmount && prev !== undefined && !AMOUNT_AT_END.test(prev) && /[A-Za-z]/.test(prev)) out[out.length - 1] = `${prev} ${line}`
    else out.push(line)
  }
  return out
}

/** Picks readings (value or alt) so that `parts` sum to `target`; the plain reading when none fits. */
function reconcile(parts: Amount[], target: number | undefined): number[] {
  const plain = parts.map((p) => p.value)
  const ambiguous = parts.map((p, i) => (p.alt === undefined ? -1 : i)).filter((i) => i >= 0)
  if (target === undefined || ambiguous.length === 0 || ambiguous.length > 12) return plain
  for (let mask = 0; mask < 1 << ambiguous.length; mask += 1) {
    const values = [...plain]
    ambiguous.forEach((index, bit) => {
      if (mask & (1 << bit)) values[index] = parts[index]?.alt ?? values[index] ?? 0
    })
    if (Math.abs(values.reduce((a, b) => a + b, 0) - target) < 0.005) return values
  }
  return plain
}

function readDate(line: string): { date: string; isoDate?: string } | undefined {
  const named = /\b([A-Za-z0][A-Za-z]{2,8})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(line) ?? undefined
  const month = named === undefined ? -1 : MONTHS.indexOf((named[1] ?? '').slice(0, 3).toLowerCase().replace(/0/g, 'o'))
  if (named !== undefined && month >= 0) {
    return { date: named[0], isoDate: `${named[3]}-${String(month + 1).padStart(2, '0')}-${(named[2] ?? '').padStart(2, '0')}` }
  }
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(line)
  if (iso !== null) return { date: iso[0], isoDate: iso[0] }
  const numeric = /\b(\d{1,2})[/.](\d{1,2})[/.](\d{2,4})\b/.exec(line)
  return numeric === null ? undefined : { date: numeric[0] }
}

/** OCR's favourite misreadings in item names: "2 Ibs" for "2 lbs", "l2" for "12". */
function cleanName(name: string): string {
  return name.replace(/\bIbs?\b/g, (m) => m.replace('I', 'l')).replace(/(?<=\d)[lI]|[lI](?=\d)/g, '1').replace(/(?<=\d)[Oo]|[Oo](?=\d)/g, '0')
}

const STREET = /\b\d+\s+[\w .'-]*\b(st|street|ave|avenue|rd|road|blvd|lane|ln|dr|drive|way|plaza|square|sq)\b\.?/i

/** A receipt read from text, or undefined when the text has no prices or totals. */
export function parseReceipt(text: string): Receipt | undefined {
  const lines = joinLines(text)
  const items: { name: string; amount: Amount }[] = []
  const found: Partial<Record<'subtotal' | 'tax' | 'total', Amount>> = {}
  let store: string | undefined
  let address: string | undefined
  let date: { date: string; isoDate?: string } | undefined
  let receiptNumber: string | undefined
  let symbols = ''
  for (const line of lines) {
    const number = /\b(?:receipt|rcpt|invoice|order|trans(?:action)?|ticket)\s*(?:#|no\.?|number|num)?\s*[:#]?\s*([A-Z0-9][A-Z0-9-]{2,})/i.exec(line)
    if (number !== null && receiptNumber === undefined && /\d/.test(number[1] ?? '')) { receiptNumber = (number[1] ?? '').replace(/(?<=[\d-])[Oo]|[Oo](?=\d)/g, '0'); continue }
    const when = readDate(line)
    if (when !== undefined && date === undefined && !AMOUNT_AT_END.test(line)) { date = when; continue }
    const match = AMOUNT_AT_END.exec(line)
    if (match === null) {
      if (store === undefined && /[A-Za-z]{3}/.test(line) && !STREET.test(line)) store = line.replace(/[^\w&'. -]/g, '').replace(/(?<=[A-Za-z])0|0(?=[A-Za-z]{2})/g, 'O').trim()
      else if (address === undefined && STREET.test(line)) address = line
      continue
    }
    symbols += match[1] ?? ''
    const amount = readAmount(match[1] ?? '', match[2] ?? '')
    if (amount === undefined) continue
    const label = line.slice(0, match.index).replace(/[:.\s]+$/, '').trim()
    const kind = kindOf(label)
    if (kind === 'item') {
      if (found.total === undefined && found.subtotal === undefined && /[A-Za-z]/.test(label)) items.push({ name: cleanName(label), amount })
    } else if (kind !== 'payment' && found[kind] === undefined) {
      found[kind] = amount
    }
  }
  if (items.length === 0 && found.total === undefined) return undefined

  // Totals first: subtotal + tax = total picks their readings, then the items must sum to the subtotal.
  const heads = [found.subtotal, found.tax, found.total]
  let [subtotal, tax, total] = heads.map((a) => a?.value)
  if (found.subtotal !== undefined && found.tax !== undefined && found.total !== undefined) {
    const totalReadings = found.total.alt === undefined ? [found.total.value] : [found.total.value, found.total.alt]
    for (const t of totalReadings) {
      const fit = reconcile([found.subtotal, found.tax], t)
      if (Math.abs((fit[0] ?? 0) + (fit[1] ?? 0) - t) < 0.005) { [subtotal, tax] = fit; total = t; break }
    }
  }
  const prices = reconcile(items.map((i) => i.amount), subtotal ?? (tax === undefined ? total : undefined))
  const round = (n: number): number => Math.round(n * 100) / 100
  const receipt: Receipt = {
    store: store ?? 'Unknown store',
    items: items.map((item, i) => ({ name: item.name, price: round(prices[i] ?? item.amount.value) })),
    currency: symbols.includes('€') ? 'EUR' : symbols.includes('£') ? 'GBP' : 'USD',
  }
  if (address !== undefined) receipt.address = address
  if (date !== undefined) {
    receipt.date = date.date
    if (date.isoDate !== undefined) receipt.isoDate = date.isoDate
  }
  if (receiptNumber !== undefined) receipt.receiptNumber = receiptNumber
  if (subtotal !== undefined) receipt.subtotal = round(subtotal)
  if (tax !== undefined) receipt.tax = round(tax)
  if (total !== undefined) receipt.total = round(total)
  else if (subtotal !== undefined) receipt.total = round(subtotal + (tax ?? 0))
  return receipt
}

/** What kind of document some text is, how sure, and the cues that decided it. */
export interface Classification {
  type: 'receipt' | 'invoice' | 'bank statement' | 'letter' | 'form' | 'unknown'
  confidence: number
  reasons: string[]
}

type DocType = Exclude<Classification['type'], 'unknown'>

const CUES: Record<DocType, [RegExp, string][]> = {
  receipt: [[/\bsub-?\s?total\b/i, 'has a subtotal'], [/\btotal\b/i, 'has a total'], [/\b(sales )?tax\b/i, 'lists tax'], [/\breceipt\b/i, 'says "receipt"'], [/\b(cash|change|visa|mastercard|card)\b/i, 'shows a payment'], [/thank you/i, 'thanks the customer'], [/(\$|S)\s?\d+\.\d{2}\s*$/m, 'has prices at line ends']],
  invoice: [[/\binvoice\b/i, 'says "invoice"'], [/\bbill(ed)? to\b/i, 'has a bill-to party'], [/\bdue date\b|\bpayment terms\b|\bnet \d+\b/i, 'has payment terms'], [/\bamount due\b|\bbalance due\b/i, 'shows an amount due'], [/\b(qty|quantity|unit price)\b/i, 'has quantity columns']],
  'bank statement': [[/\bstatement\b/i, 'says "statement"'], [/\baccount (number|no)\b/i, 'has an account number'], [/\b(opening|closing|beginning|ending) balance\b/i, 'has opening/closing balances'], [/\b(deposits?|withdrawals?)\b/i, 'lists deposits or withdrawals'], [/\bstatement period\b/i, 'has a statement period']],
  letter: [[/^\s*dear\b/im, 'opens with "Dear"'], [/\b(sincerely|regards|yours (truly|faithfully))\b/i, 'has a sign-off'], [/\bre:/i, 'has a subject line']],
  form: [[/(\[\s?\]|☐|☑)/, 'has check boxes'], [/_{4,}/, 'has blanks to fill in'], [/\bsignature\b/i, 'asks for a signature'], [/\b(date of birth|first name|last name)\b/i, 'asks for personal details'], [/\bplease (complete|fill)/i, 'asks to be filled in']],
}

/** Classifies text by keyword cues; 'unknown' when no type has two cues. */
export function classifyDocument(text: string): Classification {
  let best: { type: DocType; reasons: string[] } | undefined
  let total = 0
  for (const type of Object.keys(CUES) as DocType[]) {
    const reasons = CUES[type].filter(([re]) => re.test(text)).map(([, why]) => why)
    total += reasons.length
    if (best === undefined || reasons.length > best.reasons.length) best = { type, reasons }
  }
  if (best === undefined || best.reasons.length < 2) return { type: 'unknown', confidence: 0, reasons: best?.reasons ?? [] }
  const share = best.reasons.length / total
  const confidence = Math.round(Math.min(1, share * Math.min(1, best.reasons.length / 3)) * 100) / 100
  return { type: best.type, confidence, reasons: best.reasons }
}

const SYMBOL: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' }

/** A price in the receipt's currency: "$5.99". */
export function formatMoney(value: number, currency: string): string {
  return `${SYMBOL[currency] ?? `${currency} `}${value.toFixed(2)}`
}

function longDate(receipt: Receipt): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(receipt.isoDate ?? '')
  if (iso === null) return receipt.date
  return `${MONTH_NAMES[Number(iso[2]) - 1] ?? ''} ${Number(iso[3])}, ${iso[1]}`
}

/** A Markdown answer about a receipt, in the seed's shape: 'analyze' describes, 'extract' lists the money. */
export function formatReceiptAnswer(receipt: Receipt, mode: 'analyze' | 'extract'): string {
  const money = (n: number): string => formatMoney(n, receipt.currency)
  const head = [`- **Store Name:** ${receipt.store}`]
  if (receipt.address !== undefined) head.push(`- **Address:** ${receipt.address}`)
  if (receipt.receiptNumber !== undefined) head.push(`- **Receipt Number:** ${receipt.receiptNumber}`)
  const date = longDate(receipt)
  if (date !== undefined) head.push(`- **Date:** ${date}`)
  const items = receipt.items.map((item, i) => `${i + 1}. ${item.name} - ${money(item.price)}`)
  const sums: string[] = []
  if (receipt.subtotal !== undefined) sums.push(`- **Subtotal:** ${money(receipt.subtotal)}`)
  if (receipt.tax !== undefined) sums.push(`- **Tax:** ${money(receipt.tax)}`)
  if (receipt.total !== undefined) sums.push(`- **Total:** ${money(receipt.total)}`)
  const intro = mode === 'analyze'
    ? 'Here is the key information extracted from the receipt:'
    : 'Here is the financial data extracted from the receipt:'
  const out = [intro, '', ...head, '', '**Items Purchased:**', ...(items.length > 0 ? items : ['(no line items could be read)']), '', '**Financial Summary:**', ...sums]
  if (mode === 'extract' && receipt.subtotal !== undefined && receipt.items.length > 0) {
    const sum = receipt.items.reduce((a, item) => a + item.price, 0)
    const ok = Math.abs(sum - receipt.subtotal) < 0.005
    out.push('', ok ? `The ${receipt.items.length} line items add up to the subtotal (${money(sum)}).` : `Note: the line items add up to ${money(sum)}, not the subtotal of ${money(receipt.subtotal)}; some text may have been misread.`)
  }
  return out.join('\n')
}
