// Answers about attached images and PDFs: OCR (injected; the state layer wires in tesseract) or
// the PDF's text pages, then the receipt reader or the document classifier.
import type { AttachmentPart, ImagePart } from './conversation.ts'
import { classifyDocument, formatMoney, formatReceiptAnswer, parseReceipt, type Receipt } from './receipt.ts'
import { paragraphs } from './text.ts'

/** Reads the text of an image. Injected so the model needs no OCR engine of its own. */
export type Ocr = (part: ImagePart, opts: { signal: AbortSignal }) => Promise<string>

/** The text of one attachment, or why there is none. */
export interface ReadResult {
  name: string
  kind: 'image' | 'PDF'
  text: string | undefined
  /** Why there is no text, when there is none. */
  problem?: string
}

const CLASSIFY = /\b(what (?:type|kind|sort) of (?:document|file|image)|classif|categori[sz]e|document type|which type)/i
const EXTRACT = /\b(financial|extract (?:all )?(?:the )?(?:financial|money)|totals?)\b/i

/** Which kind of answer the prompt and system prompt ask for. */
export function attachmentMode(prompt: string, system: string): 'classify' | 'analyze' | 'extract' {
  if (CLASSIFY.test(prompt)) return 'classify'
  if (/financial data/i.test(system) || EXTRACT.test(prompt)) return 'extract'
  return 'analyze'
}

/** How much of a document's text an answer quotes: enough to recognise it, not a 50-page dump. */
const EXCERPT_CHARS = 1200

function excerpt(text: string): string {
  return text.length <= EXCERPT_CHARS ? text : `${text.slice(0, EXCERPT_CHARS).trimEnd()}\n…`
}

function excerptNote(text: string): string {
  return text.length <= EXCERPT_CHARS ? '' : ` (the first ${EXCERPT_CHARS.toLocaleString('en-US')} of ${text.length.toLocaleString('en-US')} characters)`
}

/** Read every attachment (OCR results are cached per part), then answer the prompt about them. */
export async function answerAttachments(
  parts: readonly AttachmentPart[], prompt: string, system: string, read: (part: AttachmentPart) => Promise<ReadResult>,
): Promise<string> {
  const reads: ReadResult[] = []
  for (const part of parts) reads.push(await read(part))
  const mode = attachmentMode(prompt, system)
  const receipts: { name: string; receipt: Receipt }[] = []
  const sections = reads.map((doc) => {
    if (doc.text === undefined) return doc.problem ?? `I couldn't read ${doc.name}.`
    if (doc.text.trim() === '') return `I couldn't find any text in ${doc.name}.`
    if (mode === 'classify') return classification(doc)
    const receipt = parseReceipt(doc.text)
    if (!receipt) return paragraphs(`I read this text from ${doc.name}, but found no prices or totals in it${excerptNote(doc.text)}:`, fence(excerpt(doc.text)))
    receipts.push({ name: doc.name, receipt })
    return formatReceiptAnswer(receipt, mode)
  })
  if (sections.length === 1) return sections[0]!
  const body = sections.map((section, i) => `### ${i + 1}. ${reads[i]!.name}\n\n${section}`).join('\n\n')
  return paragraphs(`I looked at ${reads.length} attachments, one section each.`, body, comparison(receipts))
}

/** A reader bound to an OCR function (or none) and an abort signal, with a per-part cache. */
export function createAttachmentReader(ocr: Ocr | undefined, cache: WeakMap<object, Promise<string>>, signal: AbortSignal): (part: AttachmentPart) => Promise<ReadResult> {
  return async (part: AttachmentPart): Promise<ReadResult> => {
    if (part.type === 'document') {
      const pages = part.text
      if (!pages) return { name: part.name, kind: 'PDF', text: undefined, problem: `${part.name} has no text layer I can read (a scanned PDF?). Attach its pages as images and I'll read them with OCR.` }
      return { name: part.name, kind: 'PDF', text: pages.join('\n\n') }
    }
    const name = part.name ?? 'the image'
    if (!ocr) return { name, kind: 'image', text: undefined, problem: `I can't read images offline here: no OCR engine is available. Attach a PDF with a text layer, or add a vision model's key (OpenAI or Anthropic) to read ${name}.` }
    let pending = cache.get(part)
    if (!pending) {
      pending = ocr(part, { signal })
      cache.set(part, pending)
      // A failed or aborted read must not stick: the next request tries again.
      pending.catch(() => cache.delete(part))
    }
    try {
      return { name, kind: 'image', text: await pending }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { name, kind: 'image', text: undefined, problem: `I couldn't read ${name}: ${message}` }
    }
  }
}

function classification(doc: ReadResult): string {
  const result = classifyDocument(doc.text ?? '')
  if (result.type === 'unknown') {
    return paragraphs(`I can't tell what kind of document ${doc.name} is: the text has too few clues.`, result.reasons.length ? `Clues I found: ${result.reasons.join('; ')}.` : undefined)
  }
  const article = /^[aeiou]/i.test(result.type) ? 'an' : 'a'
  return paragraphs(
    `${capitalize(doc.name)} looks like ${article} **${result.type}** (confidence ${Math.round(result.confidence * 100)}%).`,
    `Why:\n\n${result.reasons.map((reason) => `- It ${reason}.`).join('\n')}`,
  )
}

function comparison(receipts: readonly { name: string; receipt: Receipt }[]): string {
  const withTotal = receipts.filter((r) => r.receipt.total !== undefined)
  if (withTotal.length < 2) return ''
  const rows = withTotal.map((r) => `| ${r.name} | ${r.receipt.store} | ${r.receipt.date ?? ''} | ${formatMoney(r.receipt.total!, r.receipt.currency)} |`)
  const top = [...withTotal].sort((a, b) => b.receipt.total! - a.receipt.total!)[0]!
  const currencies = new Set(withTotal.map((r) => r.receipt.currency))
  const sum = currencies.size === 1
    ? ` Together they come to ${formatMoney(withTotal.reduce((a, r) => a + r.receipt.total!, 0), withTotal[0]!.receipt.currency)}.`
    : ''
  return paragraphs('### Comparison', ['| File | Store | Date | Total |', '| --- | --- | --- | --- |', ...rows].join('\n'), `The largest total is ${top.receipt.store} (${formatMoney(top.receipt.total!, top.receipt.currency)}).${sum}`)
}

function fence(text: string): string {
  return `\`\`\`text\n${text.replace(/```/g, "'''").trim()}\n\`\`\``
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
