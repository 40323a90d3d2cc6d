// Cancellation seen from the server's side, headers, and isError, against an in-process SDK server.
import { afterEach, describe, expect, it } from 'vitest'
import { Agent, createScriptedModel, textTurn, toolCallsTurn, type AgentEvent } from '../../../core/index.ts'
import { connectMcpServer } from '../index.ts'
import { startSdkServer } from './servers.ts'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function setup(options: { requireToken?: string; headers?: Record<string, string> } = {}) {
  const server = await startSdkServer(options.requireToken !== undefined ? { requireToken: options.requireToken } : {})
  cleanups.push(() => server.close())
  const connection = await connectMcpServer({ url: server.url, ...(options.headers ? { headers: options.headers } : {}) })
  cleanups.push(() => connection.close())
  return { server, connection }
}

/** Resolves when `check` is true, polling the event loop (no fixed sleep). */
async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe('MCP calls and cancellation', () => {
  it('Stop sends notifications/cancelled and the server aborts the request', async () => {
    const { server, connection } = await setup()
    const model = createScriptedModel([toolCallsTurn([{ name: 'wait', args: { label: 'stopped' } }]), textTurn('done')])
    const controller = new AbortController()
    const events: AgentEvent[] = []
    for await (const event of new Agent({ model, tools: connection.tools }).stream('go', { signal: controller.signal })) {
      events.push(event)
      if (event.type === 'tool-progress') controller.abort()
    }
    expect(events.find((event) => event.type === 'tool-end')).toMatchObject({ status: 'aborted' })
    await until(() => server.log.cancelled.includes('stopped'))
  })

  it('the tool time limit cancels the call on the server too', async () => {
    const { server, connection } = await setup()
    const model = createScriptedModel([toolCallsTurn([{ name: 'wait', args: { label: 'timed-out' } }]), textTurn('done')])
    const result = await new Agent({ model, tools: connection.tools, toolTimeoutMs: 150 }).invoke('go')
    expect(result.toolCalls[0]!.status).toBe('timeout')
    await until(() => server.log.cancelled.includes('timed-out'))
  })

  it('progress with a total and a message becomes { message, fraction }', async () => {
    const { connection } = await setup()
    const model = createScriptedModel([toolCallsTurn([{ name: 'wait', args: { label: 'ticks' } }]), textTurn('done')])
    const controller = new AbortController()
    const ticks: unknown[] = []
    for await (const event of new Agent({ model, tools: connection.tools }).stream('go', { signal: controller.signal })) {
      if (event.type === 'tool-progress') ticks.push(event.progress)
      if (ticks.length === 2) controller.abort()
    }
    expect(ticks).toEqual([{ message: 'step 1', fraction: 0.001 }, { message: 'step 2', fraction: 0.002 }])
  })

  it('an isError result ends the call with status error and the server\'s words', async () => {
    const { connection } = await setup()
    const model = createScriptedModel([toolCallsTurn([{ name: 'fail', args: {} }, { name: 'instant', args: { n: 7 } }]), textTurn('done')])
    const result = await new Agent({ model, tools: connection.tools }).invoke('go')
    expect(result.toolCalls.map((call) => call.status)).toEqual(['error', 'ok'])
    const toolMessage = model.requests[1]!.messages.at(-1)!
    expect(toolMessage.content).toEqual([
      expect.objectContaining({ output: 'Error: The disk is full.', isError: true }),
      expect.objectContaining({ output: 'ok 7', isError: false }),
    ])
  })

  it('a token the server quotes back is scrubbed from progress, results and errors', async () => {
    const { connection } = await setup({ requireToken: 'tok-quoted-4711', headers: { Authorization: 'Bearer tok-quoted-4711' } })
    const model = createScriptedModel([toolCallsTurn([{ name: 'leak', args: { fail: false } }, { name: 'leak', args: { fail: true } }]), textTurn('done')])
    const events: AgentEvent[] = []
    for await (const event of new Agent({ model, tools: connection.tools }).stream('go')) events.push(event)
    const text = JSON.stringify(events)
    expect(text).not.toContain('tok-quoted-4711')
    expect(text).toContain('you sent ***')
    expect(text).toContain('checking ***')
    expect(events.filter((event) => event.type === 'tool-end').map((event) => event.type === 'tool-end' && event.status).sort()).toEqual(['error', 'ok'])
  })

  it('a server that went away: the call is an error saying so, in our words', async () => {
    const { server, connection } = await setup()
    await server.close()
    cleanups.shift()
    const model = createScriptedModel([toolCallsTurn([{ name: 'instant', args: { n: 1 } }]), textTurn('done')])
    const result = await new Agent({ model, tools: connection.tools }).invoke('go')
    expect(result.toolCalls[0]!.status).toBe('error')
    expect(model.requests[1]!.messages.at(-1)!.content[0]).toMatchObject({ output: 'Error: The MCP server did not answer instant. Check that it is still running.' })
  })

  it('close() ends the session on the server (DELETE)', async () => {
    const { server, connection } = await setup()
    expect(server.log.methods).not.toContain('DELETE')
    await connection.close()
    expect(server.log.methods.at(-1)).toBe('DELETE')
  })

  it('sends the configured headers with every request', async () => {
    const { server, connection } = await setup({ requireToken: 'tok-123', headers: { Authorization: 'Bearer tok-123' } })
    expect(connection.name).toBe('lanes-test-server')
    expect(connection.version).toBe('1.2.3')
    const result = await new Agent({ model: createScriptedModel([toolCallsTurn([{ name: 'instant', args: { n: 1 } }]), textTurn('ok')]), tools: connection.tools }).invoke('go')
    expect(result.toolCalls[0]!.status).toBe('ok')
    expect(server.log.authorization.length).toBeGreaterThan(2)
    expect(new Set(server.log.authorization)).toEqual(new Set(['Bearer tok-123']))
  })
})
