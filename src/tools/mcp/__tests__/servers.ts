// Test servers on loopback: the official reference server (server-everything, in its own
// process, as users run it) and a small in-process SDK server whose tools can observe
// cancellation from the server's side.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { z } from 'zod'

export interface Running {
  url: string
  close(): Promise<void>
}

/** A free loopback port (the OS picks it; the server takes it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** `@modelcontextprotocol/server-everything` over Streamable HTTP, on a free port. */
export async function startEverythingServer(): Promise<Running> {
  const entry = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/dist/index.js')
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [entry, 'streamableHttp'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  await new Promise<void>((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`server-everything did not start: ${output}`)), 15_000)
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('listening on port')) {
        clearTimeout(timer)
        resolve()
      }
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server-everything exited with ${code}: ${output}`))
    })
  })
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    }),
  }
}

/** What the in-process server saw. */
export interface ServerLog {
  /** Tool calls whose request signal aborted on the server (notifications/cancelled arrived). */
  cancelled: string[]
  /** Authorization headers of every request. */
  authorization: (string | undefined)[]
  /** HTTP methods of every request, in order. */
  methods: string[]
}

/**
 * An SDK server with `wait` (sleeps until cancelled, ticking progress with a total), `instant`
 * (answers at once), `fail` (an isError result) and `leak` (quotes the token back). One session
 * at a time, enough for a test.
 */
export async function startSdkServer(options: { requireToken?: string } = {}): Promise<Running & { log: ServerLog }> {
  const log: ServerLog = { cancelled: [], authorization: [], methods: [] }
  const mcp = new McpServer({ name: 'lanes-test-server', version: '1.2.3' })
  mcp.registerTool('wait', { description: 'Waits until cancelled.', inputSchema: { label: z.string() } }, async ({ label }, extra) => {
    const token = extra._meta?.progressToken
    for (let step = 1; !extra.signal.aborted; step++) {
      if (token !== undefined) {
        await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: step, total: 1000, message: `step ${step}` } })
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    log.cancelled.push(label)
    return { content: [{ type: 'text', text: 'cancelled' }] }
  })
  mcp.registerTool('instant', { description: 'Answers at once.', inputSchema: { n: z.number() } }, async ({ n }) => ({
    content: [{ type: 'text', text: `ok ${n}` }],
  }))
  mcp.registerTool('fail', { description: 'Always fails.', inputSchema: {} }, async () => ({
    content: [{ type: 'text', text: 'The disk is full.' }], isError: true,
  }))
  // A careless server that quotes the request's Authorization header back, in progress, in a
  // result and in an error: the client must scrub it.
  mcp.registerTool('leak', { description: 'Quotes your token.', inputSchema: { fail: z.boolean() } }, async ({ fail }, extra) => {
    const auth = String(extra.requestInfo?.headers.authorization ?? '')
    const token = extra._meta?.progressToken
    if (token !== undefined) await extra.sendNotification({ method: 'notifications/progress', params: { progressToken: token, progress: 1, message: `checking ${auth}` } })
    return { content: [{ type: 'text', text: `you sent ${auth}` }], ...(fail ? { isError: true } : {}) }
  })
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID() })
  await mcp.connect(transport)
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    log.authorization.push(req.headers.authorization)
    log.methods.push(req.method ?? '')
    if (options.requireToken !== undefined && req.headers.authorization !== `Bearer ${options.requireToken}`) {
      res.writeHead(401, { 'content-type': 'text/plain' }).end(`Unauthorized: got ${req.headers.authorization ?? 'nothing'}`)
      return
    }
    void transport.handleRequest(req, res)
  })
  return { ...(await listen(http, '/mcp')), log }
}

/** A plain HTTP server answering every request with the given status, type and body. */
export async function startPlainServer(status: number, contentType: string, body: string): Promise<Running> {
  return listen(createServer((_req, res) => res.writeHead(status, { 'content-type': contentType }).end(body)), '/mcp')
}

async function listen(http: Server, path: string): Promise<Running> {
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections()
      http.close(() => resolve())
    }),
  }
}
