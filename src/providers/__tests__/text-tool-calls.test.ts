// Tool calls written as text (for models without native tool calling): fenced JSON blocks and
// TOOL_CALL lines, several per message, unknown names left alone, the remaining text cleaned.
import { describe, expect, it } from 'vitest'
import { parseTextToolCalls, textToolInstructions } from '../text-tool-calls.ts'

describe('parseTextToolCalls', () => {
  it('reads a fenced ```json block and removes it from the text', () => {
    const text = 'Let me look that up.\n\n```json\n{"tool": "get_weather", "arguments": {"city": "Paris"}}\n```\n'
    expect(parseTextToolCalls(text)).toEqual({
      text: 'Let me look that up.',
      calls: [{ name: 'get_weather', args: { city: 'Paris' } }],
    })
  })

  it('reads TOOL_CALL lines, with or without a colon', () => {
    const text = [
      'Checking both.',
      'TOOL_CALL {"name": "get_weather", "args": {"city": "Oslo"}}',
      '  TOOL_CALL: {"name": "get_time", "arguments": {"tz": "Europe/Oslo"}}',
      'Back soon.',
    ].join('\n')
    expect(parseTextToolCalls(text)).toEqual({
      text: 'Checking both.\n\nBack soon.',
      calls: [
        { name: 'get_weather', args: { city: 'Oslo' } },
        { name: 'get_time', args: { tz: 'Europe/Oslo' } },
      ],
    })
  })

  it('reads several calls of both forms in one message, fences first', () => {
    const text = [
      'TOOL_CALL {"name": "a", "args": {"n": 1}}',
      '```json',
      '{"name": "b", "parameters": {"n": 2}}',
      '```',
      '```',
      '{"tool_name": "c", "input": {"n": 3}}',
      '```',
    ].join('\n')
    const parsed = parseTextToolCalls(text)
    expect(parsed.calls).toEqual([
      { name: 'b', args: { n: 2 } },
      { name: 'c', args: { n: 3 } },
      { name: 'a', args: { n: 1 } },
    ])
    expect(parsed.text).toBe('')
  })

  it('ignores calls to unknown tools when the known names are given, leaving their text', () => {
    const text = 'TOOL_CALL {"name": "rm_rf", "args": {}}\nTOOL_CALL {"name": "get_weather", "args": {"city": "Rome"}}'
    const parsed = parseTextToolCalls(text, ['get_weather'])
    expect(parsed.calls).toEqual([{ name: 'get_weather', args: { city: 'Rome' } }])
    expect(parsed.text).toBe('TOOL_CALL {"name": "rm_rf", "args": {}}')
  })

  it('takes any name when no known list is given', () => {
    expect(parseTextToolCalls('TOOL_CALL {"name": "anything"}').calls).toEqual([{ name: 'anything', args: {} }])
  })

  it('parses string arguments that hold JSON, and keeps other strings', () => {
    const parsed = parseTextToolCalls('TOOL_CALL {"name": "a", "arguments": "{\\"x\\": 1}"}\nTOOL_CALL {"name": "b", "arguments": "raw"}')
    expect(parsed.calls).toEqual([{ name: 'a', args: { x: 1 } }, { name: 'b', args: 'raw' }])
  })

  it('leaves code blocks that are not tool calls, and broken JSON, in the text', () => {
    const text = 'Example:\n```json\n{"city": "Paris"}\n```\nTOOL_CALL {"name": broken}\n```json\n[1, 2]\n```'
    const parsed = parseTextToolCalls(text)
    expect(parsed.calls).toEqual([])
    expect(parsed.text).toBe(text)
  })

  it('collapses the blank lines left behind', () => {
    const text = 'Before.\n\n\nTOOL_CALL {"name": "a", "args": {}}\n\n\n\nAfter.'
    expect(parseTextToolCalls(text).text).toBe('Before.\n\nAfter.')
  })
})

describe('textToolInstructions', () => {
  it('lists every tool with its schema and the TOOL_CALL form, which the parser reads back', () => {
    const note = textToolInstructions([{ name: 'get_weather', description: 'Weather for a city.', inputSchema: { type: 'object' } }])
    expect(note).toContain('- get_weather: Weather for a city.')
    expect(note).toContain('input schema: {"type":"object"}')
    const example = note.split('\n').find((line) => line.startsWith('TOOL_CALL'))!
    const filled = example.replace('<tool name>', 'get_weather').replace('{ ... }', '{"city": "Lima"}')
    expect(parseTextToolCalls(filled, ['get_weather']).calls).toEqual([{ name: 'get_weather', args: { city: 'Lima' } }])
  })
})
