// What a run takes from the user's tool stores: the job gets headers (for the worker), the record
// never does; renamed tools are mapped back to their own names for the card.
import { beforeEach, describe, expect, it } from 'vitest'
import type { CustomToolDefinition } from '../../tools/custom/index.ts'
import { customToolsStore } from '../custom-tools.ts'
import { userToolsForRun } from '../run-tools.ts'
import { decodeFragment, encodeConfigLink, encodePermalink } from '../../runs/permalink.ts'
import { newRecord } from '../../runs/record.ts'
import type { RunConfig } from '../../runs/types.ts'
import { clearServerHeaders, setServerHeaders } from '../server-secrets.ts'
import { toolServersStore, type ToolServer } from '../tool-servers.ts'

const SECRET = 'sk-mcp-unit-secret-123'

const mock = (name: string, enabled = true): CustomToolDefinition => ({
  name, description: '', enabled, inputSchema: { type: 'object', properties: {} },
  impl: { kind: 'mock', delay: { kind: 'fixed', ms: 10 }, steps: [], output: 'ok', failureRate: 0 },
})

const server = (patch: Partial<ToolServer> = {}): ToolServer => ({
  id: 's1', url: `https://tools.example.com/mcp?key=${SECRET}`, name: 'Example', policy: 'ask', disabledTools: ['off'], status: 'connected',
  tools: [{ name: 'search', description: '', inputSchema: {} }, { name: 'off', description: '', inputSchema: {} }, { name: 'get weather', description: '', inputSchema: {} }],
  ...patch,
})

beforeEach(() => {
  customToolsStore.setState({ tools: [], loaded: true })
  toolServersStore.setState({ servers: [] })
  clearServerHeaders('s1')
})

describe('a run’s own tools', () => {
  it('nothing of the user’s: an empty job part and nothing in the record', async () => {
    expect(await userToolsForRun(['get_weather'])).toEqual({ sources: { mcpServers: [], customTools: [] }, config: {} })
  })

  it('the job carries the headers; the record keeps URL without query, names and definitions, never a secret', async () => {
    toolServersStore.setState({ servers: [server()] })
    setServerHeaders('s1', { Authorization: `Bearer ${SECRET}` }, false)
    customToolsStore.setState({ tools: [mock('api_fast'), mock('api_off', false)], loaded: true })
    const { sources, config } = await userToolsForRun(['get_weather'])
    expect(sources.mcpServers).toEqual([expect.objectContaining({ id: 's1', policy: 'ask', disabledTools: ['off'], headers: { Authorization: `Bearer ${SECRET}` } })])
    expect(sources.customTools.map((t) => t.name)).toEqual(['api_fast'])
    expect(config.mcpServers).toEqual([{ url: 'https://tools.example.com/mcp', name: 'Example' }])
    expect(config.customTools).toEqual([mock('api_fast')])
    expect(JSON.stringify(config)).not.toContain(SECRET)
    // "get weather" is not a valid name and "get_weather" is the demo's: the card shows the original.
    expect(config.toolNames).toEqual({ get_weather_2: 'get weather' })
  })

  it('a server whose last connection failed is left out of runs', async () => {
    toolServersStore.setState({ servers: [server({ status: 'error', error: 'down' })] })
    expect((await userToolsForRun([])).sources.mcpServers).toEqual([])
  })
})

describe('links keep a run’s own tools', () => {
  const config: RunConfig = {
    provider: 'local', model: 'lanes-local', executor: 'concurrent', toolPack: 'none', tools: [], maxTurns: 10, routingOnly: false,
    mcpServers: [{ url: 'https://tools.example.com/mcp', name: 'Example' }],
    customTools: [JSON.parse(JSON.stringify({ ...mock('doubler'), impl: { kind: 'code', body: 'return args.n * 2' } })) as Record<string, unknown>],
    toolNames: { get_weather_2: 'get weather' },
  }

  it('a setup link and a run link carry servers, definitions and renamed names; an old record without them still opens', async () => {
    const setup = await decodeFragment(await encodeConfigLink(config, { text: 'use doubler with n 2', attachments: [] }))
    expect(setup.ok && setup.kind === 'config' && setup.config).toMatchObject({ mcpServers: config.mcpServers, customTools: config.customTools, toolNames: config.toolNames })
    const run = await decodeFragment(await encodePermalink(newRecord(config, { text: 'x', attachments: [] })))
    expect(run.ok && run.kind === 'run' && run.record.config.customTools).toEqual(config.customTools)
    const { mcpServers: _m, customTools: _c, toolNames: _t, ...old } = config
    const plain = await decodeFragment(await encodePermalink(newRecord(old, { text: 'x', attachments: [] })))
    expect(plain.ok && plain.kind === 'run' && plain.record.config.customTools).toBeUndefined()
  })
})
