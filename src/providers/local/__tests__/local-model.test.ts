import { z } from 'zod'
import { describe, expect, it } from 'vitest'
import { Agent, defineTool, type ContentPart, type ModelEvent } from '../../../core/index.ts'
import { createLocalModel } from '../index.ts'
import { ACME_TEXT, collect, deltas, virtualClock } from './helpers.ts'

const image = (name: string): ContentPart => ({ type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=', name })

describe('pacing', () => {
  it('waits the time to first token, then one token every 1/rate seconds', async () => {
    const clock = virtualClock()
    const model = createLocalModel({ ttftMs: 500, tokensPerSecond: 10, sleep: clock.sleep, now: clock.now })
    const { events } = await collect(new Agent({ model, now: clock.now }).stream('What can you do?'))
    const times = events.flatMap((e) => (e.type === 'text-delta' ? [e.t] : []))
    expect(times.length).toBeGreaterThan(20)
    expect(times[0]).toBe(500)
    times.forEach((t, i) => expect(t).toBeCloseTo(500 + i * 100, 6))
  })

  it('catches up after a late timer instead of drifting', async () => {
    let time = 0
    // Every sleep overshoots by 30 ms, like a busy browser tab.
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 100, now: () => time, sleep: async (ms) => { await new Promise((resolve) => setTimeout(resolve, 0)); time += ms + 30 } })
    const { events } = await collect(new Agent({ model, now: () => time }).stream('Write 200 tokens'))
    const times = events.flatMap((e) => (e.type === 'text-delta' ? [e.t] : []))
    expect(times).toHaveLength(200)
    // 200 tokens at 100/s is 2 s of schedule; overshoot adds at most one timer's lateness.
    expect(times[times.length - 1]!).toBeLessThanOrEqual(1990 + 30 + 30)
  })

  it('never waits when the rate is unlimited and ttft is 0', async () => {
    const clock = virtualClock()
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0, sleep: clock.sleep, now: clock.now })
    const { events, result } = await collect(new Agent({ model }).stream('Stream a long answer of 500 tokens'))
    expect(deltas(events)).toHaveLength(500)
    expect(clock.sleeps).toEqual([])
    expect(result.usage.outputTokens).toBe(500)
  })

  it('streams 100,000 tokens through agent.stream without waits', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: Infinity })
    const agent = new Agent({ model })
    const started = performance.now()
    let count = 0
    let chars = 0
    for await (const event of agent.stream('Write 100000 tokens')) {
      if (event.type === 'text-delta') { count++; chars += event.text.length }
      if (event.type === 'run-end') expect(event.result.usage.outputTokens).toBe(100_000)
    }
    const seconds = (performance.now() - started) / 1000
    expect(count).toBe(100_000)
    expect(chars).toBeGreaterThan(500_000)
    console.log(`local model: 100,000 deltas through agent.stream in ${seconds.toFixed(3)} s = ${Math.round(count / seconds).toLocaleString('en-US')} deltas/s`)
  })
})

describe('abort', () => {
  it('stops mid-stream and keeps the partial text', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 500 })
    const controller = new AbortController()
    const agent = new Agent({ model })
    const seen: string[] = []
    const started = performance.now()
    let result
    for await (const event of agent.stream('Stream a long answer of 100000 tokens', { signal: controller.signal })) {
      if (event.type === 'text-delta') {
        seen.push(event.text)
        if (seen.length === 20) controller.abort()
      }
      if (event.type === 'run-end') result = event.result
    }
    expect(result?.stopReason).toBe('aborted')
    expect(result?.text).toBe(seen.join(''))
    expect(seen.length).toBeGreaterThanOrEqual(20)
    expect(seen.length).toBeLessThan(30)
    expect(performance.now() - started).toBeLessThan(2_000)
  })

  it('ends its own stream when the signal aborts during the time to first token', async () => {
    const model = createLocalModel({ ttftMs: 60_000 })
    const controller = new AbortController()
    const events: ModelEvent[] = []
    setTimeout(() => controller.abort(), 5)
    for await (const event of model.stream({ messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }], tools: [] }, { signal: controller.signal })) events.push(event)
    expect(events).toEqual([])
  })
})

