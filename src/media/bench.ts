// A hook for the benchmark: how long a PDF takes to become text and thumbnails in this browser.
import { ingestFile } from './ingest.ts'

/** Ingests a PDF from bytes and reports the wall time and the pages read. Throws if it fails. */
export async function benchPdfIngest(bytes: Uint8Array): Promise<{ ms: number; pages: number }> {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], 'bench.pdf', { type: 'application/pdf' })
  const start = performance.now()
  const attachment = await ingestFile(file)
  const ms = performance.now() - start
  if (attachment.status !== 'ready') throw new Error(attachment.error ?? 'PDF ingest failed')
  return { ms: Math.round(ms), pages: attachment.pageText?.length ?? 0 }
}
