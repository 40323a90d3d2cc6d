// Aborts at awkward moments (issue 15): from hooks, right after model-end, by a consumer that
// leaves, in routing-only mode; and the options and locks around a run.
import { describe, expect, it, vi } from 'vitest'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn, toolCallsTurn } from '../scripted-model.ts'
import type { AgentEvent, AgentHooks, Model } from '../types.ts'
import { echoTool, gatedTool, hangingTool } from './helpers.ts'
import { conversationProblems, logProblems } from './log-checks.ts'

const threeCalls = toolCallsTurn([{ name: 'echo', args: { text: 'a' } }, { name: 'echo', args: { text: 'b' } }, { name: 'echo', args: { text: 'c' } }])

/** Run to the end, recording the log through hooks (which see every event, in order). */
async function run(agent: Agent, input = 'go', signal?: AbortSignal): Promise<AgentEvent[]> {
  const seen: AgentEvent[] = []
  for await (const event of agent.stream(input, signal ? { signal } : {})) seen.push(event)
  return seen
}

describe('a hook that aborts the run', () => {
  it('tool-start: that call ends after its start, the turn\'s other calls never start, run-end is last', async () => {
    const controller = new AbortController()
    const ran: string[] = []
    const tool = { ...echoTool, run: (args: unknown) => { ran.push(JSON.stringify(args)); return 'x' } }
    const hooks: AgentHooks = { 'tool-start': () => controller.abort() }
    const agent = new Agent({ model: createScriptedModel([threeCalls, textTurn('done')]), tools: [tool], hooks })
    const log = await run(agent, 'go', controller.signal)
    expect(log.map((e) => e.type)).toEqual(['run-start', 'turn-start', 'model-start', 'model-end', 'tool-start', 'tool-end', 'turn-end', 'run-end'])
    expect(log[5]).toMatchObject({ type: 'tool-end', callId: 'call_1', status: 'aborted' })
    expect(ran).toEqual([])
    expect(logProblems(log)).toEqual([])
    const results = agent.messages[2]!.content
    expect(results.map((p) => (p.type === 'tool-result' ? [p.callId, p.isError, p.output] : []))).toEqual([
      ['call_1', true, 'Error: The run was stopped before this tool finished.'],
      ['call_2', true, 'Error: Not run: the run was stopped before this tool started.'],
      ['call_3', true, 'Error: Not run: the run was stopped before this tool started.'],
    ])
  })

  it('text-delta: the partial text is kept, in the log and in the conversation', async () => {
    const controller = new AbortController()
    const agent = new Agent({ model: createScriptedModel([textTurn('Hel', 'lo', ' there')]), hooks: { 'text-delta': (e) => { if (e.text === 'lo') controller.abort() } } })
    const log = await run(agent, 'go', controller.signal)
    const end = log.at(-1)
    expect(end).toMatchObject({ type: 'run-end', result: { stopReason: 'aborted', text: 'Hello' } })
    expect(log.filter((e) => e.type === 'model-end')).toEqual([expect.objectContaining({ finish: 'aborted' })])
    expect(agent.messages.at(-1)).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Hello' }] })
  })

  it('hooks see events in log order, even those emitted while a hook aborts', async () => {
    const controller = new AbortController()
    const order: string[] = []
    const note = (e: AgentEvent): void => { order.push(e.type) }
    const hooks: AgentHooks = {
      'run-start': note, 'turn-start': note, 'model-start': note, 'turn-end': note, 'run-end': note, 'tool-end': note,
      'model-end': (e) => { note(e); controller.abort() },
    }
    const agent = new Agent({ model: createScriptedModel([threeCalls]), tools: [echoTool], hooks })
    const log = await run(agent, 'go', controller.signal)
    expect(order).toEqual(log.map((e) => e.type))
  })

  it('a hook that throws is reported and the run goes on', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const agent = new Agent({ model: createScriptedModel([textTurn('ok')]), hooks: { 'model-start': () => { throw new Error('hook bug') } } })
    const result = await agent.invoke('go')
    expect(result.stopReason).toBe('done')
    expect(error).toHaveBeenCalledWith('Lanes: the model-start hook threw:', 'hook bug')
    error.mockRestore()
  })
})

