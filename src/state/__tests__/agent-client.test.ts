// The page's side of the agent worker, against a fake Worker: what it sends, and how it ends
// runs when the worker is slow to stop, dies, or never loads. (Node has no Worker; Playwright
// covers the real one.)
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import type { AgentJob } from '../agent-job.ts'
import { EventPacker, unpackEvents, type PackedEvents } from '../../runs/packed-events.ts'
import type { FromWorker, ToWorker } from '../agent-protocol.ts'
import { defaultSettings } from '../settings.ts'

const ocr = vi.hoisted(() => ({ pending: [] as ((text: string) => void)[] }))
vi.mock('../ocr.ts', () => ({ ocrForLocalModel: () => new Promise<string>((resolve) => ocr.pending.push(resolve)) }))

class FakeWorker {
  static made: FakeWorker[] = []
  sent: ToWorker[] = []
  terminated = false
  onmessage: ((event: { data: FromWorker }) => void) | null = null
  onmessageerror: (() => void) | null = null
  onerror: ((event: { message: string; preventDefault: () => void }) => void) | null = null
  constructor() { FakeWorker.made.push(this) }
  postMessage(message: ToWorker): void { this.sent.push(message) }
  terminate(): void { this.terminated = true }
  reply(message: FromWorker): void { this.onmessage?.({ data: message }) }
  fail(message = 'boom'): void { this.onerror?.({ message, preventDefault: () => undefined }) }
  /** Its module loaded, then job `id`'s model. */
  load(id = 1): void {
    this.reply({ type: 'up' })
    this.reply({ type: 'ready', id })
  }
  events(id: number, events: AgentEvent[]): void {
    const packer = new EventPacker()
    for (const event of events) packer.push(event)
    this.reply({ type: 'events', id, packed: packer.take() })
  }
}

const job: AgentJob = { settings: { ...defaultSettings, toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.01 } }, executor: 'concurrent', parts: [{ type: 'text', text: 'Stream a long answer of 20 tokens' }], keys: {} }
const runEnd: AgentEvent = { type: 'run-end', t: 5, result: { text: '', turns: 1, durationMs: 5, stopReason: 'done', toolCalls: [], usage: { inputTokens: 0, outputTokens: 0 } } }
const toolStart: AgentEvent = { type: 'tool-start', t: 1, turn: 1, callId: 'c1', name: 'frozen_loop', args: {} }

async function client(): Promise<typeof import('../agent-client.ts')> {
  vi.resetModules()
  return import('../agent-client.ts')
}

async function drain(batches: AsyncIterable<PackedEvents>): Promise<{ events: AgentEvent[]; error?: unknown }> {
  const events: AgentEvent[] = []
  try {
    for await (const batch of batches) events.push(...unpackEvents(batch))
    return { events }
  } catch (error) {
    return { events, error }
  }
}

