// Every gallery scenario played by the real Agent with the offline model and the demo tool packs.
// It lives in state/ because it is the one layer allowed to import both providers/ and tools/.
import { describe, expect, it } from 'vitest'
import { Agent, type AgentEvent, type ContentPart, type ExecutorSpec, type RunResult } from '../../core/index.ts'
import { createLocalModel } from '../../providers/index.ts'
import { createToolPacks, findPack, SCENARIOS, type Scenario, type Sleep, type ToolPackOptions } from '../../tools/index.ts'
import { createCustomTools } from '../../tools/custom/build.ts'

const ACME_TEXT = [
  'ACME GROCERY', '123 Main St', 'Receipt #: 2025-001234', 'Date: Oct 11, 2025',
  'Apples (2 lbs) $5.99', 'Bread $3.49', 'Eggs (12) $4.99', 'Milk $4.29', 'Salmon $12.99', 'Greens $3.49',
  'Subtotal: $35.24', 'Tax: $3.00', 'TOTAL: $38.24',
].join('\n')
const CAFE_TEXT = 'CORNER CAFE\nLatte $4.50\nMuffin $3.25\nSubtotal: $7.75\nTax: $0.62\nTotal: $8.37'

/** Tool sleeps that advance a virtual clock by exactly the seed delay, for exact elapsed times. */
function virtualTools(): ToolPackOptions {
  let time = 0
  const sleep: Sleep = async (ms, signal) => {
    await new Promise((resolve) => setTimeout(resolve, 0))
    if (signal.aborted) throw signal.reason
    time += ms
  }
  return { speed: 1, sleep, now: () => time }
}

interface Played { events: AgentEvent[]; result: RunResult }

async function play(id: string, options: { executor?: ExecutorSpec; tools?: ToolPackOptions; prompt?: string } = {}): Promise<Played> {
  const scenario: Scenario | undefined = SCENARIOS.find((s) => s.id === id)
  if (!scenario) throw new Error(`no scenario ${id}`)
  const pack = findPack(createToolPacks(options.tools ?? { speed: 0.01 }), scenario.toolPack)!
  const ocr = async (part: Extract<ContentPart, { type: 'image' }>): Promise<string> => (part.name === 'receipt-cafe.png' ? CAFE_TEXT : ACME_TEXT)
  const agent = new Agent({
    model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0, ocr }),
    // A scenario's own mock tools, 100 times faster than written.
    tools: [...pack.tools, ...createCustomTools(scenario.customTools ?? [], { sleep: (ms, signal) => new Promise((resolve, reject) => { const t = setTimeout(resolve, ms / 100); signal.addEventListener('abort', () => { clearTimeout(t); reject(signal.reason) }, { once: true }) }) })],
    executor: options.executor ?? scenario.executor,
    ...(scenario.system !== undefined ? { system: scenario.system } : {}),
    ...(scenario.routingOnly !== undefined ? { routingOnly: scenario.routingOnly } : {}),
    ...(scenario.maxTurns !== undefined ? { maxTurns: scenario.maxTurns } : {}),
  })
  const images = (scenario.attachments ?? []).map((path): ContentPart => {
    const name = path.split('/').pop() ?? path
    return name.endsWith('.pdf')
      ? { type: 'document', mediaType: 'application/pdf', data: 'JVBERi0=', name, text: [ACME_TEXT] }
      : { type: 'image', mediaType: 'image/png', data: 'iVBORw0KGgo=', name }
  })
  const prompt = options.prompt ?? scenario.prompt
  const input: string | ContentPart[] = images.length ? [{ type: 'text', text: prompt }, ...images] : prompt
  const events: AgentEvent[] = []
  for await (const event of agent.stream(input)) events.push(event)
  const end = events[events.length - 1]
  if (end?.type !== 'run-end') throw new Error('no run-end')
  return { events, result: end.result }
}

