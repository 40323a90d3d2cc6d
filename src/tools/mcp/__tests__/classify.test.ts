// The failure classifier, with the browser's view injected: a CORS block and a dead server both
// reach the page as the same opaque TypeError; only a no-cors probe tells them apart.
import { describe, expect, it, vi } from 'vitest'
import { classifyConnectError, CORS_HELP, McpConnectError } from '../errors.ts'
import { splitResult } from '../content.ts'
import { toProgress } from '../mcp-tool.ts'

const url = 'https://tools.example.com/mcp?token=abc'
const page = { url, pageOrigin: 'https://lanes.example.org' }
const opaque = new TypeError('Failed to fetch')

describe('classifyConnectError', () => {
  it('cross-origin, network error, probe reaches the server: CORS, naming every header', async () => {
    const error = await classifyConnectError(opaque, { ...page, probe: async () => true })
    expect(error.kind).toBe('cors')
    for (const header of ['Access-Control-Allow-Origin', 'Mcp-Session-Id', 'mcp-protocol-version', 'mcp-session-id', 'authorization']) {
      expect(error.message).toContain(header)
    }
    expect(error.message).toContain('https://tools.example.com/mcp')
    expect(error.message).not.toContain('token=abc')
  })

  it('probe fails too: down, mentioning CORS as the other possibility', async () => {
    const error = await classifyConnectError(opaque, { ...page, probe: async () => false })
    expect(error.kind).toBe('down')
    expect(error.message).toContain(CORS_HELP)
  })

  it('a probe that throws counts as unreachable', async () => {
    const error = await classifyConnectError(opaque, { ...page, probe: () => Promise.reject(new TypeError('x')) })
    expect(error.kind).toBe('down')
  })

  it('same origin (or no page): never CORS, and no probe is sent', async () => {
    const probe = vi.fn(async () => true)
    expect((await classifyConnectError(opaque, { url, pageOrigin: 'https://tools.example.com', probe })).kind).toBe('down')
    expect((await classifyConnectError(opaque, { url, probe })).kind).toBe('down')
    expect(probe).not.toHaveBeenCalled()
  })

  it('HTTP statuses map to what the user should fix', async () => {
    const statusOf = (error: unknown) => (error as { status?: number }).status
    const kind = async (status: number) => (await classifyConnectError({ status }, { url, statusOf })).kind
    expect(await kind(401)).toBe('unauthorized')
    expect(await kind(403)).toBe('unauthorized')
    expect(await kind(404)).toBe('not-found')
    expect(await kind(405)).toBe('not-found')
    expect(await kind(502)).toBe('server-error')
    expect(await kind(-1)).toBe('not-mcp')
    expect(await kind(400)).toBe('not-mcp')
  })

  it('passes an McpConnectError through; unknown failures are "protocol"', async () => {
    const given = new McpConnectError('blocked', 'x')
    expect(await classifyConnectError(given, { url })).toBe(given)
    expect((await classifyConnectError(new Error('weird'), { url })).kind).toBe('protocol')
    expect((await classifyConnectError(new SyntaxError('Unexpected token <'), { url })).kind).toBe('not-mcp')
  })
})

describe('MCP content and progress', () => {
  it('text goes to the model; image, audio and resources are kept for display', () => {
    const image = { type: 'image', data: 'AAAA', mimeType: 'image/png' }
    const link = { type: 'resource_link', uri: 'file:///a.txt', name: 'a.txt' }
    const embedded = { type: 'resource', resource: { uri: 'mem://x', text: 'inner text' } }
    const blob = { type: 'resource', resource: { uri: 'mem://y', mimeType: 'application/zip', blob: 'UEsDBA==' } }
    const split = splitResult([{ type: 'text', text: 'hello' }, image, link, embedded, blob])
    expect(split.text.split('\n')).toEqual([
      'hello',
      '[image image/png, 3 B: shown to the user, not sent to you]',
      '[resource link: a.txt file:///a.txt]',
      '[resource mem://x]', 'inner text',
      '[resource mem://y (application/zip): shown to the user, not sent to you]',
    ])
    expect(split.display).toEqual({ kind: 'mcp-content', content: [image, link, embedded, blob] })
  })

  it('text only: nothing kept; structured content only: its JSON is the text', () => {
    expect(splitResult([{ type: 'text', text: 'a' }, { type: 'text', text: 'b' }])).toEqual({ text: 'a\nb' })
    expect(splitResult([], { temperature: 21 })).toEqual({ text: '{"temperature":21}', display: { kind: 'mcp-content', content: [], structuredContent: { temperature: 21 } } })
  })

  it('a fraction only when the server sends a total', () => {
    expect(toProgress({ progress: 3, total: 4 })).toEqual({ fraction: 0.75 })
    expect(toProgress({ progress: 3, total: 4, message: 'm' })).toEqual({ message: 'm', fraction: 0.75 })
    expect(toProgress({ progress: 3, message: 'm' })).toEqual({ message: 'm' })
    expect(toProgress({ progress: 3 })).toEqual({ message: 'Progress: 3' })
    expect(toProgress({ progress: 9, total: 4 })).toEqual({ fraction: 1 })
    expect(toProgress({ progress: 1, total: 0 })).toEqual({ message: 'Progress: 1' })
  })
})
