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
  /** Run was pressed while files were still being read: it starts when they are. */
  runWaiting: boolean
}

export const attachmentsStore = createStore<AttachmentsState>(() => ({ items: [], pending: [], runWaiting: false }))

// The files behind the attachments, kept to read a PDF again with another page range.
const sources = new Map<string, File>()
// Reads in flight, so Run can wait for a file picked or dropped a moment before it.
const reads = new Set<Promise<Attachment[]>>()
// Failed attachments the user was told about before a run: the next Run goes on without them.
const told = new Set<string>()

/** Read files into attachments; a bad file gets its message and the others go on. */
export function addFiles(files: readonly File[]): Promise<Attachment[]> {
  return track(files.map((f) => f.name), async () => {
    const keepOriginal = settingsStore.getState().keepOriginalImages
    // Media code (and pdfjs, behind it) loads with the first file, not with the page.
    const { ingestFile } = await import('../media/ingest.ts')
    return Promise.all(files.map(async (file) => {
      const attachment = await ingestFile(file, { keepOriginal }).catch((error: unknown) => unreadable(file, error))
      sources.set(attachment.id, file)
      attachmentsStore.setState((s) => ({ items: [...s.items, attachment], pending: removeOnce(s.pending, file.name) }))
      return attachment
    }))
  })
}

/**
 * Mark names as being read until `read` settles: they show in the panel at once, and Run waits
 * for them (whenRead). A name whose read never added an item is unmarked when it settles.
 */
function track(names: readonly string[], read: () => Promise<Attachment[]>): Promise<Attachment[]> {
  attachmentsStore.setState((s) => ({ pending: [...s.pending, ...names] }))
  // Out of the set before anyone awaiting it resumes, so whenRead never counts a read twice.
  const promise: Promise<Attachment[]> = read().finally(() => reads.delete(promise))
  reads.add(promise)
  void promise.catch(() => {
    attachmentsStore.setState((s) => ({ pending: names.reduce(removeOnce, s.pending) }))
  })
  return promise
}

/** The attachment of a file the media code threw on: named, with the reason, never dropped. */
function unreadable(file: File, error: unknown): Attachment {
  const reason = error instanceof Error ? error.message : String(error)
  return {
    id: crypto.randomUUID(), name: file.name, mediaType: file.type || 'application/octet-stream', size: file.size,
    kind: file.type === 'application/pdf' || /\.pdf$/i.test(file.name) ? 'pdf' : 'image',
    status: 'error', error: `This file could not be read: ${reason}`, hash: '', thumbnail: '', sentBytes: 0,
  }
}

/** Wait for every read in flight, also ones that start meanwhile; the attachments they made. */
export async function whenRead(signal?: AbortSignal): Promise<Attachment[]> {
  const made: Attachment[] = []
  while (reads.size > 0 && !signal?.aborted) {
    const batch = Promise.allSettled([...reads])
    const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }))
    const settled = await Promise.race([batch, aborted])
    if (!settled) break
    for (const result of settled) if (result.status === 'fulfilled') made.push(...result.value)
  }
  return made
}

/** Whether files are still being read (a run will wait for them). */
export function attachmentsReading(): boolean {
  return reads.size > 0
}

/**
 * Before a run: wait for files still being read (the Run button says so meanwhile). Resolves
 * false, with a message naming them, when any of them failed, or when every attached file failed
 * and the user has not been told yet: the run then waits for the user (press Run again to send
 * without them, or remove them); false also when Stop was pressed.
 */
export async function attachmentsReadyToRun(signal: AbortSignal, notify: (title: string, detail: string) => void): Promise<boolean> {
  let made: Attachment[] = []
  if (reads.size > 0) {
    attachmentsStore.setState({ runWaiting: true })
    try {
      made = await whenRead(signal)
    } finally {
      attachmentsStore.setState({ runWaiting: false })
    }
    if (signal.aborted) return false
  }
  const items = attachmentsStore.getState().items
  const justFailed = made.filter((a) => a.status === 'error')
  // Files that failed a while ago count when nothing else goes with the message: a run with
  // only failed files would otherwise go ahead without any of them, silently.
  const allFailed = items.length > 0 && items.every((a) => a.status === 'error') && items.some((a) => !told.has(a.id))
  if (justFailed.length === 0 && !allFailed) return true
  const failed = justFailed.length > 0 ? justFailed : items
  for (const a of failed) told.add(a.id)
  const one = failed.length === 1
  notify(
    `${failed.map((a) => a.name).join(', ')} could not be read, so the run did not start`,
    `${failed.map((a) => `${a.name}: ${a.error ?? 'unreadable'}`).join(' ')} Remove ${one ? 'it' : 'them'}, or press Run again to send the message without ${one ? 'it' : 'them'}.`,
  )
  return false
}

function removeOnce(list: string[], name: string): string[] {
  const i = list.indexOf(name)
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)]
}

/** The file an attachment was read from (its hash is of these bytes), while it is attached. */
export function sourceOf(id: string): File | undefined {
  return sources.get(id)
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

/** Fetch a sample file from the app's own origin and attach it (Run waits for it, too). */
export async function addSample(path: string): Promise<void> {
  const name = path.split('/').pop() ?? 'sample'
  // Pending from the first moment, so a Run pressed during the fetch waits for the file.
  await track([name], async () => {
    const response = await fetch(new URL(path, document.baseURI))
    if (!response.ok) throw new Error(`Could not load the sample ${path} (HTTP ${response.status}).`)
    const blob = await response.blob()
    attachmentsStore.setState((s) => ({ pending: removeOnce(s.pending, name) }))
    return addFiles([new File([blob], name, { type: blob.type })])
  })
}