const starts = (events: AgentEvent[]) => events.filter((e): e is Extract<AgentEvent, { type: 'tool-start' }> => e.type === 'tool-start')
const toolOrder = (events: AgentEvent[]) => events.flatMap((e) => (e.type === 'tool-start' ? [`start:${e.name}`] : e.type === 'tool-end' ? [`end:${e.name}`] : []))
const progressOf = (events: AgentEvent[]) => events.flatMap((e) => (e.type === 'tool-progress' ? [e.progress] : []))

describe('every scenario plays offline', () => {
  it.each(SCENARIOS.map((s) => [s.id]))('%s ends cleanly with an answer', async (id) => {
    const { events, result } = await play(id)
    expect(['done', 'routed']).toContain(result.stopReason)
    expect(result.text.length).toBeGreaterThan(10)
    // The fault drills fail on purpose (fault-drills.test.ts checks each failure).
    if (id !== 'tool-faults') for (const e of events) if (e.type === 'tool-end') expect(e.status).toBe('ok')
  })
})

describe('lesson scenarios', () => {
  it('city, concurrent: three calls in turn 1 that overlap, then an answer quoting all three', async () => {
    const { events, result } = await play('city-concurrent')
    const first = starts(events).filter((e) => e.turn === 1)
    expect(first.map((e) => e.name)).toEqual(['get_weather', 'get_time', 'get_population'])
    expect(first.map((e) => e.args)).toEqual([{ city: 'Seattle' }, { city: 'Seattle' }, { city: 'Seattle' }])
    expect(toolOrder(events).slice(0, 3).every((s) => s.startsWith('start:'))).toBe(true)
    expect(result.turns).toBe(2)
    expect(result.text).toContain('In Seattle, the weather is Sunny, 72°F. The current time is 2:30 PM, and the population is ~1.5 million.')
  })

  it('city, sequential: the same calls back to back', async () => {
    const { events } = await play('city-sequential')
    expect(toolOrder(events)).toEqual([
      'start:get_weather', 'end:get_weather', 'start:get_time', 'end:get_time', 'start:get_population', 'end:get_population',
    ])
  })

  it('workflow: one tool per turn, each using the file the previous result named', async () => {
    const { events, result } = await play('workflow-sequential')
    const calls = starts(events)
    expect(calls.map((e) => [e.turn, e.name])).toEqual([[1, 'take_screenshot'], [2, 'compress_file'], [3, 'send_email']])
    expect(calls[0]!.args).toEqual({ filename: 'report.png' })
    expect(calls[1]!.args).toEqual({ filename: 'report.png' })
    expect(calls[2]!.args).toEqual({ recipient: 'boss@company.com', attachment: 'report.zip' })
    expect(result.turns).toBe(4)
    expect(result.text).toContain('The screenshot has been taken, compressed and emailed to boss@company.com successfully.')
    expect(result.text).toContain('Email sent to boss@company.com with attachment: report.zip')
  })

  it('process 30 records: the seed progress lines in order, then the answer', async () => {
    const { events, result } = await play('streaming-progress', { tools: virtualTools() })
    expect(progressOf(events)).toEqual([
      'Processed 10/30 records in 1.0s', 'Processed 20/30 records in 2.0s', 'Processed 30/30 records in 3.0s', '✓ Completed 30 records in 3.0s',
    ])
    expect(result.text).toContain('I have successfully processed 30 records in 3.0 seconds')
  })

  it('100 records: ten progress lines and the completion line', async () => {
    const { events } = await play('exercise-100-records', { tools: virtualTools() })
    const lines = progressOf(events)
    expect(lines).toHaveLength(11)
    expect(lines[9]).toBe('Processed 100/100 records in 10.0s')
    expect(lines[10]).toBe('✓ Completed 100 records in 10.0s')
  })

  it('download: a start line, then fractions 0.1 … 1', async () => {
    const { events, result } = await play('download-progress')
    expect(starts(events)[0]!.args).toEqual({ url: 'https://example.com/data/dataset.zip', size_mb: 10 })
    const progress = progressOf(events)
    expect(progress[0]).toBe('Starting download: https://example.com/data/dataset.zip (10MB)')
    expect(progress.slice(1).map((p) => (typeof p === 'string' ? p : p.fraction))).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1])
    expect(result.text).toContain('✓ Download complete: https://example.com/data/dataset.zip')
  })

  it('exercise 2 with mocks: the three tools made in the page in one turn, overlapping or back to back', async () => {
    const concurrent = await play('exercise-variable-delays-mocks')
    expect(starts(concurrent.events).map((e) => [e.turn, e.name])).toEqual([[1, 'api_half_second'], [1, 'api_one_second'], [1, 'api_two_seconds']])
    expect(toolOrder(concurrent.events)).toEqual(['start:api_half_second', 'start:api_one_second', 'start:api_two_seconds', 'end:api_half_second', 'end:api_one_second', 'end:api_two_seconds'])
    expect(concurrent.result.text).toContain('api_two_seconds: 200 OK after 2 s')
    const sequential = await play('exercise-variable-delays-mocks', { executor: 'sequential' })
    expect(toolOrder(sequential.events)).toEqual(['start:api_half_second', 'end:api_half_second', 'start:api_one_second', 'end:api_one_second', 'start:api_two_seconds', 'end:api_two_seconds'])
  })

  it('fetch: three calls in one turn, overlapping under concurrent and back to back under sequential', async () => {
    const concurrent = await play('fetch-concurrent')
    expect(starts(concurrent.events).map((e) => [e.turn, e.args])).toEqual([[1, { source: 'API-A' }], [1, { source: 'API-B' }], [1, { source: 'API-C' }]])
    expect(toolOrder(concurrent.events).slice(0, 3)).toEqual(['start:fetch_data', 'start:fetch_data', 'start:fetch_data'])
    expect(concurrent.result.text).toContain('- **API-B**: Data from API-B: [sample data]')
    const sequential = await play('fetch-sequential')
    expect(toolOrder(sequential.events)).toEqual(['start:fetch_data', 'end:fetch_data', 'start:fetch_data', 'end:fetch_data', 'start:fetch_data', 'end:fetch_data'])
  })

  it('challenge: concurrent downloads, one processed file per turn with progress, then the report', async () => {
    const { events, result } = await play('challenge-pipeline')
    const calls = starts(events)
    expect(calls.map((e) => [e.turn, e.name])).toEqual([
      [1, 'download_file'], [1, 'download_file'], [1, 'download_file'],
      [2, 'process_file'], [3, 'process_file'], [4, 'process_file'], [5, 'write_report'],
    ])
    expect(toolOrder(events).slice(0, 3).every((s) => s.startsWith('start:'))).toBe(true)
    expect(calls.slice(3, 6).map((e) => e.args)).toEqual([{ name: 'report-q1.pdf' }, { name: 'report-q2.pdf' }, { name: 'report-q3.pdf' }])
    const processIds = new Set(calls.slice(3, 6).map((e) => e.callId))
    const fractions = events.flatMap((e) => (e.type === 'tool-progress' && processIds.has(e.callId) && typeof e.progress !== 'string' ? [e.progress.fraction] : []))
    expect(fractions).toEqual([0.2, 0.4, 0.6, 0.8, 1, 0.2, 0.4, 0.6, 0.8, 1, 0.2, 0.4, 0.6, 0.8, 1])
    expect(String((calls[6]!.args as { summary: string }).summary)).toContain('| report-q2.pdf |')
    expect(result.text).toContain('The pipeline is complete: ✓ Report written to summary_report.md')
    expect(result.stopReason).toBe('done')
  })
})

