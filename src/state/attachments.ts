import { createStore } from 'zustand/vanilla'
import type { ContentPart } from '../core/index.ts'
import type { Attachment } from '../media/index.ts'

export type { Attachment }
import { capabilitiesOf } from '../providers/capabilities.ts'
import { settingsStore } from './settings.ts'

export interface AttachmentsState {
  items: Attachment[]
  /** Files being read right now (name list, for the spinner). */
  pending: string[]
}

export const attachmentsStore = createStore<AttachmentsState>(() => ({ items: [], pending: [] }))

// The files behind the attachments, kept to read a PDF again with another page range.
const sources = new Map<string, File>()

/** Read files into attachments; a bad file gets its message and the others go on. */
export async function addFiles(files: readonly File[]): Promise<void> {
  const names = files.map((f) => f.name)
  attachmentsStore.setState((s) => ({ pending: [...s.pending, ...names] }))
  const keepOriginal = settingsStore.getState().keepOriginalImages
  // Media code (and pdfjs, behind it) loads with the first file, not with the page.
  const { ingestFile } = await import('../media/ingest.ts')
  await Promise.all(
    files.map(async (file) => {
      const attachment = await ingestFile(file, { keepOriginal })
      sources.set(attachment.id, file)
      attachmentsStore.setState((s) => ({
        items: [...s.items, attachment],
        pending: removeOnce(s.pending, file.name),
      }))
    }),
  )
}

function removeOnce(list: string[], name: string): string[] {
  const i = list.indexOf(name)
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)]
}

export function removeAttachment(id: string): void {
  sources.delete(id)
  attachmentsStore.setState((s) => ({ items: s.items.filter((a) => a.id !== id) }))
}

export function clearAttachments(): void {
  sources.clear()
  attachmentsStore.setState({ items: [] })
}

/** Read a PDF again for the pages first..last (1-based, inclusive), in place in the list. */
export async function setPageRange(id: string, first: number, last: number): Promise<void> {
  const file = sources.get(id)
  if (!file) return
  const { ingestFile } = await import('../media/ingest.ts')
  const attachment = await ingestFile(file, { keepOriginal: settingsStore.getState().keepOriginalImages, pageRange: { first, last } })
  sources.delete(id)
  sources.set(attachment.id, file)
  attachmentsStore.setState((s) => ({ items: s.items.map((a) => (a.id === id ? attachment : a)) }))
}

/** The content parts to send for ready attachments, as the provider can take them. */
export async function partsToSend(items: readonly Attachment[], providerId: string): Promise<ContentPart[]> {
  if (!items.length) return []
  const { providerPartsFor, withPageImages } = await import('../media/parts.ts')
  const caps = capabilitiesOf(providerId)
  const pdf = caps.pdf === 'native' ? 'native' : 'pages'
  const parts: ContentPart[] = []
  for (const item of items) {
    if (item.status !== 'ready') continue
    if (item.kind === 'image' && !caps.images) continue
    // Without native PDF input a PDF goes as page images plus its text: render the pages now.
    const ready = item.kind === 'pdf' && pdf === 'pages' && caps.images && !item.pageImages ? await withPageImages(item) : item
    parts.push(...providerPartsFor(ready, { pdf }))
  }
  return parts
}

/** Fetch a sample file from the app's own origin and attach it. */
export async function addSample(path: string): Promise<void> {
  const response = await fetch(new URL(path, document.baseURI))
  if (!response.ok) throw new Error(`Could not load the sample ${path} (HTTP ${response.status}).`)
  const blob = await response.blob()
  const name = path.split('/').pop() ?? 'sample'
  await addFiles([new File([blob], name, { type: blob.type })])
}
