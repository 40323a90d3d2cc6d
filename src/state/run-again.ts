// "Run again" on a shared run brings back the files the run read, or asks for them: a run
// without its files is a different task, and must never pass for the same one.
import { createStore } from 'zustand/vanilla'
import { sha256Hex } from '../media/hash.ts'
import type { AttachmentRef, RunRecord } from '../runs/types.ts'

/** Where a file's bytes may be found: the history's store by content hash. */
export type BytesByHash = (hash: string) => Promise<Blob | undefined>

/** The files of a run: the ones found (checked against their hash) and the ones missing. */
export interface FoundFiles {
  found: File[]
  missing: AttachmentRef[]
}

/**
 * Find each attachment's bytes: inline in the link (a data: URL whose bytes hash to the ref's
 * hash, so a thumbnail never stands in for the file), else in this browser's history by hash.
 * A ref without a hash can't be checked, so it is missing.
 */
export async function findFiles(refs: readonly AttachmentRef[], stored: BytesByHash): Promise<FoundFiles> {
  const found: File[] = []
  const missing: AttachmentRef[] = []
  for (const ref of refs) {
    const blob = ref.hash ? ((await inline(ref)) ?? (await matching(await stored(ref.hash).catch(() => undefined), ref.hash))) : undefined
    if (blob) found.push(new File([blob], ref.name, { type: ref.mediaType }))
    else missing.push(ref)
  }
  return { found, missing }
}

async function inline(ref: AttachmentRef): Promise<Blob | undefined> {
  if (!ref.thumbnail?.startsWith('data:')) return undefined
  const blob = await fetch(ref.thumbnail).then((r) => r.blob(), () => undefined)
  return matching(blob, ref.hash)
}

async function matching(blob: Blob | undefined, hash: string): Promise<Blob | undefined> {
  if (!blob) return undefined
  return (await sha256Hex(new Uint8Array(await blob.arrayBuffer()))) === hash ? blob : undefined
}

/** A Run again that waits for the user: the files that are not in the link. */
export interface AgainRequest {
  record: RunRecord
  missing: AttachmentRef[]
  /** Files found, to attach with the ones the user picks. */
  found: File[]
}

export const runAgainStore = createStore<{ asking: AgainRequest | undefined }>(() => ({ asking: undefined }))

/** Ask for the missing files (the replay bar shows the question), or stop asking. */
export function askForFiles(request: AgainRequest | undefined): void {
  runAgainStore.setState({ asking: request })
}

/** Words for the question: the files by name and size. */
export function missingFilesText(missing: readonly AttachmentRef[]): string {
  const names = missing.map((ref) => `${ref.name} (${formatSize(ref.size)})`).join(', ')
  const one = missing.length === 1
  return `This run read ${names}, which ${one ? 'is' : 'are'} not in the link. Pick ${one ? 'it' : 'them'} to run the same task, or run without ${one ? 'it' : 'them'}: that is a different task, so no speedup is shown.`
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
