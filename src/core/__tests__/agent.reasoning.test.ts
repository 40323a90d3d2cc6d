// Thinking, refusals and usage details through the agent loop (design.md "Additions for real models").
import { describe, expect, it } from 'vitest'
import { Agent } from '../agent.ts'
import { createScriptedModel, textTurn } from '../scripted-model.ts'
import type { ModelEvent } from '../types.ts'
import { echoTool, ofType } from './helpers.ts'

const thinkingTurn: ModelEvent[] = [
  { type: 'reasoning-delta', text: 'The user wants ' },
  { type: 'reasoning-delta', text: 'an echo.' },
  { type: 'reasoning-end', signature: 'sig-1' },
  { type: 'reasoning-end', data: 'opaque-redacted' },
  { type: 'text-delta', text: 'Echoing.' },
  { type: 'tool-call', id: 'c1', name: 'echo', args: { text: 'hi' } },
  { type: 'usage', inputTokens: 100, outputTokens: 40, reasoningTokens: 30, cacheReadTokens: 80, cacheWriteTokens: 20 },
  { type: 'finish', reason: 'tool_use' },
]

describe('reasoning', () => {
  it('streams as reasoning-delta events and goes back in the assistant message, signed, before text and calls', async () => {
    const model = createScriptedModel([thinkingTurn, [{ type: 'reasoning-delta', text: 'Done.' }, ...textTurn('hi')]], { id: 'anthropic:claude' })
    const events = []
    for await (const event of new Agent({ model, tools: [echoTool] }).stream('echo hi')) events.push(event)
    expect(ofType(events, 'reasoning-delta').map((e) => [e.turn, e.text])).toEqual([[1, 'The user wants '], [1, 'an echo.'], [2, 'Done.']])
    const assistant = model.requests[1]!.messages[1]!
    expect(assistant).toEqual({
      role: 'assistant',
      content: [
        { type: 'reasoning', text: 'The user wants an echo.', signature: 'sig-1', provider: 'anthropic:claude' },
        { type: 'reasoning', text: '', data: 'opaque-redacted', provider: 'anthropic:claude' },
        { type: 'text', text: 'Echoing.' },
        { type: 'tool-call', id: 'c1', name: 'echo', args: { text: 'hi' } },
      ],
    })
  })

  it('sums usage details across turns, in model-end and in the result', async () => {
    const model = createScriptedModel([thinkingTurn, [{ type: 'usage', inputTokens: 150, outputTokens: 10, cacheReadTokens: 100 }, ...textTurn('ok')]])
    const events = []
    for await (const event of new Agent({ model, tools: [echoTool] }).stream('go')) events.push(event)
    expect(ofType(events, 'model-end')[0]!.usage).toEqual({ inputTokens: 100, outputTokens: 40, reasoningTokens: 30, cacheReadTokens: 80, cacheWriteTokens: 20 })
    const end = ofType(events, 'run-end')[0]!
    expect(end.result.usage).toEqual({ inputTokens: 250, outputTokens: 50, reasoningTokens: 30, cacheReadTokens: 180, cacheWriteTokens: 20 })
  })

  it('passes a refusal through as the model turn\'s finish, with its text', async () => {
    const model = createScriptedModel([[{ type: 'text-delta', text: "I can't help with that." }, { type: 'finish', reason: 'refusal' }]])
    const events = []
    for await (const event of new Agent({ model }).stream('something bad')) events.push(event)
    expect(ofType(events, 'model-end')[0]).toMatchObject({ finish: 'refusal' })
    expect(ofType(events, 'run-end')[0]!.result.text).toBe("I can't help with that.")
  })
})
