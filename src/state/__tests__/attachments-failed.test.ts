import { beforeEach, describe, expect, it } from 'vitest'
import { addFiles, attachmentsReadyToRun, attachmentsStore, clearAttachments } from '../attachments.ts'

/** Bytes no image decoder can read: the real ingest code fails on them. */
const garbage = (name: string): File => new File([new Uint8Array([1, 2, 3, 4])], name, { type: 'image/png' })

function notices(): { list: string[]; notify: (title: string, detail: string) => void } {
  const list: string[] = []
  return { list, notify: (title, detail) => list.push(`${title} — ${detail}`) }
}

const signal = new AbortController().signal

describe('a run whose attachments all failed to read', () => {
  beforeEach(() => clearAttachments())

  it('asks before going on when the files failed before Run was pressed, and goes on when asked again', async () => {
    await addFiles([garbage('one.png'), garbage('two.png')])
    expect(attachmentsStore.getState().items.map((a) => a.status)).toEqual(['error', 'error'])
    const told = notices()
    expect(await attachmentsReadyToRun(signal, told.notify)).toBe(false)
    expect(told.list).toHaveLength(1)
    expect(told.list[0]).toContain('one.png, two.png could not be read, so the run did not start')
    expect(told.list[0]).toContain('press Run again to send the message without them')
    // The user's say: Run again goes on without them, with no second question.
    expect(await attachmentsReadyToRun(signal, told.notify)).toBe(true)
    expect(told.list).toHaveLength(1)
  })

  it('asks when a file read while Run waited failed', async () => {
    const reading = addFiles([garbage('late.png')])
    const told = notices()
    expect(await attachmentsReadyToRun(signal, told.notify)).toBe(false)
    await reading
    expect(told.list[0]).toContain('late.png could not be read')
  })

  it('asks again about a new failed file after going on without an earlier one', async () => {
    await addFiles([garbage('first.png')])
    const told = notices()
    await attachmentsReadyToRun(signal, told.notify)
    expect(await attachmentsReadyToRun(signal, told.notify)).toBe(true)
    clearAttachments()
    await addFiles([garbage('second.png')])
    expect(await attachmentsReadyToRun(signal, told.notify)).toBe(false)
    expect(told.list.at(-1)).toContain('second.png')
  })

  it('runs without a question when there are no attachments', async () => {
    const told = notices()
    expect(await attachmentsReadyToRun(signal, told.notify)).toBe(true)
    expect(told.list).toEqual([])
  })
})
