// Guarantee: abort ends the run quickly (tools get the signal; the run does not wait for a tool
// that ignores it), and the partial text and finished tool results stay in the result. The tools
// and model here never settle, so each test finishing at all shows the run did not wait for them.
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn, toolCallsTurn } from '../scripted-model.ts'
import { defineTool } from '../tool.ts'
import type { AgentEvent, Model, ModelEvent } from '../types.ts'
import { echoTool, hangingTool, ofType, until } from './helpers.ts'

/** Consume a run, calling `onEvent` for each event (it may abort); return every event. */
async function drive(run: AsyncIterable<AgentEvent>, onEvent: (event: AgentEvent, all: AgentEvent[]) => void): Promise<AgentEvent[]> {
  const all: AgentEvent[] = []
  for await (const event of run) {
    all.push(event)
    onEvent(event, all)
  }
  return all
}

function runEnd(events: AgentEvent[]) {
  expect(events.at(-1)?.type).toBe('run-end')
  expect(ofType(events, 'run-end')).toHaveLength(1)
  return ofType(events, 'run-end')[0]!.result
}

describe('abort', () => {
  it('ends a run whose model ignores the signal mid-stream, keeping the partial text', async () => {
    let modelSignal: AbortSignal | undefined
    const model: Model = {
      id: 'stuck',
      async *stream(_req, { signal }): AsyncGenerator<ModelEvent> {
        modelSignal = signal
        yield { type: 'text-delta', text: 'Hel' }
        yield { type: 'text-delta', text: 'lo' }
        await new Promise<never>(() => undefined)
      },
    }
    const controller = new AbortController()
    const agent = new Agent({ model })
    const events = await drive(agent.stream('hi', { signal: controller.signal }), (_e, all) => {
      if (ofType(all, 'text-delta').length === 2) controller.abort()
    })
    const result = runEnd(events)
    expect(result.stopReason).toBe('aborted')
    expect(result.text).toBe('Hello')
    expect(modelSignal?.aborted).toBe(true)
    expect(ofType(events, 'model-end')[0]!.finish).toBe('aborted')
    expect(agent.messages.at(-1)).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'Hello' }] })
  })

  it('ends a run while tools run, without waiting for a tool that ignores its signal', async () => {
    const { tool: hang, started } = hangingTool()
    let politeSignal: AbortSignal | undefined
    const polite = defineTool({
      name: 'polite', description: 'Rejects when aborted.', input: z.object({}),
      run: (_args, ctx) => new Promise<string>((_resolve, reject) => {
        politeSignal = ctx.signal
        ctx.signal.addEventListener('abort', () => reject(new Error('cancelled')))
      }),
    })
    const model = createScriptedModel([
      [{ type: 'text-delta', text: 'Working on it.' }, ...toolCallsTurn([
        { name: 'echo', args: { text: 'fast' } }, { name: 'hang', args: {} }, { name: 'polite', args: {} },
      ])],
      textTurn('never reached'),
    ])
    const controller = new AbortController()
    const agent = new Agent({ model, tools: [echoTool, hang, polite] })
    const events = await drive(agent.stream('go', { signal: controller.signal }), (event) => {
      if (event.type === 'tool-end' && event.callId === 'call_1') controller.abort()
    })
    const result = runEnd(events)
    expect(started).toEqual(['call_2']) // the hanging tool's promise is still pending now
    expect(result.stopReason).toBe('aborted')
    expect(result.text).toBe('Working on it.')
    expect(result.toolCalls.map((c) => [c.id, c.status])).toEqual([['call_1', 'ok'], ['call_2', 'aborted'], ['call_3', 'aborted']])
    expect(politeSignal?.aborted).toBe(true)
    // Exactly one tool-end per started tool, even though the polite tool later rejects.
    await until(() => true)
    const ends = ofType(events, 'tool-end')
    expect(ends.map((e) => e.callId).sort()).toEqual(['call_1', 'call_2', 'call_3'])
    expect(ends.find((e) => e.callId === 'call_1')).toMatchObject({ status: 'ok', output: 'echo:fast' })
    expect(model.requests).toHaveLength(1)
  })

  it('does not start the remaining sequential calls after an abort', async () => {
    const { tool: hang } = hangingTool()
    const model = createScriptedModel([
      toolCallsTurn([{ name: 'echo', args: { text: '1' } }, { name: 'hang', args: {} }, { name: 'echo', args: { text: '3' } }]),
      textTurn('never'),
    ])
    const controller = new AbortController()
    const agent = new Agent({ model, tools: [echoTool, hang], executor: 'sequential' })
    const events = await drive(agent.stream('go', { signal: controller.signal }), (event) => {
      if (event.type === 'tool-start' && event.name === 'hang') controller.abort()
    })
    const result = runEnd(events)
    expect(result.stopReason).toBe('aborted')
    expect(ofType(events, 'tool-start').map((e) => e.callId)).toEqual(['call_1', 'call_2'])
    expect(result.toolCalls.map((c) => c.status)).toEqual(['ok', 'aborted'])
    // The conversation stays well formed: every call has a result, the unrun one says so.
    const toolMessage = agent.messages.at(-1)!
    expect(toolMessage.role).toBe('tool')
    expect(toolMessage.content.map((p) => (p.type === 'tool-result' ? [p.callId, p.isError] : []))).toEqual([
      ['call_1', false], ['call_2', true], ['call_3', true],
    ])
  })

  it('stops a generator tool that ignores its signal', async () => {
    const gen = defineTool({
      name: 'gen', description: 'Yields once then hangs.', input: z.object({}),
      async *run() {
        yield 'started'
        await new Promise<never>(() => undefined)
      },
    })
    const model = createScriptedModel([toolCallsTurn([{ name: 'gen', args: {} }]), textTurn('never')])
    const controller = new AbortController()
    const events = await drive(new Agent({ model, tools: [gen] }).stream('go', { signal: controller.signal }), (event) => {
      if (event.type === 'tool-progress') controller.abort()
    })
    const result = runEnd(events)
    expect(result.stopReason).toBe('aborted')
    expect(ofType(events, 'tool-end')).toMatchObject([{ callId: 'call_1', status: 'aborted' }])
  })

  // Regression: the first core started every call of the turn without checking the run signal,
  // so a Stop that landed right after the model turn still ran each tool once.
  it('starts no tool when the abort lands between the model turn and the tool phase', async () => {
    let ran = 0
    const counted = defineTool({ name: 'counted', description: 'x', input: z.object({}), run: () => { ran++; return 'ran' } })
    const model = createScriptedModel([toolCallsTurn([{ name: 'counted', args: {} }, { name: 'counted', args: {} }]), textTurn('never')])
    const controller = new AbortController()
    const events = await drive(new Agent({ model, tools: [counted] }).stream('go', { signal: controller.signal }), (event) => {
      if (event.type === 'model-end') controller.abort()
    })
    expect(runEnd(events).stopReason).toBe('aborted')
    expect(ran).toBe(0)
    expect(ofType(events, 'tool-start')).toHaveLength(0)
  })

  it('returns at once for a signal that is already aborted', async () => {
    const model = createScriptedModel([textTurn('never')])
    const controller = new AbortController()
    controller.abort()
    const agent = new Agent({ model })
    const result = await agent.invoke('go', { signal: controller.signal })
    expect(result.stopReason).toBe('aborted')
    expect(model.requests).toHaveLength(0)
  })

  // Regression: the first core aborted only the run's controller when the consumer left early and
  // never ended the suspended tool phase, so a running tool was never told.
  it('aborts running tools when the consumer stops reading', async () => {
    let toolSignal: AbortSignal | undefined
    const waiter = defineTool({
      name: 'waiter', description: 'x', input: z.object({}),
      run: (_args, ctx) => { toolSignal = ctx.signal; return new Promise<string>(() => undefined) },
    })
    const model = createScriptedModel([toolCallsTurn([{ name: 'waiter', args: {} }]), textTurn('later')])
    const agent = new Agent({ model, tools: [waiter] })
    for await (const event of agent.stream('go')) if (event.type === 'tool-start') break
    expect(toolSignal?.aborted).toBe(true)
  })

  it('frees the agent for the next run when the consumer stops reading', async () => {
    const model = createScriptedModel([textTurn('a', 'b'), textTurn('second')])
    const agent = new Agent({ model })
    for await (const event of agent.stream('go')) if (event.type === 'text-delta') break
    expect((await agent.invoke('again')).text).toBe('second')
  })
})