describe('plain answers', () => {
  const echo = defineTool({ name: 'echo_tool', description: 'Repeat the input back.', input: z.object({ text: z.string() }), run: ({ text }) => text })

  it('says what it can do and lists the offered tools for an unknown prompt', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0 })
    const { result } = await collect(new Agent({ model, tools: [echo] }).stream('Tell me a story about dragons'))
    expect(result.stopReason).toBe('done')
    expect(result.toolCalls).toEqual([])
    expect(result.text).toContain('offline demo model')
    expect(result.text).toContain('`echo_tool`: Repeat the input back.')
    expect(result.text).toContain('Process 30 records')
  })

  it('says so when the tools a prompt needs are switched off', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0 })
    const { result } = await collect(new Agent({ model, tools: [echo] }).stream("What's the weather in Seattle?"))
    expect(result.toolCalls).toEqual([])
    expect(result.text).toContain('`get_weather`')
    expect(result.text).toContain('switched off')
  })

  it('reports usage: pieces out, a chars/4 estimate in', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0 })
    const { events, result } = await collect(new Agent({ model, system: 'x'.repeat(400) }).stream('Write 42 tokens'))
    expect(result.usage.outputTokens).toBe(42)
    expect(result.usage.inputTokens).toBeGreaterThanOrEqual(100)
    expect(deltas(events).join('').split(/\s+/)).toHaveLength(42)
  })
})

describe('attachments', () => {
  const ocr = async (): Promise<string> => ACME_TEXT

  it('analyzes a receipt image read by the injected OCR (seed analyzer prompt)', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0, ocr })
    const agent = new Agent({ model, system: 'Analyze images and extract all visible text and key information.' })
    const { result } = await collect(agent.stream([{ type: 'text', text: 'Analyze this receipt image and extract key information:' }, image('receipt.png')]))
    expect(result.text).toContain('ACME GROCERY')
    expect(result.text).toContain('2025-001234')
    expect(result.text).toContain('Salmon - $12.99')
    expect(result.text).toContain('**Total:** $38.24')
  })

  it('extracts financial data with the seed extractor system prompt', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0, ocr })
    const agent = new Agent({ model, system: 'Extract financial data: store, date, line items, totals.' })
    const { result } = await collect(agent.stream([{ type: 'text', text: 'Extract all financial data from this receipt:' }, image('receipt.png')]))
    expect(result.text).toContain('financial data')
    expect(result.text).toContain('$38.24')
    expect(result.text).toContain('add up to the subtotal')
  })

  it('reads PDF text pages without OCR, and classifies documents', async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0 })
    const pdf: ContentPart = { type: 'document', mediaType: 'application/pdf', data: '', name: 'receipt.pdf', text: [ACME_TEXT] }
    const { result } = await collect(new Agent({ model }).stream([{ type: 'text', text: 'What type of document is this?' }, pdf]))
    expect(result.text).toContain('**receipt**')
    expect(result.text).toMatch(/confidence \d+%/)
  })

  it('gives one section per image and compares the totals', async () => {
    const texts: Record<string, string> = { 'a.png': ACME_TEXT, 'b.png': 'CORNER CAFE\nLatte $4.50\nMuffin $3.25\nSubtotal: $7.75\nTax: $0.62\nTotal: $8.37' }
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0, ocr: async (part) => texts[part.name ?? ''] ?? '' })
    const { result } = await collect(new Agent({ model }).stream([{ type: 'text', text: 'Compare these receipts' }, image('a.png'), image('b.png')]))
    expect(result.text).toContain('### 1. a.png')
    expect(result.text).toContain('### 2. b.png')
    expect(result.text).toContain('### Comparison')
    expect(result.text).toContain('The largest total is ACME GROCERY ($38.24). Together they come to $46.61.')
  })

  it("says it can't read images offline when no OCR is wired in", async () => {
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0 })
    const { result } = await collect(new Agent({ model }).stream([{ type: 'text', text: 'Analyze this receipt' }, image('r.png')]))
    expect(result.text).toContain("can't read images offline")
  })

  it('runs OCR once per image across follow-up questions', async () => {
    let calls = 0
    const model = createLocalModel({ ttftMs: 0, tokensPerSecond: 0, ocr: async () => { calls++; return ACME_TEXT } })
    const agent = new Agent({ model })
    await agent.invoke([{ type: 'text', text: 'Analyze this receipt' }, image('r.png')])
    const second = await agent.invoke('What is the total on the receipt?')
    expect(second.text).toContain('$38.24')
    expect(calls).toBe(1)
  })
})

describe('long documents', () => {
  it('quotes an excerpt of a long PDF with no receipt in it, not the whole text', async () => {
    const pages = Array.from({ length: 50 }, (_, i) => `Quarterly report - page ${i + 1} of 50\n${'Revenue rose in every region this quarter. '.repeat(20)}`)
    const agent = new Agent({ model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0 }) })
    const result = await agent.invoke([
      { type: 'text', text: 'Extract all financial data from this receipt:' },
      { type: 'document', mediaType: 'application/pdf', data: '', name: 'report.pdf', text: pages },
    ])
    expect(result.text).toContain('found no prices or totals')
    expect(result.text).toContain('the first 1,200 of')
    expect(result.text.length).toBeLessThan(2_000)
  })
})
