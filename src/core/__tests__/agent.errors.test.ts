// Guarantee: a tool that throws, times out, is unknown, or gets invalid arguments ends with a
// non-ok status and a message the model reads in its next request; the other tools and the run
// go on.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn } from '../scripted-model.ts'
import { defineTool, type Tool } from '../tool.ts'
import type { AgentEvent, ContentPart, ModelEvent, ToolStatus } from '../types.ts'
import { collect, echoTool, hangingTool, ofType } from './helpers.ts'

interface Outcome {
  events: AgentEvent[]
  results: Extract<ContentPart, { type: 'tool-result' }>[]
  text: string
  stopReason: string
}

/** Run one turn of `calls` plus a good echo call, then a final text turn; return what the model saw. */
async function runTurn(calls: ModelEvent[], tools: Tool[], options: { toolTimeoutMs?: number } = {}): Promise<Outcome> {
  const model = createScriptedModel([
    [...calls, { type: 'tool-call', id: 'good', name: 'echo', args: { text: 'hi' } }, { type: 'finish', reason: 'tool_calls' }],
    textTurn('recovered'),
  ])
  const agent = new Agent({ model, tools: [echoTool, ...tools], ...options })
  const events = await collect(agent.stream('go'))
  const toolMessage = model.requests[1]?.messages[2]
  const results = (toolMessage?.content ?? []).filter((p): p is Outcome['results'][number] => p.type === 'tool-result')
  const end = ofType(events, 'run-end')[0]!
  return { events, results, text: end.result.text, stopReason: end.result.stopReason }
}

function expectFailure(outcome: Outcome, status: ToolStatus, message: RegExp): void {
  const ends = ofType(outcome.events, 'tool-end')
  const bad = ends.find((e) => e.callId === 'bad')!
  expect(bad.status).toBe(status)
  expect(bad.output).toMatch(message)
  const badResult = outcome.results.find((r) => r.callId === 'bad')!
  expect(badResult.isError).toBe(true)
  expect(badResult.output).toMatch(message)
  // The other tool and the run went on.
  expect(ends.find((e) => e.callId === 'good')).toMatchObject({ status: 'ok', output: 'echo:hi' })
  expect(outcome.results.map((r) => r.callId)).toEqual(['bad', 'good'])
  expect(outcome.results[1]).toMatchObject({ isError: false, output: 'echo:hi' })
  expect(outcome.stopReason).toBe('done')
  expect(outcome.text).toBe('recovered')
  expect(outcome.events.at(-1)?.type).toBe('run-end')
}

const call = (name: string, args: unknown): ModelEvent => ({ type: 'tool-call', id: 'bad', name, args })

describe('tool failures reach the model', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reports arguments that violate the schema', async () => {
    const outcome = await runTurn([call('echo', { text: 42 })], [])
    expectFailure(outcome, 'error', /Invalid arguments for echo: text: /)
  })

  it('reports arguments that are not JSON', async () => {
    const outcome = await runTurn([call('echo', '{"text": "unterminated')], [])
    expectFailure(outcome, 'error', /Invalid arguments for echo: the arguments are not valid JSON/)
  })

  it('parses arguments that arrive as a JSON string', async () => {
    const outcome = await runTurn([call('echo', '{"text":"from string"}')], [])
    const bad = ofType(outcome.events, 'tool-end').find((e) => e.callId === 'bad')!
    expect(bad).toMatchObject({ status: 'ok', output: 'echo:from string' })
    expect(ofType(outcome.events, 'tool-start')[0]!.args).toEqual({ text: 'from string' })
  })

  it('reports an unknown tool name with the available names', async () => {
    const outcome = await runTurn([call('nope', {})], [])
    expectFailure(outcome, 'error', /Unknown tool "nope"\. Available tools: echo/)
  })

  it('reports a tool that throws synchronously or asynchronously', async () => {
    const syncThrow = defineTool({ name: 'sync_throw', description: 'x', input: z.object({}), run: () => { throw new Error('sync boom') } })
    const asyncThrow = defineTool({
      name: 'async_throw', description: 'x', input: z.object({}),
      run: async () => { await Promise.resolve(); throw new TypeError('async boom') },
    })
    expectFailure(await runTurn([call('sync_throw', {})], [syncThrow]), 'error', /sync boom/)
    expectFailure(await runTurn([call('async_throw', {})], [asyncThrow]), 'error', /async boom/)
  })

  it('reports a generator tool that throws after progress', async () => {
    const gen = defineTool({
      name: 'gen_throw', description: 'x', input: z.object({}),
      async *run() { yield 'step 1'; throw new Error('gen boom') },
    })
    const outcome = await runTurn([call('gen_throw', {})], [gen])
    expectFailure(outcome, 'error', /gen boom/)
    expect(ofType(outcome.events, 'tool-progress').map((e) => e.progress)).toEqual(['step 1'])
  })

  it('times out a tool on its own timeoutMs and tells it through its signal', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    let seenSignal: AbortSignal | undefined
    const slow = defineTool({
      name: 'slow', description: 'x', input: z.object({}), timeoutMs: 500,
      run: (_args, ctx) => { seenSignal = ctx.signal; return new Promise<string>(() => undefined) },
    })
    const pending = runTurn([call('slow', {})], [slow])
    await vi.advanceTimersByTimeAsync(500)
    const outcome = await pending
    expectFailure(outcome, 'timeout', /slow timed out after 500 ms/)
    expect(seenSignal?.aborted).toBe(true)
  })

  it('times out a tool on the agent-wide toolTimeoutMs', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { tool } = hangingTool()
    const pending = runTurn([call('hang', {})], [tool], { toolTimeoutMs: 200 })
    await vi.advanceTimersByTimeAsync(200)
    expectFailure(await pending, 'timeout', /hang timed out after 200 ms/)
  })

  it('lets a tool timeoutMs override the agent-wide one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { tool } = hangingTool('hang', 50)
    const pending = runTurn([call('hang', {})], [tool], { toolTimeoutMs: 10_000 })
    await vi.advanceTimersByTimeAsync(50)
    expectFailure(await pending, 'timeout', /hang timed out after 50 ms/)
  })

  it('ignores a result that arrives after the timeout', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const late = defineTool({
      name: 'late', description: 'x', input: z.object({}), timeoutMs: 100,
      run: () => new Promise<string>((resolve) => setTimeout(() => resolve('too late'), 300)),
    })
    const pending = runTurn([call('late', {})], [late])
    await vi.advanceTimersByTimeAsync(400)
    const outcome = await pending
    expectFailure(outcome, 'timeout', /late timed out after 100 ms/)
    expect(ofType(outcome.events, 'tool-end').filter((e) => e.callId === 'bad')).toHaveLength(1)
  })
})
