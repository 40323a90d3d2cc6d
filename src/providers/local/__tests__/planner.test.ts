import { describe, expect, it } from 'vitest'
import type { Message, ModelRequest, ToolSpec } from '../../../core/index.ts'
import { requestedTokenCount } from '../answer.ts'
import { readConversation } from '../conversation.ts'
import { expressionOf } from '../nlu/arithmetic.ts'
import { extractCities, extractFiles } from '../nlu/slots.ts'
import { planStep } from '../planner.ts'
import type { Step } from '../plan-types.ts'
import { splitTokens } from '../tokens.ts'

const spec = (name: string): ToolSpec => ({ name, description: `${name} tool`, inputSchema: { type: 'object' } })
const ALL = ['get_weather', 'get_time', 'get_population', 'take_screenshot', 'compress_file', 'send_email', 'fetch_data',
  'process_dataset', 'download_file', 'process_file', 'write_report', 'search', 'slow_api', 'call_api', 'calculator',
  'sales_tool', 'support_tool', 'billing_tool']

function plan(prompt: string, tools: readonly string[] = ALL, after: Message[] = []): Step {
  const request: ModelRequest = { messages: [{ role: 'user', content: [{ type: 'text', text: prompt }] }, ...after], tools: tools.map(spec) }
  return planStep(request, readConversation(request))
}

/** The assistant and tool messages of one finished tool turn. */
function turn(calls: { name: string; args: unknown; output: string; isError?: boolean }[], id: string): Message[] {
  return [
    { role: 'assistant', content: calls.map((c, i) => ({ type: 'tool-call' as const, id: `${id}_${i}`, name: c.name, args: c.args })) },
    { role: 'tool', content: calls.map((c, i) => ({ type: 'tool-result' as const, callId: `${id}_${i}`, name: c.name, output: c.output, isError: c.isError ?? false })) },
  ]
}

const callsOf = (step: Step) => (step.kind === 'calls' ? step.calls : [])
const textOf = (step: Step) => (step.kind === 'answer' ? step.text : '')

