// The run's life cycle: run-end always last (also after a model error), maxTurns, routingOnly,
// hooks, reset, invoke, the accepted input shapes and the injected clock.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn, toolCallsTurn } from '../scripted-model.ts'
import type { AgentEvent, AgentEventType, Model, ModelEvent } from '../types.ts'
import { collect, echoTool, fakeClock, ofType } from './helpers.ts'

const echoTurn = toolCallsTurn([{ name: 'echo', args: { text: 'x' } }])

describe('run life cycle', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('ends with run-end after a model whose stream throws mid-way, keeping partial text', async () => {
    const model: Model = {
      id: 'broken',
      async *stream(): AsyncGenerator<ModelEvent> {
        yield { type: 'text-delta', text: 'Part' }
        yield { type: 'text-delta', text: 'ial' }
        throw new TypeError('socket hang up')
      },
    }
    const events = await collect(new Agent({ model }).stream('hi'))
    expect(events.at(-1)?.type).toBe('run-end')
    const result = ofType(events, 'run-end')[0]!.result
    expect(result.stopReason).toBe('error')
    expect(result.error).toEqual({ name: 'TypeError', message: 'socket hang up' })
    expect(result.text).toBe('Partial')
    expect(ofType(events, 'model-end')[0]!.finish).toBe('error')
    expect(events.map((e) => e.type)).toEqual(['run-start', 'turn-start', 'model-start', 'text-delta', 'text-delta', 'model-end', 'turn-end', 'run-end'])
  })

  it('ends with run-end when the model throws before its first event', async () => {
    const model: Model = {
      id: 'refuses',
      stream: () => { throw new Error('401 bad key') },
    }
    const result = await new Agent({ model }).invoke('hi')
    expect(result).toMatchObject({ stopReason: 'error', error: { name: 'Error', message: '401 bad key' }, text: '' })
  })

  it('stops after maxTurns model calls', async () => {
    const model = createScriptedModel([echoTurn])
    const events = await collect(new Agent({ model, tools: [echoTool], maxTurns: 3 }).stream('loop'))
    const result = ofType(events, 'run-end')[0]!.result
    expect(result.stopReason).toBe('max-turns')
    expect(result.turns).toBe(3)
    expect(model.requests).toHaveLength(3)
    expect(ofType(events, 'turn-start')).toHaveLength(3)
    expect(result.toolCalls).toHaveLength(3)
    expect(new Set(result.toolCalls.map((c) => c.id)).size).toBe(3) // repeated ids are made unique
  })

  it('rejects a maxTurns below 1', () => {
    expect(() => new Agent({ model: createScriptedModel([textTurn('x')]), maxTurns: 0 })).toThrow('maxTurns must be a whole number ≥ 1, got 0.')
  })

  it('routingOnly makes one model call, runs nothing and reports the chosen tool', async () => {
    let ran = false
    const model = createScriptedModel([toolCallsTurn([{ name: 'echo', args: { text: 'route me' } }]), textTurn('never')])
    const spy = { ...echoTool, run: () => { ran = true; return 'x' } }
    const events = await collect(new Agent({ model, tools: [spy], routingOnly: true }).stream('which tool?'))
    const result = ofType(events, 'run-end')[0]!.result
    expect(model.requests).toHaveLength(1)
    expect(ofType(events, 'tool-start')).toHaveLength(0)
    expect(ran).toBe(false)
    expect(result.stopReason).toBe('routed')
    expect(result.lastTool).toEqual({ name: 'echo', args: { text: 'route me' } })
    expect(result.toolCalls).toMatchObject([{ id: 'call_1', name: 'echo', status: 'routed' }])
  })

  it('routingOnly with a text answer ends as done', async () => {
    const result = await new Agent({ model: createScriptedModel([textTurn('no tool')]), routingOnly: true }).invoke('hi')
    expect(result.stopReason).toBe('done')
    expect(result.lastTool).toBeUndefined()
  })

  it('calls the hook of each event type for every event, and survives a throwing hook', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const seen: AgentEvent[] = []
    const record = (event: AgentEvent): void => { seen.push(event) }
    const types: AgentEventType[] = ['run-start', 'turn-start', 'model-start', 'text-delta', 'model-end', 'tool-start', 'tool-end', 'turn-end', 'run-end']
    const hooks = Object.fromEntries(types.map((type) => [type, record]))
    hooks['tool-start'] = (event: AgentEvent) => { record(event); throw new Error('hook bug') }
    const model = createScriptedModel([[{ type: 'text-delta', text: 'a' }, ...echoTurn], textTurn('b')])
    const events = await collect(new Agent({ model, tools: [echoTool], hooks }).stream('go'))
    expect(seen).toEqual(events)
    expect(ofType(events, 'run-end')[0]!.result.stopReason).toBe('done')
    expect(console.error).toHaveBeenCalledTimes(1)
  })

  it('keeps the conversation between runs until reset()', async () => {
    const model = createScriptedModel([textTurn('one'), textTurn('two'), textTurn('three')])
    const agent = new Agent({ model, system: 'Be brief.' })
    await agent.invoke('first')
    await agent.invoke('second')
    expect(model.requests[1]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
    expect(model.requests[1]!.system).toBe('Be brief.')
    expect(agent.messages).toHaveLength(4)
    agent.reset()
    expect(agent.messages).toHaveLength(0)
    await agent.invoke('third')
    expect(model.requests[2]!.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'third' }] }])
  })

  it('invoke returns the run-end result', async () => {
    const clock = fakeClock()
    const model = createScriptedModel([[{ type: 'text-delta', text: 'hi' }, { type: 'usage', inputTokens: 7, outputTokens: 2 }, { type: 'finish', reason: 'stop' }]])
    let fromHook: unknown
    const agent = new Agent({ model, now: clock.now, hooks: { 'run-end': (e) => { fromHook = e.result } } })
    const result = await agent.invoke('hello')
    expect(result).toBe(fromHook)
    expect(result).toEqual({ text: 'hi', turns: 1, durationMs: 0, stopReason: 'done', toolCalls: [], usage: { inputTokens: 7, outputTokens: 2 } })
  })

  it('accepts a string, content parts, or whole messages', async () => {
    const model = createScriptedModel([textTurn('ok')])
    const agent = new Agent({ model })
    await agent.invoke('plain')
    agent.reset()
    await agent.invoke([{ type: 'text', text: 'look' }, { type: 'image', mediaType: 'image/png', data: 'AAAA' }])
    agent.reset()
    await agent.invoke([
      { role: 'user', content: [{ type: 'text', text: 'q1' }] },
      { role: 'assistant', content: [{ type: 'text', text: 'a1' }] },
      { role: 'user', content: [{ type: 'text', text: 'q2' }] },
    ])
    expect(model.requests[0]!.messages).toEqual([{ role: 'user', content: [{ type: 'text', text: 'plain' }] }])
    expect(model.requests[1]!.messages).toEqual([
      { role: 'user', content: [{ type: 'text', text: 'look' }, { type: 'image', mediaType: 'image/png', data: 'AAAA' }] },
    ])
    expect(model.requests[2]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user'])
  })

  it('refuses a second stream while one is running', async () => {
    const agent = new Agent({ model: createScriptedModel([textTurn('a', 'b')]) })
    const first = agent.stream('one')[Symbol.asyncIterator]()
    await first.next()
    await expect(agent.invoke('two')).rejects.toThrow(/already running/)
    while (!(await first.next()).done) { /* drain */ }
  })

  it('stamps every event with t from the injected clock', async () => {
    const clock = fakeClock(5000)
    // Every hook moves the clock 10 ms after its event is stamped, so event i must carry t = 10·i.
    const types: AgentEventType[] = ['run-start', 'turn-start', 'model-start', 'text-delta', 'model-end', 'tool-start', 'tool-end', 'turn-end', 'run-end']
    const hooks = Object.fromEntries(types.map((type) => [type, () => clock.advance(10)]))
    const model = createScriptedModel([[{ type: 'text-delta', text: 'a' }, ...echoTurn], textTurn('b')])
    const events = await collect(new Agent({ model, tools: [echoTool], now: clock.now, hooks }).stream('go'))
    expect(events.map((e) => e.type)).toEqual([
      'run-start', 'turn-start', 'model-start', 'text-delta', 'model-end', 'tool-start', 'tool-end', 'turn-end',
      'turn-start', 'model-start', 'text-delta', 'model-end', 'turn-end', 'run-end',
    ])
    expect(events.map((e) => e.t)).toEqual(events.map((_e, i) => 10 * i))
    const result = ofType(events, 'run-end')[0]!.result
    expect(result.durationMs).toBe(130)
    expect(result.toolCalls[0]).toMatchObject({ startT: 50, endT: 60 })
  })
})
