import type { ChatCompletionChunk } from 'openai/resources/chat/completions'
import { describe, expect, it } from 'vitest'
import { ChunkAccumulator } from '../chat-chunks.ts'
import { TextToolFilter } from '../openai-stream.ts'

type ToolDelta = NonNullable<ChatCompletionChunk.Choice.Delta['tool_calls']>[number]
const chunk = (delta: ChatCompletionChunk.Choice.Delta, finish: ChatCompletionChunk.Choice['finish_reason'] = null): ChatCompletionChunk =>
  ({ id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] })
const call = (fragment: ToolDelta): ChatCompletionChunk => chunk({ tool_calls: [fragment] })

describe('ChunkAccumulator', () => {
  it('joins fragments by index and parses the JSON at the end', () => {
    const acc = new ChunkAccumulator()
    acc.push(call({ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '' } }))
    acc.push(call({ index: 1, id: 'b', type: 'function', function: { name: 'g', arguments: '{"x"' } }))
    acc.push(call({ index: 0, function: { arguments: '{"y": 1}' } }))
    acc.push(call({ index: 1, function: { arguments: ': 2}' } }))
    acc.push(chunk({}, 'tool_calls'))
    expect(acc.finish()).toEqual([
      { type: 'tool-call', id: 'a', name: 'f', args: { y: 1 } },
      { type: 'tool-call', id: 'b', name: 'g', args: { x: 2 } },
      { type: 'finish', reason: 'tool_calls' },
    ])
  })

  it('starts a new call when a new id arrives at a used index (Ollama)', () => {
    const acc = new ChunkAccumulator()
    acc.push(call({ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '{"city":"Paris"}' } }))
    acc.push(call({ index: 0, id: 'b', type: 'function', function: { name: 'g', arguments: '{"tz":"CET"}' } }))
    const calls = acc.finish().filter((e) => e.type === 'tool-call')
    expect(calls).toEqual([
      { type: 'tool-call', id: 'a', name: 'f', args: { city: 'Paris' } },
      { type: 'tool-call', id: 'b', name: 'g', args: { tz: 'CET' } },
    ])
  })

  it('passes arguments that are not JSON on as the raw string', () => {
    const acc = new ChunkAccumulator()
    acc.push(call({ index: 0, id: 'a', type: 'function', function: { name: 'f', arguments: '{"city": ' } }))
    expect(acc.finish()[0]).toEqual({ type: 'tool-call', id: 'a', name: 'f', args: '{"city": ' })
  })

  it('streams text and reports usage from the usage chunk', () => {
    const acc = new ChunkAccumulator()
    expect(acc.push(chunk({ role: 'assistant', content: 'Hi' }))).toEqual([{ type: 'text-delta', text: 'Hi' }])
    acc.push({ ...chunk({}), choices: [], usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 } })
    expect(acc.finish()).toEqual([{ type: 'usage', inputTokens: 3, outputTokens: 4 }, { type: 'finish', reason: 'stop' }])
  })
})

describe('TextToolFilter', () => {
  it('streams ordinary lines and holds back call syntax', () => {
    const filter = new TextToolFilter(['get_weather'])
    let shown = ''
    for (const piece of ['Let me ', 'check.\nTOOL', '_CALL {"name": "get_weather", "arguments": {"city": "Oslo"}}\n']) shown += filter.push(piece)
    expect(shown).toBe('Let me check.\n')
    const { text, calls } = filter.finish()
    expect(text).toBe('')
    expect(calls).toMatchObject([{ type: 'tool-call', name: 'get_weather', args: { city: 'Oslo' } }])
  })

  it('returns held text when it held no valid call', () => {
    const filter = new TextToolFilter(['get_weather'])
    expect(filter.push('```js\nconsole.log(1)\n```')).toBe('')
    expect(filter.finish()).toEqual({ text: '```js\nconsole.log(1)\n```', calls: [] })
  })
})
