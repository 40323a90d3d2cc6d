import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent, createScriptedModel, defineTool, textTurn, toolCallsTurn, type AgentEvent } from '../../core/index.ts'
import { conversationOf, messagesOf } from '../messages-of.ts'
import { recordOf } from './helpers.ts'

const weather = defineTool({
  name: 'get_weather', description: 'Weather of a city', input: z.object({ city: z.string() }),
  async *run({ city }) {
    yield `Looking up ${city}` // progress never reaches the conversation
    if (city === 'Atlantis') throw new Error('no such city')
    return `Sunny in ${city}`
  },
})

async function exchange(agent: Agent, prompt: string): Promise<AgentEvent[]> {
  const events: AgentEvent[] = []
  for await (const event of agent.stream(prompt)) events.push(event)
  return events
}

describe('messagesOf', () => {
  it('rebuilds exactly the messages the agent kept, over a conversation of three exchanges', async () => {
    const model = createScriptedModel([
      [...textTurn('Let me look. '), ...toolCallsTurn([{ name: 'get_weather', args: { city: 'Oslo' } }, { name: 'get_weather', args: { city: 'Atlantis' } }], 'a')],
      textTurn('Oslo is sunny; Atlantis is not a city.'),
      textTurn('You asked about Oslo.'),
      [...toolCallsTurn([{ name: 'get_weather', args: { city: 'Paris' } }], 'b')],
      textTurn('Paris too.'),
    ])
    const agent = new Agent({ model, tools: [weather] })
    const records = []
    for (const prompt of ['Weather in Oslo and Atlantis?', 'What did I ask?', 'And Paris?']) {
      records.push(recordOf(await exchange(agent, prompt), { input: { text: prompt, attachments: [] } }))
    }
    expect(conversationOf(records)).toEqual(agent.messages)
  })

  it('answers a call the run was stopped during, as the agent does', async () => {
    const hang = defineTool({
      name: 'hang', description: 'never ends', input: z.object({}),
      async *run(_args, { signal }) {
        yield 'waiting'
        await new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stopped'))))
        return 'never'
      },
    })
    const agent = new Agent({ model: createScriptedModel([toolCallsTurn([{ name: 'hang', args: {} }])]), tools: [hang] })
    const controller = new AbortController()
    const events: AgentEvent[] = []
    for await (const event of agent.stream('go', { signal: controller.signal })) {
      events.push(event)
      if (event.type === 'tool-start') controller.abort()
    }
    const rebuilt = messagesOf(recordOf(events, { input: { text: 'go', attachments: [] } }))
    expect(rebuilt.map((m) => m.role)).toEqual(agent.messages.map((m) => m.role))
    expect(rebuilt.at(-1)?.content[0]).toMatchObject({ type: 'tool-result', callId: 'call_1', isError: true })
  })

  it('names attachments it cannot send again', () => {
    const [user] = messagesOf({ input: { text: 'Total?', attachments: [{ name: 'receipt.png', mediaType: 'image/png', size: 10, hash: 'ab' }] }, events: [] })
    expect(user?.content).toEqual([{ type: 'text', text: 'Total?' }, { type: 'text', text: '[Attached earlier, not sent again: receipt.png]' }])
  })
})