describe('an abort right after model-end of a turn with tool calls', () => {
  const cases: [string, (agent: Agent, controller: AbortController) => Promise<void>][] = [
    ['the caller\'s signal', async (agent, controller) => {
      for await (const e of agent.stream('go', { signal: controller.signal })) if (e.type === 'model-end') controller.abort()
    }],
    ['a hook', async (agent, controller) => { await run(agent, 'go', controller.signal) }],
    ['a consumer that leaves', async (agent) => {
      for await (const e of agent.stream('go')) if (e.type === 'model-end') break
    }],
  ]
  for (const [how, drive] of cases) {
    it(`from ${how}: every call is answered, and the next request is well formed`, async () => {
      const controller = new AbortController()
      const model = createScriptedModel([threeCalls, textTurn('second run')])
      const hooks: AgentHooks = how === 'a hook' ? { 'model-end': () => controller.abort() } : {}
      const agent = new Agent({ model, tools: [echoTool], hooks })
      await drive(agent, controller)
      expect(conversationProblems(agent.messages)).toEqual([])
      expect(agent.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool'])
      const result = await agent.invoke('again')
      expect(result.text).toBe('second run')
      expect(conversationProblems(model.requests[1]!.messages)).toEqual([])
    })
  }
})

describe('routing-only', () => {
  it('answers the chosen call without running it, so the conversation goes on', async () => {
    const { tool, started } = hangingTool('billing_tool')
    const model = createScriptedModel([toolCallsTurn([{ name: 'billing_tool', args: {} }]), textTurn('follow-up')])
    const agent = new Agent({ model, tools: [tool], routingOnly: true })
    const result = await agent.invoke('I need help with my bill')
    expect(result).toMatchObject({ stopReason: 'routed', lastTool: { name: 'billing_tool' }, toolCalls: [{ name: 'billing_tool', status: 'routed' }] })
    expect(started).toEqual([])
    expect(agent.messages.at(-1)).toEqual({ role: 'tool', content: [{ type: 'tool-result', callId: 'call_1', name: 'billing_tool', output: 'Not run: routing-only mode reports the chosen tool without running it.', isError: false }] })
    expect(conversationProblems(agent.messages)).toEqual([])
  })
})

describe('options and the run lock', () => {
  it('rejects bad options in the constructor, naming the option', () => {
    const model = createScriptedModel([textTurn('x')])
    expect(() => new Agent({ model, executor: 'parallel' as 'concurrent' })).toThrow("executor must be 'concurrent', 'sequential' or { concurrency: N }")
    expect(() => new Agent({ model, toolTimeoutMs: -5 })).toThrow('toolTimeoutMs must be a number of milliseconds > 0')
    expect(() => new Agent({ model, maxToolOutputChars: 1.5 })).toThrow('maxToolOutputChars must be a whole number')
    expect(() => new Agent({ model: {} as Model })).toThrow('Agent needs a model')
    expect(() => new Agent({ model, tools: [echoTool, echoTool] })).toThrow('Two tools are named "echo"')
  })

  it('a stream() that fails to start leaves the agent unlocked and its conversation unchanged', async () => {
    const agent = new Agent({ model: createScriptedModel([textTurn('fine')]) })
    expect(() => agent.stream([{ role: 'user', content: 'not an array' }] as never)).toThrow()
    expect(agent.messages).toEqual([])
    expect((await agent.invoke('go')).text).toBe('fine')
  })
})

describe('the caller\'s signal', () => {
  function spiedSignal(): { signal: AbortSignal; live: () => number } {
    const signal = new AbortController().signal
    let live = 0
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = (...args: Parameters<AbortSignal['addEventListener']>) => { live++; add(...args) }
    signal.removeEventListener = (...args: Parameters<AbortSignal['removeEventListener']>) => { live--; remove(...args) }
    return { signal, live: () => live }
  }

  it('loses its listener when the run ends, even if the model never returns', async () => {
    const frozen: Model = { id: 'frozen', async *stream() { yield { type: 'text-delta', text: 'a' }; await new Promise(() => undefined) } }
    const { signal, live } = spiedSignal()
    for await (const event of new Agent({ model: frozen }).stream('go', { signal })) if (event.type === 'text-delta') break
    expect(live()).toBe(0)
    const done = spiedSignal()
    await new Agent({ model: createScriptedModel([textTurn('x')]) }).invoke('go', { signal: done.signal })
    expect(done.live()).toBe(0)
  })
})

describe('ids and times', () => {
  it('ids the core makes up fit every provider\'s rule', async () => {
    const calls = [{ type: 'tool-call', id: '', name: 'echo', args: { text: 'a' } }, { type: 'tool-call', id: 'x.1', name: 'echo', args: { text: 'b' } }, { type: 'tool-call', id: 'x.1', name: 'echo', args: { text: 'c' } }, { type: 'tool-call', id: '', name: 'echo', args: { text: 'd' } }] as const
    const result = await new Agent({ model: createScriptedModel([[...calls, { type: 'finish', reason: 'tool_calls' }], textTurn('ok')]), tools: [echoTool] }).invoke('go')
    const ids = result.toolCalls.map((c) => c.id)
    expect(new Set(ids).size).toBe(4)
    expect(ids[1]).toBe('x.1') // a provider's own id goes back to it unchanged
    for (const id of [ids[0], ids[2], ids[3]]) expect(id).toMatch(/^[a-zA-Z0-9_-]+$/)
  })

  it('t never goes backwards, whatever the injected clock does', async () => {
    const steps = [0, 50, 40, 30, 100, 20, 200, 10]
    let i = 0
    const now = (): number => steps[Math.min(i++, steps.length - 1)]! + 1000
    const log = await run(new Agent({ model: createScriptedModel([threeCalls, textTurn('x')]), tools: [echoTool], now }))
    expect(logProblems(log)).toEqual([])
  })
})

describe('gated tools and abort', () => {
  it('a tool that finishes after the abort changes nothing', async () => {
    const { tool, gates } = gatedTool()
    const controller = new AbortController()
    const agent = new Agent({ model: createScriptedModel([toolCallsTurn([{ name: 'gated', args: { key: 'k' } }]), textTurn('x')]), tools: [tool] })
    const seen: AgentEvent[] = []
    for await (const e of agent.stream('go', { signal: controller.signal })) {
      seen.push(e)
      if (e.type === 'tool-start') controller.abort()
    }
    gates.get('k')?.resolve('late')
    await new Promise((resolve) => setImmediate(resolve))
    expect(logProblems(seen)).toEqual([])
    expect(seen.filter((e) => e.type === 'tool-end')).toEqual([expect.objectContaining({ status: 'aborted' })])
  })
})
