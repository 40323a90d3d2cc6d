import { describe, expect, it } from 'vitest'
import type { Tool, ToolContext, ToolProgress } from '../../core/index.ts'
import { isAsyncGenerator } from '../../core/tool.ts'
import { evaluate } from '../calculator.ts'
import { createToolPacks, findPack } from '../packs.ts'
import { SCENARIOS } from '../scenarios.ts'
import type { Sleep } from '../types.ts'

/** A virtual clock: sleeping advances it instantly, so timings are exact and tests never wait. */
function virtualTime(): { now: () => number; sleep: Sleep; slept: number[] } {
  let time = 0
  const slept: number[] = []
  return {
    now: () => time,
    slept,
    sleep: async (ms, signal) => {
      if (signal.aborted) throw signal.reason
      slept.push(ms)
      time += ms
    },
  }
}

const ctx = (signal = new AbortController().signal): ToolContext => ({ signal, callId: 'c1', runId: 'r1' })

async function drain(tool: Tool, args: unknown, context = ctx()): Promise<{ progress: ToolProgress[]; result: unknown }> {
  const returned = tool.run(args, context)
  const progress: ToolProgress[] = []
  if (!isAsyncGenerator(returned)) return { progress, result: await returned }
  let step = await returned.next()
  while (!step.done) {
    progress.push(step.value)
    step = await returned.next()
  }
  return { progress, result: step.value }
}

function toolNamed(name: string, options = virtualTime()): Tool {
  const tool = findPack(createToolPacks({ speed: 1, sleep: options.sleep, now: options.now }), 'all')!.tools.find((t) => t.name === name)
  if (!tool) throw new Error(`no tool ${name}`)
  return tool
}