describe('stop', () => {
  it('ends a running tool at once and keeps the finished text', async () => {
    const pack = findPack(createToolPacks({ speed: 0.1 }), 'streaming')!
    const agent = new Agent({ model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0 }), tools: pack.tools })
    const controller = new AbortController()
    const events: AgentEvent[] = []
    let abortedAt = 0
    for await (const event of agent.stream('Process 100 records', { signal: controller.signal })) {
      events.push(event)
      if (event.type === 'tool-progress' && abortedAt === 0) {
        abortedAt = performance.now()
        controller.abort()
      }
    }
    const end = events[events.length - 1]
    expect(end?.type === 'run-end' && end.result.stopReason).toBe('aborted')
    expect(end?.type === 'run-end' && end.result.text).toBe("I'll process the 100 records now.")
    expect(events.find((e) => e.type === 'tool-end')).toMatchObject({ status: 'aborted' })
    // The tool had ~9 s of seed work (0.9 s at this speed) left; Stop does not wait for it.
    expect(performance.now() - abortedAt).toBeLessThan(500)
  })
})

describe('selectools scenarios and exercises', () => {
  it('routing: one model call picks billing_tool with the bill in its arguments and runs nothing', async () => {
    const { events, result } = await play('routing-billing')
    expect(result.stopReason).toBe('routed')
    expect(result.lastTool?.name).toBe('billing_tool')
    expect(JSON.stringify(result.lastTool?.args).toLowerCase()).toContain('bill')
    expect(starts(events)).toEqual([])
    expect(result.turns).toBe(1)
  })

  it('routes sales and support requests too', async () => {
    expect((await play('routing-billing', { prompt: 'What does the enterprise plan cost? I want to buy it.' })).result.lastTool?.name).toBe('sales_tool')
    expect((await play('routing-billing', { prompt: 'The app crashes when I log in' })).result.lastTool?.name).toBe('support_tool')
  })

  it('search: a call, then the answer quoting the result', async () => {
    const { events, result } = await play('selectools-search')
    expect(starts(events).map((e) => e.args)).toEqual([{ query: 'Python tutorials' }])
    expect(result.text).toContain("Results for 'Python tutorials': Python is a popular programming language.")
    expect(result.turns).toBe(2)
  })

  it('slow_api: three parallel calls of 0.15 s', async () => {
    const { events } = await play('selectools-parallel')
    expect(starts(events).map((e) => [e.turn, e.args])).toEqual([[1, { delay: 0.15 }], [1, { delay: 0.15 }], [1, { delay: 0.15 }]])
  })

  it('variable delays: three call_api calls that finish fastest first under concurrent', async () => {
    const { events, result } = await play('exercise-variable-delays')
    expect(starts(events).map((e) => e.args)).toEqual([{ name: 'API-1', delay_s: 0.5 }, { name: 'API-2', delay_s: 1 }, { name: 'API-3', delay_s: 2 }])
    const ends = events.flatMap((e) => (e.type === 'tool-end' ? [e.output.split(' ')[0]] : []))
    expect(ends).toEqual(['API-1', 'API-2', 'API-3'])
    expect(result.text).toContain('slowest call (2s)')
    expect(result.text).toContain('the sum (3.5s)')
  })

  it('five parallel APIs in one turn', async () => {
    const { events } = await play('exercise-parallel-apis')
    const calls = starts(events)
    expect(calls.map((e) => (e.args as { name: string }).name)).toEqual(['Users', 'Orders', 'Inventory', 'Payments', 'Shipping'])
    expect(new Set(calls.map((e) => e.turn))).toEqual(new Set([1]))
  })

  it('an unknown prompt lists the offered tools', async () => {
    const { result } = await play('fetch-concurrent', { prompt: 'Write me a poem about autumn' })
    expect(result.toolCalls).toEqual([])
    expect(result.text).toContain('`fetch_data`: Fetch data from a source (simulated).')
  })
})

describe('multimodal scenarios', () => {
  it('receipt analyzer and extractor report the total 38.24', async () => {
    expect((await play('receipt-analyze')).result.text).toContain('**Total:** $38.24')
    expect((await play('receipt-pdf')).result.text).toContain('**Total:** $38.24')
    const extract = await play('receipt-extract')
    expect(extract.result.text).toContain('Here is the financial data extracted from the receipt:')
    expect(extract.result.text).toContain('$38.24')
  })

  it('several images: one section each and a comparison', async () => {
    const { result } = await play('receipt-compare')
    expect(result.text).toContain('### 1. receipt-acme.png')
    expect(result.text).toContain('### 2. receipt-cafe.png')
    expect(result.text).toContain('The largest total is ACME GROCERY ($38.24)')
  })

  it('classification names the document type', async () => {
    expect((await play('document-classify')).result.text).toMatch(/looks like a \*\*receipt\*\*/)
  })
})
