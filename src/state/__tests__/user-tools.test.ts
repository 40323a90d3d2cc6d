// The user's own tools in a run, through the same job runner the agent worker uses (in Node it
// runs on this thread): custom mocks named in a prompt, MCP tools from the official reference
// server, approval prompts answered in the page's store, and what the record keeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AgentEvent } from '../../core/index.ts'
import { unpackEvents, type PackedEvents } from '../../runs/packed-events.ts'
import { startEverythingServer, type Running } from '../../tools/mcp/__tests__/servers.ts'
import type { CustomToolDefinition } from '../../tools/custom/index.ts'
import { startJob } from '../agent-client.ts'
import { answerApproval, approvalsStore } from '../approvals.ts'
import { defaultSettings, type Settings } from '../settings.ts'
import { buildTools, type ToolSourcesJob } from '../tool-sources.ts'
import { recordableUrl } from '../run-tools.ts'
import { installToolBuilders, listServer } from '../worker-tools.ts'

// In Node the job runs on this thread; the worker would install these (agent-worker.ts).
installToolBuilders()

const fast: Settings = { ...defaultSettings, toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.01 } }

const shout: CustomToolDefinition = {
  name: 'shout', description: 'Says it louder.', enabled: true,
  inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
  impl: { kind: 'mock', delay: { kind: 'fixed', ms: 20 }, steps: ['warming up'], output: '{{text}}!!!', failureRate: 0 },
}

async function run(prompt: string, toolSources: ToolSourcesJob): Promise<AgentEvent[]> {
  const job = startJob({ settings: fast, executor: 'concurrent', parts: [{ type: 'text', text: prompt }], keys: {}, toolSources }, new AbortController().signal)
  await job.ready
  const events: AgentEvent[] = []
  for await (const batch of job.batches as AsyncIterable<PackedEvents>) events.push(...unpackEvents(batch))
  return events
}

const ends = (events: AgentEvent[]): Extract<AgentEvent, { type: 'tool-end' }>[] => events.filter((e): e is Extract<AgentEvent, { type: 'tool-end' }> => e.type === 'tool-end')

describe('custom tools in a run', () => {
  it('the offline model calls a mock tool the prompt names; its progress and templated output come through', async () => {
    const events = await run('use shout on hello', { mcpServers: [], customTools: [shout] })
    const start = events.find((e) => e.type === 'tool-start')
    expect(start?.type === 'tool-start' && start.args).toEqual({ text: 'hello' })
    expect(events.some((e) => e.type === 'tool-progress' && typeof e.progress === 'object' && e.progress.message === 'warming up')).toBe(true)
    expect(ends(events)[0]).toMatchObject({ status: 'ok', output: 'hello!!!' })
  })

  it('a disabled tool is not offered, and a clash with a demo tool is renamed with its original kept', async () => {
    const off = await buildTools([], { mcpServers: [], customTools: [{ ...shout, enabled: false }] }, undefined)
    expect(off.tools).toEqual([])
    const demo = (await buildTools([], { mcpServers: [], customTools: [{ ...shout, name: 'get weather!' }] }, undefined)).tools
    expect(demo.map((t) => t.name)).toEqual(['get_weather_'])
    expect((demo[0] as { originalName?: string }).originalName).toBe('get weather!')
  })
})

describe('MCP servers in a run', () => {
  let everything: Running
  beforeAll(async () => { everything = await startEverythingServer() })
  afterAll(async () => { await everything?.close() })

  const server = (policy: 'run' | 'ask' | 'never', disabledTools: string[] = []): ToolSourcesJob => ({
    mcpServers: [{ id: 's1', url: everything.url, name: 'everything', policy, disabledTools }], customTools: [],
  })

  it('calls a server tool named in the prompt', async () => {
    const events = await run('use echo on hello there', server('run'))
    expect(ends(events)[0]).toMatchObject({ name: 'echo', status: 'ok' })
    expect(ends(events)[0]?.output).toContain('hello there')
  })

  it('lists a server for the settings: name, version, tools with descriptions and schemas', async () => {
    const listing = await listServer(everything.url, undefined)
    expect(listing.ok && listing.name).toMatch(/everything/)
    const echo = listing.ok ? listing.tools.find((t) => t.name === 'echo') : undefined
    expect(echo).toMatchObject({ description: expect.stringMatching(/echo/i), inputSchema: expect.objectContaining({ type: 'object' }) })
    const down = await listServer('http://127.0.0.1:9/mcp', { Authorization: 'Bearer sk-never-shown' })
    expect(down.ok).toBe(false)
    expect(JSON.stringify(down)).not.toContain('sk-never-shown')
  })

  it('leaves switched-off tools out', async () => {
    const built = await buildTools([], server('run', ['echo']), undefined)
    expect(built.tools.map((t) => t.name)).not.toContain('echo')
    expect(built.tools.length).toBeGreaterThan(3)
    await built.close()
  })

  it('"ask": one call approved runs, one denied goes back to the model as an error it reads', async () => {
    const seen: number[] = []
    const calls: unknown[] = []
    const unsubscribe = approvalsStore.subscribe(({ pending }) => {
      for (const prompt of pending) {
        if (seen.includes(prompt.id)) continue
        seen.push(prompt.id)
        calls.push(prompt.call)
        // Answered from a later task, as a click would be: the first approved, the next denied.
        setTimeout(() => answerApproval(prompt.id, prompt.id === seen[0]), 0)
      }
    })
    try {
      const approved = await run('use echo on first', server('ask'))
      expect(ends(approved)[0]).toMatchObject({ status: 'ok' })
      const denied = await run('use echo on second', server('ask'))
      expect(ends(denied)[0]?.status).toBe('error')
      expect(ends(denied)[0]?.output).toMatch(/denied/)
      expect(seen).toHaveLength(2)
      expect(calls[0]).toMatchObject({ tool: 'echo', source: 'everything', args: { message: 'first' } })
      expect(approvalsStore.getState().pending).toEqual([])
    } finally {
      unsubscribe()
    }
  })

  it('"never" denies without asking', async () => {
    const events = await run('use echo on nope', server('never'))
    expect(ends(events)[0]?.status).toBe('error')
    expect(ends(events)[0]?.output).toMatch(/does not allow/)
  })

  it('a server that cannot be reached stops the run from starting, saying which and why', async () => {
    const job = startJob({ settings: fast, executor: 'concurrent', parts: [{ type: 'text', text: 'hi' }], keys: {}, toolSources: { mcpServers: [{ id: 'x', url: 'http://127.0.0.1:9/mcp', name: 'gone', policy: 'run', disabledTools: [], headers: { Authorization: 'Bearer sk-never-shown' } }], customTools: [] } }, new AbortController().signal)
    const error = await job.ready.then(() => undefined, (e: unknown) => e)
    expect(String(error)).toMatch(/tool server gone could not be reached/)
    expect(String(error)).not.toContain('sk-never-shown')
  })
})

describe('what a record keeps of a server', () => {
  it('the URL without its query or fragment (a token may ride there)', () => {
    expect(recordableUrl('https://tools.example.com/mcp?key=sk-secret#x')).toBe('https://tools.example.com/mcp')
  })
})
