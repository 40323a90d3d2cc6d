// connectMcpServer against the official reference server, started on loopback for this file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Agent, createScriptedModel, textTurn, toolCallsTurn, type AgentEvent, type AgentEventOf } from '../../../core/index.ts'
import { connectMcpServer, isMcpContentData, type McpServerConnection } from '../index.ts'
import { originalNameOf } from '../../names.ts'
import { startEverythingServer, type Running } from './servers.ts'

let server: Running
let connection: McpServerConnection

beforeAll(async () => {
  server = await startEverythingServer()
  connection = await connectMcpServer({ url: server.url })
}, 30_000)

afterAll(async () => {
  await connection?.close()
  await server?.close()
})

async function runTool(name: string, args: unknown, options: { toolTimeoutMs?: number } = {}): Promise<AgentEvent[]> {
  const model = createScriptedModel([toolCallsTurn([{ name, args }]), textTurn('done')])
  const agent = new Agent({ model, tools: connection.tools, ...options })
  const events: AgentEvent[] = []
  for await (const event of agent.stream('go')) events.push(event)
  return events
}

const ofType = <K extends AgentEvent['type']>(events: AgentEvent[], type: K): AgentEventOf<K>[] =>
  events.filter((event): event is AgentEventOf<K> => event.type === type)

describe('connectMcpServer with server-everything', () => {
  it('lists the server, its version and its tools with their schemas', () => {
    expect(connection.name).toMatch(/everything/i)
    expect(connection.version).toMatch(/\d/)
    const names = connection.tools.map((tool) => tool.name)
    expect(names).toEqual(expect.arrayContaining(['echo', 'get-sum', 'get-tiny-image', 'trigger-long-running-operation']))
    const sum = connection.tools.find((tool) => tool.name === 'get-sum')!
    expect(sum.spec.inputSchema).toMatchObject({ type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } })
    expect(sum.description.length).toBeGreaterThan(0)
    for (const tool of connection.tools) expect(tool.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/)
  })

  it('runs a tool and gives its text to the model', async () => {
    const events = await runTool('get-sum', { a: 2, b: 3 })
    const end = ofType(events, 'tool-end')[0]!
    expect(end.status).toBe('ok')
    expect(end.output).toContain('5')
  })

  it('streams notifications/progress as ticks with the fraction of the total, in order', async () => {
    const events = await runTool('trigger-long-running-operation', { duration: 0.5, steps: 5 })
    const ticks = ofType(events, 'tool-progress').map((event) => event.progress)
    expect(ticks).toEqual([0.2, 0.4, 0.6, 0.8, 1].map((fraction) => ({ fraction })))
    const end = ofType(events, 'tool-end')[0]!
    expect(end.status).toBe('ok')
    expect(end.output).toContain('Long running operation completed')
  })

  it('keeps image content for the card and tells the model it exists', async () => {
    const events = await runTool('get-tiny-image', {})
    const end = ofType(events, 'tool-end')[0]!
    expect(end.status).toBe('ok')
    expect(end.output).toContain("Here's the image you requested:")
    expect(end.output).toMatch(/\[image image\/png, [\d.]+ KB: shown to the user/)
    expect(end.output).not.toContain('iVBORw0KGgo')
    const data = ofType(events, 'tool-progress').map((event) => typeof event.progress === 'object' ? event.progress.data : undefined).find(isMcpContentData)
    expect(data?.content).toEqual([{ type: 'image', mimeType: 'image/png', data: expect.stringMatching(/^iVBORw0KGgo/) }])
  })

  it('structured content passes its output schema (checked without eval) and is kept for the card', async () => {
    const events = await runTool('get-structured-content', { location: 'New York' })
    const end = ofType(events, 'tool-end')[0]!
    expect(end.status).toBe('ok')
    expect(JSON.parse(end.output)).toEqual({ temperature: 33, conditions: 'Cloudy', humidity: 82 })
    const data = ofType(events, 'tool-progress').map((event) => typeof event.progress === 'object' ? event.progress.data : undefined).find(isMcpContentData)
    expect(data).toEqual({ kind: 'mcp-content', content: [], structuredContent: { temperature: 33, conditions: 'Cloudy', humidity: 82 } })
  })

  it('ends an isError result as a tool error the model reads, and the run goes on', async () => {
    // The server validates arguments itself and answers a bad call with isError.
    const events = await runTool('get-sum', { a: 'two', b: 3 })
    const end = ofType(events, 'tool-end')[0]!
    expect(end.status).toBe('error')
    expect(end.output).toMatch(/^Error: .*(invalid|expected number)/i)
    expect(ofType(events, 'run-end')[0]!.result.stopReason).toBe('done')
  })

  it('Stop cancels a long call at once', async () => {
    const model = createScriptedModel([toolCallsTurn([{ name: 'trigger-long-running-operation', args: { duration: 30, steps: 300 } }]), textTurn('done')])
    const agent = new Agent({ model, tools: connection.tools })
    const controller = new AbortController()
    const events: AgentEvent[] = []
    let stoppedAt = 0
    for await (const event of agent.stream('go', { signal: controller.signal })) {
      events.push(event)
      if (event.type === 'tool-progress' && stoppedAt === 0) {
        stoppedAt = performance.now()
        controller.abort()
      }
    }
    expect(performance.now() - stoppedAt).toBeLessThan(1000)
    expect(ofType(events, 'tool-end')[0]!.status).toBe('aborted')
    // The connection still works after a cancelled call.
    const after = await runTool('get-sum', { a: 1, b: 1 })
    expect(ofType(after, 'tool-end')[0]!.output).toContain('2')
  })

  it('renames tools that clash with names already taken, keeping the original', async () => {
    const second = await connectMcpServer({ url: server.url, takenNames: ['echo', 'GET-SUM'] })
    try {
      const echo = second.tools.find((tool) => originalNameOf(tool) === 'echo')!
      const sum = second.tools.find((tool) => originalNameOf(tool) === 'get-sum')!
      expect(echo.name).toBe('echo_2')
      expect(sum.name).toBe('get-sum_2')
      expect(sum.spec.name).toBe('get-sum_2')
      // The server still receives its own name.
      const model = createScriptedModel([toolCallsTurn([{ name: 'get-sum_2', args: { a: 20, b: 22 } }]), textTurn('done')])
      const result = await new Agent({ model, tools: second.tools }).invoke('go')
      expect(result.toolCalls[0]!.status).toBe('ok')
      expect(model.requests[1]!.messages.at(-1)!.content[0]).toMatchObject({ type: 'tool-result', output: expect.stringContaining('42') })
    } finally {
      await second.close()
    }
  })
})
