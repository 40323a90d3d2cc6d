// Fallback renderings shared by the adapters, for content a provider cannot take natively.
import { parseJsonOrRaw, type ContentPart } from '../core/index.ts'

type DocumentPart = Extract<ContentPart, { type: 'document' }>
type ImagePart = Extract<ContentPart, { type: 'image' }>

/** A PDF as text: its extracted pages, or a note that there is no text to send. */
export function documentAsText(part: DocumentPart): string {
  const pages = part.text ?? []
  if (!pages.some((page) => page.trim() !== '')) {
    return `[Document "${part.name}" is attached, but this provider cannot read PDF files and no text could be extracted from it.]`
  }
  const body = pages.map((page, i) => `--- Page ${i + 1} ---\n${page}`).join('\n')
  return `[Document "${part.name}", ${pages.length} page${pages.length === 1 ? '' : 's'}, as extracted text]\n${body}`
}

/** A note that stands in for an image the provider does not accept. */
export function imageOmittedNote(part: ImagePart, why: string): string {
  return `[Image${part.name ? ` "${part.name}"` : ''} (${part.mediaType}) not sent: ${why}]`
}

/** Tool-call arguments as the JSON string the wire wants (raw strings pass through). */
export function argsToJson(args: unknown): string {
  if (typeof args === 'string') return args
  try {
    return JSON.stringify(args ?? {})
  } catch {
    return '{}'
  }
}

/** Accumulated argument text as core wants it: parsed JSON, or the raw string when it is not JSON. */
export const parseArgsText: (text: string) => unknown = parseJsonOrRaw
