// Connection failures say why, and never quote a header or token.
import { afterEach, describe, expect, it } from 'vitest'
import { connectMcpServer, McpConnectError, type McpFailureKind } from '../index.ts'
import { freePort, startPlainServer, startSdkServer, type Running } from './servers.ts'

const servers: Running[] = []
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close()
})

const SECRET = 'sk-live-SECRET-9f8e7d'

async function failure(url: string, headers: Record<string, string> = { Authorization: `Bearer ${SECRET}` }): Promise<McpConnectError> {
  const error: unknown = await connectMcpServer({ url, headers }).then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(McpConnectError)
  const connectError = error as McpConnectError
  expect(connectError.message).not.toContain(SECRET)
  expect(JSON.stringify(connectError)).not.toContain(SECRET)
  return connectError
}

async function kindFor(status: number, type: string, body: string): Promise<McpFailureKind> {
  const server = await startPlainServer(status, type, body)
  servers.push(server)
  return (await failure(server.url)).kind
}

describe('connectMcpServer failures', () => {
  it('nothing listening: "down", with the address to check', async () => {
    const port = await freePort()
    const error = await failure(`http://127.0.0.1:${port}/mcp`)
    expect(error.kind).toBe('down')
    expect(error.message).toContain(`http://127.0.0.1:${port}/mcp`)
    expect(error.message).toMatch(/running/)
  })

  it('a 404 or 405 is a wrong URL', async () => {
    expect(await kindFor(404, 'text/html', '<h1>Not found</h1>')).toBe('not-found')
    expect(await kindFor(405, 'text/plain', 'Method not allowed')).toBe('not-found')
  })

  it('a page or an API that is not MCP is "not-mcp"', async () => {
    expect(await kindFor(200, 'text/html', '<html>hello</html>')).toBe('not-mcp')
    expect(await kindFor(200, 'application/json', '{"hello":"world"}')).toBe('not-mcp')
  })

  it('401/403 ask for the token; 5xx blames the server; neither quotes what the server echoed', async () => {
    // These servers echo the request's token in their reply: the message must not repeat it.
    expect(await kindFor(401, 'text/plain', `bad token Bearer ${SECRET}`)).toBe('unauthorized')
    expect(await kindFor(403, 'text/plain', `forbidden ${SECRET}`)).toBe('unauthorized')
    expect(await kindFor(500, 'text/plain', `crash with ${SECRET}`)).toBe('server-error')
  })

  it('a wrong token against a real MCP server is "unauthorized"', async () => {
    const server = await startSdkServer({ requireToken: 'right' })
    servers.push(server)
    const error = await failure(server.url)
    expect(error.kind).toBe('unauthorized')
    expect(error.message).toMatch(/token or headers/)
  })

  it('bad URLs are refused before any request; a query string never shows', async () => {
    expect((await failure('not a url')).kind).toBe('bad-url')
    expect((await failure('ftp://example.com/mcp')).kind).toBe('bad-url')
    const blocked = await failure('http://example.com/mcp?key=abc')
    expect(blocked.kind).toBe('blocked')
    expect(blocked.message).toMatch(/https/)
    const port = await freePort()
    expect((await failure(`http://localhost:${port}/mcp?token=${SECRET}`)).message).not.toContain('token=')
  })

  it('an abort while connecting rejects with the abort reason', async () => {
    const server = await startSdkServer()
    servers.push(server)
    const controller = new AbortController()
    controller.abort(new Error('user left'))
    await expect(connectMcpServer({ url: server.url, signal: controller.signal })).rejects.toThrow('user left')
  })
})
