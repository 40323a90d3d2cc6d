// connectMcpServer in real Chromium, from the dev server's origin to servers on other ports:
// the official reference server (which sends CORS headers), one that sends none, and a port
// where nothing listens. The browser's opaque fetch failures are what the classifier must read.
import { test, expect } from './fixtures.ts'
import { freePort, startEverythingServer, startPlainServer, type Running } from '../../src/tools/mcp/__tests__/servers.ts'

let everything: Running
let noCors: Running

test.beforeAll(async () => {
  everything = await startEverythingServer()
  noCors = await startPlainServer(200, 'application/json', '{}')
})

test.afterAll(async () => {
  await everything?.close()
  await noCors?.close()
})

test('connect, list, progress with fractions, an image kept, Stop', async ({ page }) => {
  const result = await page.evaluate(async (url) => {
    const core = await import('/src/core/index.ts')
    const tools = await import('/src/tools/index.ts')
    const server = await tools.connectMcpServer({ url })
    const names = server.tools.map((tool) => tool.name)
    const run = async (name: string, args: unknown, stopOnProgress = false) => {
      const model = core.createScriptedModel([core.toolCallsTurn([{ name, args }]), core.textTurn('done')])
      const controller = new AbortController()
      const ticks: unknown[] = []
      let end: { status: string; output: string } | undefined
      for await (const event of new core.Agent({ model, tools: server.tools }).stream('go', { signal: controller.signal })) {
        if (event.type === 'tool-progress') {
          ticks.push(event.progress)
          if (stopOnProgress) controller.abort()
        }
        if (event.type === 'tool-end') end = { status: event.status, output: event.output }
      }
      return { ticks, end }
    }
    const progress = await run('trigger-long-running-operation', { duration: 0.4, steps: 4 })
    const image = await run('get-tiny-image', {})
    const started = performance.now()
    const stopped = await run('trigger-long-running-operation', { duration: 30, steps: 300 }, true)
    const stopMs = performance.now() - started
    await server.close()
    return { name: server.name, names, progress, image, stopped: stopped.end, stopMs }
  }, everything.url)
  expect(result.name).toMatch(/everything/i)
  expect(result.names).toEqual(expect.arrayContaining(['echo', 'get-tiny-image', 'trigger-long-running-operation']))
  expect(result.progress.ticks).toEqual([{ fraction: 0.25 }, { fraction: 0.5 }, { fraction: 0.75 }, { fraction: 1 }])
  expect(result.progress.end?.status).toBe('ok')
  expect(result.image.end?.output).toContain('[image image/png')
  expect(result.image.ticks).toEqual([{ message: 'Non-text content', data: { kind: 'mcp-content', content: [expect.objectContaining({ type: 'image', mimeType: 'image/png' })] } }])
  expect(result.stopped?.status).toBe('aborted')
  expect(result.stopMs).toBeLessThan(3000)
})

test('a server without CORS headers gets the CORS message; a closed port is "down"', async ({ page }) => {
  const closedPort = await freePort()
  const outcome = await page.evaluate(async ({ noCorsUrl, downUrl }) => {
    const tools = await import('/src/tools/index.ts')
    const fail = (url: string) => tools.connectMcpServer({ url, headers: { Authorization: 'Bearer sk-browser-secret' } })
      .then(() => ({ kind: 'connected', message: '' }), (error: { kind: string; message: string }) => ({ kind: error.kind, message: error.message }))
    return { cors: await fail(noCorsUrl), down: await fail(downUrl) }
  }, { noCorsUrl: noCors.url, downUrl: `http://127.0.0.1:${closedPort}/mcp` })
  expect(outcome.cors.kind).toBe('cors')
  for (const header of ['Access-Control-Allow-Origin', 'Mcp-Session-Id', 'mcp-protocol-version', 'mcp-session-id', 'authorization']) {
    expect(outcome.cors.message).toContain(header)
  }
  expect(outcome.down.kind).toBe('down')
  expect(JSON.stringify(outcome)).not.toContain('sk-browser-secret')
})
