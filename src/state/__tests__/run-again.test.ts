import { describe, expect, it } from 'vitest'
import { sha256Hex } from '../../media/hash.ts'
import type { AttachmentRef } from '../../runs/types.ts'
import { findFiles, missingFilesText } from '../run-again.ts'

const receipt = new TextEncoder().encode('ACME receipt total $42.00')
const other = new TextEncoder().encode('another file')

async function refOf(bytes: Uint8Array, name: string, extra: Partial<AttachmentRef> = {}): Promise<AttachmentRef> {
  return { name, mediaType: 'image/png', size: bytes.length, hash: await sha256Hex(bytes), ...extra }
}

const dataUrl = (bytes: Uint8Array): string => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`

describe('findFiles', () => {
  it('brings back a file inline in the link when its bytes are the file', async () => {
    const ref = await refOf(receipt, 'receipt.png', { thumbnail: dataUrl(receipt) })
    const { found, missing } = await findFiles([ref], async () => undefined)
    expect(missing).toEqual([])
    expect(found.map((f) => [f.name, f.type])).toEqual([['receipt.png', 'image/png']])
    expect(new Uint8Array(await found[0]!.arrayBuffer())).toEqual(receipt)
  })

  it('does not take a thumbnail (other bytes) for the file', async () => {
    const ref = await refOf(receipt, 'receipt.png', { thumbnail: dataUrl(other) })
    const { found, missing } = await findFiles([ref], async () => undefined)
    expect(found).toEqual([])
    expect(missing).toEqual([ref])
  })

  it('brings back a file kept by this browser, checked against its hash', async () => {
    const ref = await refOf(receipt, 'receipt.png')
    const byHash = new Map([[ref.hash, new Blob([receipt])]])
    expect((await findFiles([ref], async (hash) => byHash.get(hash))).missing).toEqual([])
    // A store that answers with other bytes under that hash is not trusted.
    expect((await findFiles([ref], async () => new Blob([other]))).missing).toEqual([ref])
    // A store that fails is the same as one without the file.
    expect((await findFiles([ref], () => Promise.reject(new Error('IndexedDB is gone')))).missing).toEqual([ref])
  })

  it('reports a file that travelled by reference as missing, and names it with its size', async () => {
    const refs = [await refOf(receipt, 'receipt.png'), { name: 'scan.pdf', mediaType: 'application/pdf', size: 2_400_000, hash: '' }]
    const { found, missing } = await findFiles(refs, async () => undefined)
    expect(found).toEqual([])
    expect(missing.map((r) => r.name)).toEqual(['receipt.png', 'scan.pdf'])
    const text = missingFilesText(missing)
    expect(text).toContain('receipt.png (25 B), scan.pdf (2.3 MB)')
    expect(text).toContain('no speedup')
  })
})