describe('agent client, with a worker', () => {
  beforeEach(() => {
    FakeWorker.made = []
    ocr.pending = []
    vi.stubGlobal('Worker', FakeWorker)
    vi.stubGlobal('document', {})
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('honours a Stop that came before the job, and lets a run that obeys it end on its own', async () => {
    const { startJob } = await client()
    const controller = new AbortController()
    controller.abort()
    const handle = startJob(job, controller.signal)
    const worker = FakeWorker.made[0]!
    expect(worker.sent.map((m) => m.type)).toEqual(['start', 'abort'])
    worker.load()
    worker.events(1, [runEnd])
    worker.reply({ type: 'end', id: 1 })
    await vi.advanceTimersByTimeAsync(10_000)
    expect(worker.terminated).toBe(false)
    expect((await drain(handle.batches)).events).toEqual([runEnd])
  })

  it('shuts down a worker whose run ignores Stop for 3 s, and ends the run as stopped', async () => {
    const { startJob, AgentWorkerError } = await client()
    const controller = new AbortController()
    const handle = startJob(job, controller.signal)
    const worker = FakeWorker.made[0]!
    worker.load()
    worker.events(1, [toolStart])
    controller.abort()
    await vi.advanceTimersByTimeAsync(2_900)
    expect(worker.terminated).toBe(false)
    await vi.advanceTimersByTimeAsync(200)
    expect(worker.terminated).toBe(true)
    const { events, error } = await drain(handle.batches)
    expect(events).toEqual([toolStart]) // what came before is kept
    expect(error).toBeInstanceOf(AgentWorkerError)
    expect(error instanceof AgentWorkerError && error.stopped).toBe(true)
  })

  it('does not shut down a run whose run-end has come, even if its end message is late', async () => {
    const { startJob } = await client()
    const controller = new AbortController()
    startJob(job, controller.signal)
    const worker = FakeWorker.made[0]!
    worker.load()
    controller.abort()
    worker.events(1, [runEnd])
    await vi.advanceTimersByTimeAsync(10_000)
    expect(worker.terminated).toBe(false)
  })

  it('ends the reader at the run-end, and still gives the conversation that comes after; cancelling then stops nothing', async () => {
    const { startJob } = await client()
    const handle = startJob(job, new AbortController().signal)
    const worker = FakeWorker.made[0]!
    worker.load()
    const delta: AgentEvent = { type: 'text-delta', t: 1, turn: 1, text: 'hi' }
    worker.events(1, [delta])
    worker.events(1, [runEnd])
    // The reader is done with the run-end batch: the worker is still copying the conversation.
    const read = await drain(handle.batches)
    expect(read.events).toEqual([delta, runEnd])
    expect(read.error).toBeUndefined()
    handle.cancel() // what the page does after reading: it must not abort the job's goodbye
    expect(worker.sent.some((message) => message.type === 'abort')).toBe(false)
    const messages = [{ role: 'assistant' as const, content: [{ type: 'text' as const, text: 'hi' }] }]
    worker.reply({ type: 'end', id: 1, messages })
    await expect(handle.messages).resolves.toEqual(messages)
  })

  it('waits for a model still loading after Stop instead of shutting it down', async () => {
    const { startJob } = await client()
    const controller = new AbortController()
    startJob(job, controller.signal)
    const worker = FakeWorker.made[0]!
    worker.reply({ type: 'up' })
    controller.abort()
    await vi.advanceTimersByTimeAsync(7_000)
    expect(worker.terminated).toBe(false)
  })

  it('ends the run as an error when a loaded worker dies', async () => {
    const { startJob, AgentWorkerError } = await client()
    const handle = startJob(job, new AbortController().signal)
    const worker = FakeWorker.made[0]!
    worker.load()
    worker.fail('out of memory')
    const { error } = await drain(handle.batches)
    expect(error).toBeInstanceOf(AgentWorkerError)
    expect(error instanceof AgentWorkerError && [error.stopped, error.message]).toEqual([false, expect.stringContaining('out of memory')])
  })

  it('answers OCR to the worker that asked, never to its successor', async () => {
    const { startJob } = await client()
    const controller = new AbortController()
    startJob(job, controller.signal)
    const first = FakeWorker.made[0]!
    first.load()
    first.reply({ type: 'ocr', request: 1, part: { type: 'image', mediaType: 'image/png', data: '' } })
    controller.abort()
    await vi.advanceTimersByTimeAsync(3_100) // shut down while its OCR runs
    startJob(job, new AbortController().signal)
    const second = FakeWorker.made[1]!
    ocr.pending[0]!('TOTAL $8.37')
    await vi.advanceTimersByTimeAsync(0)
    expect(second.sent.some((m) => m.type === 'ocr-result')).toBe(false)
    expect(first.sent.some((m) => m.type === 'ocr-result')).toBe(false)
  })

  it('runs the job on the page when the worker never loads', async () => {
    vi.useRealTimers()
    const { startJob } = await client()
    const handle = startJob(job, new AbortController().signal)
    FakeWorker.made[0]!.fail('blocked by policy')
    await handle.ready
    const { events, error } = await drain(handle.batches)
    expect(error).toBeUndefined()
    expect(events.at(-1)?.type).toBe('run-end')
    expect(events.filter((e) => e.type === 'text-delta')).toHaveLength(20)
  })
})
