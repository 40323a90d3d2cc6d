// Serves the mock handler over Node's http on 127.0.0.1. A body that errors on purpose (the
// `fault-cut` scenario) destroys the socket, which is what a dropped connection looks like.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createMockHandler, type RecordedRequest } from './handler.ts'

/** A running mock server. `url` has no trailing slash, e.g. http://127.0.0.1:8787. */
export interface MockServer {
  url: string
  close(): Promise<void>
  requests(): RecordedRequest[]
  reset(): void
}

/** Start the mock provider; port 0 (the default) picks a free one. */
export async function startMockServer(options: { port?: number } = {}): Promise<MockServer> {
  const mock = createMockHandler()
  const server = createServer((req, res) => {
    void serve(mock.handle, req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests: mock.requests,
    reset: mock.reset,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

async function serve(handle: (request: Request) => Promise<Response>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const headers = new Headers()
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value)
      else if (Array.isArray(value)) headers.set(name, value.join(', '))
    }
    const method = req.method ?? 'GET'
    const body = method === 'GET' || method === 'HEAD' || chunks.length === 0 ? null : Buffer.concat(chunks)
    const response = await handle(new Request(`http://127.0.0.1${req.url ?? '/'}`, { method, headers, body }))
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.flushHeaders()
    if (!response.body) {
      res.end()
      return
    }
    const reader = response.body.getReader()
    let closed = false
    let wakeWriter: (() => void) | undefined
    res.on('close', () => {
      closed = true
      wakeWriter?.()
      if (!res.writableFinished) void reader.cancel().catch(() => undefined)
    })
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>
      try {
        step = await reader.read()
      } catch {
        // Let what was written reach the client, then drop the connection mid-stream.
        await new Promise<void>((resolve) => res.write('', () => resolve()))
        res.destroy()
        return
      }
      if (step.done) break
      if (closed) break
      if (!res.write(step.value)) {
        await new Promise<void>((resolve) => {
          wakeWriter = resolve
          res.once('drain', () => resolve())
        })
      }
    }
    res.end()
  } catch (error) {
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain', 'access-control-allow-origin': '*' })
    res.end(`Mock server error: ${error instanceof Error ? error.message : String(error)}`)
  }
}