describe('streaming tools', () => {
  it('process_dataset yields the seed progress lines, in order, at 0.1 s per record', async () => {
    const time = virtualTime()
    const { progress, result } = await drain(toolNamed('process_dataset', time), { records: 30 })
    expect(progress).toEqual([
      'Processed 10/30 records in 1.0s',
      'Processed 20/30 records in 2.0s',
      'Processed 30/30 records in 3.0s',
      '✓ Completed 30 records in 3.0s',
    ])
    expect(result).toBe('✓ Completed 30 records in 3.0s')
    expect(time.slept).toHaveLength(30)
    expect(time.now()).toBe(3000)
  })

  it('download_file starts, then reports ten chunks with fractions, then completes', async () => {
    const { progress, result } = await drain(toolNamed('download_file'), { url: 'https://example.com/a.zip' })
    expect(progress[0]).toBe('Starting download: https://example.com/a.zip (10MB)')
    expect(progress[1]).toEqual({ message: 'Downloaded 1.0MB / 10MB (10%)', fraction: 0.1 })
    expect(progress[10]).toEqual({ message: 'Downloaded 10.0MB / 10MB (100%)', fraction: 1 })
    expect(progress).toHaveLength(11)
    expect(result).toBe('✓ Download complete: https://example.com/a.zip')
  })

  it('scales every delay by the speed factor', async () => {
    const time = virtualTime()
    const packs = createToolPacks({ speed: 0.5, sleep: time.sleep, now: time.now })
    const weather = findPack(packs, 'city')!.tools[0]!
    expect(await drain(weather, { city: 'Seattle' })).toEqual({ progress: [], result: 'Weather in Seattle: Sunny, 72°F' })
    expect(time.slept).toEqual([500])
  })

  it('rejects on abort with the real timer sleep, without waiting for the delay', async () => {
    const [processDataset] = findPack(createToolPacks({ speed: 1000 }), 'streaming')!.tools
    const controller = new AbortController()
    const started = performance.now()
    const pending = drain(processDataset!, { records: 10 }, ctx(controller.signal))
    setTimeout(() => controller.abort(new Error('stopped')), 5)
    await expect(pending).rejects.toThrow('stopped')
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('seed tools', () => {
  it('answer with the seed strings', async () => {
    expect((await drain(toolNamed('get_time'), { city: 'Seattle' })).result).toBe('Time in Seattle: 2:30 PM')
    expect((await drain(toolNamed('get_population'), { city: 'Seattle' })).result).toBe('Population of Seattle: ~1.5 million')
    expect((await drain(toolNamed('take_screenshot'), { filename: 'report.png' })).result).toBe('Screenshot saved to report.png')
    expect((await drain(toolNamed('compress_file'), { filename: 'report.png' })).result).toBe('Compressed report.png to report.zip')
    expect((await drain(toolNamed('send_email'), { recipient: 'boss@company.com', attachment: 'report.zip' })).result)
      .toBe('Email sent to boss@company.com with attachment: report.zip')
    expect((await drain(toolNamed('fetch_data'), { source: 'API-A' })).result).toBe('Data from API-A: [sample data]')
    expect((await drain(toolNamed('search'), { query: 'Python tutorials' })).result)
      .toBe("Results for 'Python tutorials': Python is a popular programming language.")
    expect((await drain(toolNamed('slow_api'), { delay: 0.15 })).result).toBe('Done after 0.15s')
  })

  it('process_file reports five fractions and write_report counts its lines', async () => {
    const { progress, result } = await drain(toolNamed('process_file'), { name: 'a.pdf' })
    expect(progress.map((p) => (typeof p === 'string' ? p : p.fraction))).toEqual([0.2, 0.4, 0.6, 0.8, 1])
    expect(result).toMatch(/^✓ Processed a\.pdf: \d+ records in 1\.0s$/)
    expect((await drain(toolNamed('write_report'), { summary: 'a\nb\n\nc' })).result).toBe('✓ Report written to summary_report.md (3 lines, 6 characters)')
  })

  it('routing tools open a ticket that names the request', async () => {
    const { result } = await drain(toolNamed('billing_tool'), { request: 'I need help with my bill', topic: 'bill' })
    expect(result).toBe('Forwarded to billing about "bill": ticket B-1042 opened for "I need help with my bill"')
  })
})

describe('calculator', () => {
  it('evaluates with precedence, parentheses, powers and unary minus', () => {
    expect(evaluate('(35.24 + 3) * 2')).toBeCloseTo(76.48)
    expect(evaluate('2 ^ 3 ^ 2')).toBe(512)
    expect(evaluate('-4 + 10 % 3')).toBe(-3)
    expect(() => evaluate('1 / 0')).toThrow(/finite/)
    expect(() => evaluate('2 +')).toThrow(/ends too early/)
    expect(() => evaluate('alert(1)')).toThrow(/unexpected/)
  })
})

describe('packs and scenarios', () => {
  it('builds every pack, and "all" holds each tool once', () => {
    const packs = createToolPacks()
    expect(packs.map((p) => p.id)).toEqual(['streaming', 'city', 'workflow', 'fetch', 'routing', 'pipeline', 'selectools', 'exercises', 'faults', 'none', 'all'])
    const all = findPack(packs, 'all')!.tools.map((t) => t.name)
    expect(new Set(all).size).toBe(all.length)
    expect(all).toEqual(expect.arrayContaining(['process_dataset', 'download_file', 'get_weather', 'send_email', 'fetch_data', 'billing_tool', 'process_file', 'write_report', 'search', 'slow_api', 'call_api', 'calculator']))
    for (const tool of findPack(packs, 'all')!.tools) expect(tool.spec.inputSchema).toMatchObject({ type: 'object' })
  })

  it('gives every scenario a unique id and an existing pack', () => {
    const ids = SCENARIOS.map((s) => s.id)
    expect(new Set(ids).size).toBe(ids.length)
    const packIds = new Set(createToolPacks().map((p) => p.id))
    for (const scenario of SCENARIOS) expect(packIds.has(scenario.toolPack)).toBe(true)
    expect(SCENARIOS.find((s) => s.id === 'receipt-extract')?.system).toBe('Extract financial data: store, date, line items, totals.')
  })
})