describe('planner', () => {
  it('picks the right scenario from the full tool set', () => {
    expect(callsOf(plan("What's the weather in Paris?"))).toEqual([{ name: 'get_weather', args: { city: 'Paris' } }])
    expect(callsOf(plan('Process 30 records'))).toEqual([{ name: 'process_dataset', args: { records: 30 } }])
    expect(callsOf(plan('Calculate (35.24 + 3) * 2'))).toEqual([{ name: 'calculator', args: { expression: '(35.24 + 3) * 2' } }])
    expect(callsOf(plan('I was charged twice, please refund me'))[0]?.name).toBe('billing_tool')
  })

  it('asks about several cities in one turn and answers per city', () => {
    const first = plan('What is the weather and population in Seattle, Tokyo and New York?', ['get_weather', 'get_population'])
    expect(callsOf(first).map((c) => c.args)).toEqual([{ city: 'Seattle' }, { city: 'Seattle' }, { city: 'Tokyo' }, { city: 'Tokyo' }, { city: 'New York' }, { city: 'New York' }])
    const results = callsOf(first).map((c) => ({ ...c, output: c.name === 'get_weather' ? `Weather in ${String((c.args as { city: string }).city)}: Sunny, 72°F` : `Population of ${String((c.args as { city: string }).city)}: ~1.5 million` }))
    const answer = textOf(plan('What is the weather and population in Seattle, Tokyo and New York?', ['get_weather', 'get_population'], turn(results, 'a')))
    expect(answer).toContain('- **Tokyo**: In Tokyo, the weather is Sunny, 72°F. The population is ~1.5 million.')
  })

  it('calls only the offered tools and says which were switched off', () => {
    const prompt = "What's the weather, time, and population in Seattle?"
    const first = plan(prompt, ['get_weather', 'get_time'])
    expect(callsOf(first).map((c) => c.name)).toEqual(['get_weather', 'get_time'])
    const answer = textOf(plan(prompt, ['get_weather', 'get_time'], turn([
      { name: 'get_weather', args: { city: 'Seattle' }, output: 'Weather in Seattle: Sunny, 72°F' },
      { name: 'get_time', args: { city: 'Seattle' }, output: 'Time in Seattle: 2:30 PM' },
    ], 'a')))
    expect(answer).toContain('In Seattle, the weather is Sunny, 72°F. The current time is 2:30 PM.')
    expect(answer).toContain('`get_population` is switched off')
  })

  it('stops a dependent workflow when a step fails', () => {
    const prompt = 'Take a screenshot named report.png, compress it, then email the compressed file to boss@company.com'
    const answer = textOf(plan(prompt, ALL, turn([{ name: 'take_screenshot', args: { filename: 'report.png' }, output: 'Error: disk full', isError: true }], 'a')))
    expect(answer).toContain('I stopped the workflow because `take_screenshot` failed')
  })

  it('skips a switched-off step and keeps the chain going with the last file', () => {
    const prompt = 'Take a screenshot named report.png, compress it, then email the compressed file to boss@company.com'
    const step = plan(prompt, ['take_screenshot', 'send_email'], turn([{ name: 'take_screenshot', args: { filename: 'report.png' }, output: 'Screenshot saved to report.png' }], 'a'))
    expect(callsOf(step)).toEqual([{ name: 'send_email', args: { recipient: 'boss@company.com', attachment: 'report.png' } }])
  })

  it('follows exactly the steps the prompt asked for, each on the previous result', () => {
    const prompt = 'take a screen shot called q3.png, compress it and send it to cfo@acme.io'
    const shot = turn([{ name: 'take_screenshot', args: { filename: 'q3.png' }, output: 'Screenshot saved to q3.png' }], 'a')
    expect(callsOf(plan(prompt, ALL, shot))).toEqual([{ name: 'compress_file', args: { filename: 'q3.png' } }])
    const zipped = [...shot, ...turn([{ name: 'compress_file', args: { filename: 'q3.png' }, output: 'Compressed q3.png to q3.zip' }], 'b')]
    expect(callsOf(plan(prompt, ALL, zipped))).toEqual([{ name: 'send_email', args: { recipient: 'cfo@acme.io', attachment: 'q3.zip' } }])
    // No compress step when the prompt asks for none.
    const noZip = 'take a screenshot called a.png and email it to me@x.io'
    const taken = turn([{ name: 'take_screenshot', args: { filename: 'a.png' }, output: 'Screenshot saved to a.png' }], 'a')
    expect(callsOf(plan(noZip, ALL, taken))).toEqual([{ name: 'send_email', args: { recipient: 'me@x.io', attachment: 'a.png' } }])
  })

  it('plays two requests in one prompt: their calls in one turn, then one answer for both', () => {
    const prompt = 'process 50 records and then tell me the weather in Oslo'
    const first = callsOf(plan(prompt))
    expect(first).toEqual([{ name: 'process_dataset', args: { records: 50 } }, { name: 'get_weather', args: { city: 'Oslo' } }])
    const answer = textOf(plan(prompt, ALL, turn([
      { name: 'process_dataset', args: { records: 50 }, output: '✓ Completed 50 records in 5.0s' },
      { name: 'get_weather', args: { city: 'Oslo' }, output: 'Weather in Oslo: Sunny, 72°F' },
    ], 'a')))
    expect(answer).toContain('I have successfully processed 50 records in 5.0 seconds')
    expect(answer).toContain('In Oslo, the weather is Sunny, 72°F.')
  })

  it('a short reply to its question completes the request it asked about', () => {
    const getSum: ToolSpec = { name: 'get-sum', description: 'Adds', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] } }
    const ask = (...texts: string[]): Step => {
      const messages: Message[] = texts.map((text, i) => ({ role: i % 2 === 0 ? 'user' : 'assistant', content: [{ type: 'text', text }] }))
      const request: ModelRequest = { messages, tools: [...ALL.map(spec), getSum] }
      return planStep(request, readConversation(request))
    }
    expect(textOf(ask("What's the weather like?"))).toBe('Which city?')
    expect(callsOf(ask("What's the weather like?", 'Which city?', 'Reykjavik'))).toEqual([{ name: 'get_weather', args: { city: 'Reykjavik' } }])
    expect(callsOf(ask('process some records', 'How many records should I process?', 'thirty'))).toEqual([{ name: 'process_dataset', args: { records: 30 } }])
    expect(callsOf(ask('take a screenshot and email it to a@b.io', 'What should I name the screenshot (for example report.png)?', 'q3.png'))).toEqual([{ name: 'take_screenshot', args: { filename: 'q3.png' } }])
    expect(textOf(ask('call get-sum'))).toBe('What should `a` and `b` be for `get-sum`?')
    expect(callsOf(ask('call get-sum', 'What should `a` and `b` be for `get-sum`?', '2 and 3'))).toEqual([{ name: 'get-sum', args: { a: 2, b: 3 } }])
    // Two questions in a row: each reply adds to the request.
    expect(callsOf(ask('call get-sum', 'What should `a` and `b` be for `get-sum`?', '2', 'What should `b` be for `get-sum`?', '5'))).toEqual([{ name: 'get-sum', args: { a: 2, b: 5 } }])
    // A new request is not glued to the old one.
    expect(callsOf(ask("What's the weather like?", 'Which city?', 'Fetch data from API-A, API-B, and API-C and then compare them all please'))).toEqual(
      ['API-A', 'API-B', 'API-C'].map((source) => ({ name: 'fetch_data', args: { source } })),
    )
  })

  it('answers with the result of a tool it called by name', () => {
    const shout: ToolSpec = { name: 'shout', description: 'Upper-cases text', inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } }
    const request: ModelRequest = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'use shout on hello' }] }, ...turn([{ name: 'shout', args: { text: 'hello' }, output: 'HELLO' }], 'a')],
      tools: [shout],
    }
    expect(textOf(planStep(request, readConversation(request)))).toBe('`shout` returned:\n\nHELLO')
  })

  it('greets, thanks and lists capabilities without tools', () => {
    expect(textOf(plan('hello'))).toContain("Hi! I'm the offline demo model")
    expect(textOf(plan('Thanks!'))).toContain("You're welcome")
    expect(textOf(plan('Fetch data from A and B', []))).toContain('`fetch_data` for this, but it is switched off')
  })
})

describe('prompt readers', () => {
  it('reads cities, files, expressions and token counts', () => {
    expect(extractCities('population of San Francisco')).toEqual(['San Francisco'])
    expect(extractCities('weather in seattle')).toEqual(['Seattle'])
    expect(extractFiles('Download https://x.com/a.zip, b.pdf and c.csv (5 MB)')).toEqual(['https://x.com/a.zip', 'b.pdf', 'c.csv'])
    expect(expressionOf('what is 12 x 3 + 1?')).toBe('12 * 3 + 1')
    expect(expressionOf('what is the time?')).toBeUndefined()
    expect(requestedTokenCount('write 100000 tokens')).toBe(100_000)
    expect(requestedTokenCount('stream a long answer of 2k tokens')).toBe(2_000)
    expect(requestedTokenCount('how many tokens is this')).toBeUndefined()
  })

  it('splits text into pieces that join back exactly', () => {
    const text = 'Hello, world!\n\n- **API-A**: Data from API-A: [sample data] ~1.5 million — ok.  '
    const pieces = splitTokens(text)
    expect(pieces.join('')).toBe(text)
    expect(pieces.slice(0, 4)).toEqual(['Hello', ',', ' world', '!'])
  })
})
