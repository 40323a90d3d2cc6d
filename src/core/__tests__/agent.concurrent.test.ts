// Guarantees: under 'concurrent' the tool calls of one turn start together, and their results go
// back to the model in call order whatever order they finish in.
import { describe, expect, it } from 'vitest'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn, toolCallsTurn } from '../scripted-model.ts'
import type { ContentPart } from '../types.ts'
import { collect, gatedTool, ofType, quickTool, until } from './helpers.ts'

const threeCalls = toolCallsTurn([
  { name: 'gated', args: { key: 'a' } },
  { name: 'gated', args: { key: 'b' } },
  { name: 'gated', args: { key: 'c' } },
])

describe('concurrent executor', () => {
  it('starts every call of a turn before any of them ends', async () => {
    const { tool, gates, log } = gatedTool()
    const model = createScriptedModel([threeCalls, textTurn('done')])
    const agent = new Agent({ model, tools: [tool], executor: 'concurrent' })
    const run = collect(agent.stream('go'))

    await until(() => gates.size === 3)
    expect(log).toEqual(['start:a', 'start:b', 'start:c'])
    for (const key of ['c', 'a', 'b']) gates.get(key)!.resolve(`result ${key}`)
    const events = await run

    const starts = ofType(events, 'tool-start')
    const firstEnd = events.findIndex((e) => e.type === 'tool-end')
    expect(starts.map((s) => s.callId)).toEqual(['call_1', 'call_2', 'call_3'])
    for (const start of starts) expect(events.indexOf(start)).toBeLessThan(firstEnd)
    expect(events.at(-1)?.type).toBe('run-end')
  })

  it('sends results back in call order whatever order they finish in', async () => {
    const { tool, gates, log } = gatedTool()
    const model = createScriptedModel([
      [{ type: 'text-delta', text: 'Let me check.' }, ...threeCalls],
      textTurn('all done'),
    ])
    const agent = new Agent({ model, tools: [tool] })
    const run = collect(agent.stream('go'))

    await until(() => gates.size === 3)
    gates.get('c')!.resolve('C')
    await until(() => log.includes('end:c'))
    gates.get('a')!.resolve('A')
    await until(() => log.includes('end:a'))
    gates.get('b')!.resolve('B')
    const events = await run

    // Events report completion order; the conversation keeps call order.
    expect(ofType(events, 'tool-end').map((e) => e.output)).toEqual(['C', 'A', 'B'])
    const second = model.requests[1]!
    expect(second.messages).toHaveLength(3)
    expect(second.messages[0]).toEqual({ role: 'user', content: [{ type: 'text', text: 'go' }] })
    expect(second.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me check.' },
        { type: 'tool-call', id: 'call_1', name: 'gated', args: { key: 'a' } },
        { type: 'tool-call', id: 'call_2', name: 'gated', args: { key: 'b' } },
        { type: 'tool-call', id: 'call_3', name: 'gated', args: { key: 'c' } },
      ],
    })
    const toolMessage = second.messages[2]!
    expect(toolMessage.role).toBe('tool')
    expect(toolMessage.content).toEqual<ContentPart[]>([
      { type: 'tool-result', callId: 'call_1', name: 'gated', output: 'A', isError: false },
      { type: 'tool-result', callId: 'call_2', name: 'gated', output: 'B', isError: false },
      { type: 'tool-result', callId: 'call_3', name: 'gated', output: 'C', isError: false },
    ])
    expect(agent.messages).toHaveLength(4)
    expect(agent.messages[3]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'all done' }] })
  })

  it('adds exactly one assistant and one tool message per tool turn over several turns', async () => {
    const { tool, gates } = gatedTool()
    const model = createScriptedModel([
      toolCallsTurn([{ name: 'gated', args: { key: 'x' } }, { name: 'gated', args: { key: 'y' } }], 't1'),
      toolCallsTurn([{ name: 'gated', args: { key: 'z' } }], 't2'),
      textTurn('end'),
    ])
    const agent = new Agent({ model, tools: [tool] })
    const run = agent.invoke('go')
    await until(() => gates.size === 2)
    gates.get('y')!.resolve('Y')
    gates.get('x')!.resolve('X')
    await until(() => gates.size === 3)
    gates.get('z')!.resolve('Z')
    const result = await run

    expect(model.requests.map((r) => r.messages.length)).toEqual([1, 3, 5])
    expect(model.requests[2]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'tool', 'assistant', 'tool'])
    const firstResults = model.requests[2]!.messages[2]!.content
    expect(firstResults.map((p) => (p.type === 'tool-result' ? p.output : ''))).toEqual(['X', 'Y'])
    expect(result.turns).toBe(3)
    expect(result.toolCalls.map((c) => c.id)).toEqual(['t1_1', 't1_2', 't2_1'])
    expect(result.toolCalls.every((c) => c.status === 'ok')).toBe(true)
    expect(result.lastTool).toEqual({ name: 'gated', args: { key: 'z' } })
  })

  it('gives every started tool exactly one tool-end, also for 2,000 calls in one turn', async () => {
    const n = 2000
    const calls = Array.from({ length: n }, (_, i) => ({ name: 'quick', args: { i } }))
    const model = createScriptedModel([toolCallsTurn(calls), textTurn('ok')])
    const agent = new Agent({ model, tools: [quickTool] })
    const events = await collect(agent.stream('go'))

    const starts = ofType(events, 'tool-start')
    const ends = ofType(events, 'tool-end')
    expect(starts).toHaveLength(n)
    expect(ends).toHaveLength(n)
    expect(new Set(starts.map((e) => e.callId)).size).toBe(n)
    expect(new Set(ends.map((e) => e.callId)).size).toBe(n)
    expect(ends.every((e) => e.status === 'ok')).toBe(true)
    const results = model.requests[1]!.messages[2]!.content
    expect(results).toHaveLength(n)
    expect(results.every((p, i) => p.type === 'tool-result' && p.output === `r${i}`)).toBe(true)
  })
})
