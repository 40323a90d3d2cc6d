// Guarantees on what flows out of a run: progress order per tool, one text-delta event per model
// delta passed on as it arrives, tool outputs the model can read (non-serializable values are
// errors; huge outputs are cut for the model but kept whole in the event log).
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn, toolCallsTurn } from '../scripted-model.ts'
import { defineTool } from '../tool.ts'
import type { Model, ModelEvent } from '../types.ts'
import { collect, deferred, ofType } from './helpers.ts'

describe('progress', () => {
  it('keeps the order of each tool’s progress and ends every started tool once', async () => {
    const stepper = defineTool({
      name: 'stepper',
      description: 'Yields five progress ticks, pausing a different number of turns each.',
      input: z.object({ id: z.string(), pause: z.number() }),
      async *run({ id, pause }) {
        for (let k = 1; k <= 5; k++) {
          for (let p = 0; p < pause; p++) await new Promise((resolve) => setImmediate(resolve))
          yield k % 2 ? `${id}:${k}` : { message: `${id}:${k}`, fraction: k / 5 }
        }
        return `${id} done`
      },
    })
    const calls = [{ id: 'a', pause: 2 }, { id: 'b', pause: 1 }, { id: 'c', pause: 3 }].map((args) => ({ name: 'stepper', args }))
    const model = createScriptedModel([toolCallsTurn(calls), textTurn('ok')])
    const events = await collect(new Agent({ model, tools: [stepper] }).stream('go'))

    const progress = ofType(events, 'tool-progress')
    expect(progress).toHaveLength(15)
    const label = (p: unknown): string => (typeof p === 'string' ? p : (p as { message: string }).message)
    for (const [index, id] of ['a', 'b', 'c'].entries()) {
      const mine = progress.filter((e) => e.callId === `call_${index + 1}`).map((e) => label(e.progress))
      expect(mine).toEqual([1, 2, 3, 4, 5].map((k) => `${id}:${k}`))
    }
    expect(progress.filter((e) => e.callId === 'call_1')[1]!.progress).toEqual({ message: 'a:2', fraction: 0.4 })
    // Every progress event sits between its tool's start and end.
    for (const tick of progress) {
      const at = events.indexOf(tick)
      const start = events.findIndex((e) => e.type === 'tool-start' && e.callId === tick.callId)
      const end = events.findIndex((e) => e.type === 'tool-end' && e.callId === tick.callId)
      expect(start).toBeLessThan(at)
      expect(at).toBeLessThan(end)
    }
    const ends = ofType(events, 'tool-end')
    expect(ends.map((e) => e.callId).sort()).toEqual(['call_1', 'call_2', 'call_3'])
  })
})

describe('text deltas', () => {
  it('turns each model text-delta into exactly one text-delta event, in order', async () => {
    const pieces = ['Hel', 'lo', '', ' wor', 'ld', '!']
    const model = createScriptedModel([textTurn(...pieces)])
    const events = await collect(new Agent({ model }).stream('hi'))
    const deltas = ofType(events, 'text-delta')
    expect(deltas.map((d) => d.text)).toEqual(pieces)
    expect(deltas.every((d) => d.turn === 1)).toBe(true)
    expect(ofType(events, 'run-end')[0]!.result.text).toBe('Hello world!')
  })

  it('passes a delta on before the model produces the next one', async () => {
    const gate = deferred<boolean>()
    let secondProduced = false
    const model: Model = {
      id: 'gated-stream',
      async *stream(): AsyncGenerator<ModelEvent> {
        yield { type: 'text-delta', text: 'first' }
        await gate.promise
        secondProduced = true
        yield { type: 'text-delta', text: 'second' }
        yield { type: 'finish', reason: 'stop' }
      },
    }
    const run = new Agent({ model }).stream('hi')[Symbol.asyncIterator]()
    let step = await run.next()
    while (!step.done && step.value.type !== 'text-delta') step = await run.next()
    expect(step.value).toMatchObject({ type: 'text-delta', text: 'first' })
    expect(secondProduced).toBe(false)
    gate.resolve(true)
    const rest = []
    for (step = await run.next(); !step.done; step = await run.next()) rest.push(step.value)
    expect(ofType(rest, 'text-delta').map((d) => d.text)).toEqual(['second'])
  })
})

describe('tool outputs', () => {
  async function outputOf(value: () => unknown, maxToolOutputChars?: number) {
    const tool = defineTool({ name: 'emit', description: 'x', input: z.object({}), run: value })
    const model = createScriptedModel([toolCallsTurn([{ name: 'emit', args: {} }]), textTurn('ok')])
    const agent = new Agent({ model, tools: [tool], ...(maxToolOutputChars !== undefined ? { maxToolOutputChars } : {}) })
    const events = await collect(agent.stream('go'))
    const end = ofType(events, 'tool-end')[0]!
    const sent = model.requests[1]!.messages[2]!.content[0]!
    if (sent.type !== 'tool-result') throw new Error('expected a tool-result')
    return { end, sent, result: ofType(events, 'run-end')[0]!.result }
  }

  it('sends objects as JSON and strings as they are', async () => {
    expect((await outputOf(() => ({ a: 1, b: [true] }))).sent.output).toBe('{"a":1,"b":[true]}')
    expect((await outputOf(() => 'plain')).sent.output).toBe('plain')
    expect((await outputOf(() => undefined)).sent).toMatchObject({ output: '', isError: false })
  })

  it('reports a BigInt result as an error the model can read', async () => {
    const { end, sent, result } = await outputOf(() => ({ n: 10n }))
    expect(end.status).toBe('error')
    expect(end.output).toMatch(/^Error: emit returned a value that cannot be sent to the model: /)
    expect(sent).toMatchObject({ isError: true, output: end.output })
    expect(result.stopReason).toBe('done')
  })

  it('reports a circular result as an error the model can read', async () => {
    const { end, sent } = await outputOf(() => {
      const loop: Record<string, unknown> = { name: 'loop' }
      loop['self'] = loop
      return loop
    })
    expect(end.status).toBe('error')
    expect(end.output).toMatch(/cannot be sent to the model/)
    expect(sent.isError).toBe(true)
  })

  it('reports a function result (no JSON form) as an error', async () => {
    const { end } = await outputOf(() => () => 1)
    expect(end.status).toBe('error')
    expect(end.output).toMatch(/has no JSON form/)
  })

  it('cuts a 1 MB output for the model with a notice, and keeps it whole in tool-end', async () => {
    const big = 'x'.repeat(1_000_000)
    const { end, sent } = await outputOf(() => big)
    expect(end.status).toBe('ok')
    expect(end.output).toBe(big)
    expect(sent.isError).toBe(false)
    expect(sent.output.length).toBeLessThan(big.length)
    expect(sent.output.startsWith('x'.repeat(100_000))).toBe(true)
    expect(sent.output).toMatch(/\[Output truncated for the model: showing 100,000 of 1,000,000 characters\.\]$/)
  })

  it('honours maxToolOutputChars', async () => {
    const { sent } = await outputOf(() => 'abcdefghij', 4)
    expect(sent.output.startsWith('abcd\n\n[Output truncated')).toBe(true)
    expect(sent.output).toMatch(/showing 4 of 10 characters/)
  })
})
