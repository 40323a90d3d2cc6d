// CORS from a real Chromium page to the mock provider on another origin: the preflight for the
// SDKs' headers is answered, exposed headers (retry-after) are readable, and the real adapters
// with the real SDKs stream through it. The page is served by a second server on its own port.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'
import { build } from 'vite'
import { startMockServer, type MockServer } from './mock-server/node.ts'

const here = fileURLToPath(new URL('.', import.meta.url))
let mock: MockServer
let site: Server
let siteURL = ''
let bundleDir = ''

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript' }

test.describe.configure({ mode: 'serial' })

test.beforeAll(async () => {
  test.setTimeout(120_000)
  mock = await startMockServer()
  bundleDir = await mkdtemp(join(tmpdir(), 'lanes-cors-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: bundleDir, emptyOutDir: true, minify: false, lib: { entry: join(here, 'mock-server/browser-entry.ts'), formats: ['es'], fileName: 'entry' } },
  })
  site = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><title>cors</title><p>cors harness</p>')
      return
    }
    const file = normalize(join(bundleDir, path))
    if (!file.startsWith(bundleDir)) { res.writeHead(403); res.end(); return }
    readFile(file).then(
      (data) => { res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }); res.end(data) },
      () => { res.writeHead(404); res.end() },
    )
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', () => resolve()))
  siteURL = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
})

test.afterAll(async () => {
  await mock?.close()
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()))
  if (bundleDir) await rm(bundleDir, { recursive: true, force: true })
})

test.beforeEach(async ({ page }) => {
  mock.reset()
  await page.goto(siteURL)
})

const SDK_HEADERS = {
  'authorization': 'Bearer sk-test-cors',
  'content-type': 'application/json',
  'x-stainless-lang': 'js',
  'x-stainless-package-version': '6.49.0',
  'x-stainless-os': 'Unknown',
  'x-stainless-arch': 'unknown',
  'x-stainless-runtime': 'browser:chrome',
  'x-stainless-runtime-version': '140',
  'x-stainless-retry-count': '0',
  'anthropic-version': '2026-10-21',
  'anthropic-dangerous-direct-browser-access': 'true',
}

test('preflight passes for SDK headers and exposed headers are readable', async ({ page }) => {
  const result = await page.evaluate(async ({ url, headers }) => {
    const ok = await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers, body: JSON.stringify({ model: 'mock-text', stream: true, messages: [{ role: 'user', content: 'hi' }] }) })
    const limited = await fetch(`${url}/v1/messages`, { method: 'POST', headers, body: JSON.stringify({ model: 'fault-429', max_tokens: 5, messages: [{ role: 'user', content: 'hi' }] }) })
    return { status: ok.status, body: await ok.text(), limited: limited.status, retryAfter: limited.headers.get('retry-after'), requestId: limited.headers.get('request-id') }
  }, { url: mock.url, headers: SDK_HEADERS })
  expect(result.status).toBe(200)
  expect(result.body).toContain('data: [DONE]')
  expect(result.limited).toBe(429)
  expect(result.retryAfter).toBe('1')
  expect(result.requestId).toBe('req_mock_err')
  const preflight = mock.requests().find((r) => r.method === 'OPTIONS')
  expect(preflight?.headers['origin']).toBe(siteURL)
  expect(preflight?.headers['access-control-request-headers']).toContain('x-stainless-retry-count')
  expect(preflight?.headers['access-control-request-headers']).toContain('anthropic-dangerous-direct-browser-access')
})

type PageRun = { events: { type: string; name?: string; text?: string }[]; error?: { name: string; kind: string; message: string } }

async function runInPage(page: import('@playwright/test').Page, provider: string, model: string): Promise<PageRun> {
  return page.evaluate(async ({ provider: p, url, model: m }) => {
    const entry = (await import(`${location.origin}/entry.js`)) as { runInPage: (p: string, u: string, m: string, k: string) => Promise<PageRun> }
    return entry.runInPage(p, url, m, 'sk-test-browser-0123456789')
  }, { provider, url: mock.url, model })
}

test('the OpenAI adapter streams three tool calls in Chromium', async ({ page }) => {
  const run = await runInPage(page, 'openai', 'mock-city')
  expect(run.error).toBeUndefined()
  expect(run.events.filter((e) => e.type === 'tool-call').map((e) => e.name)).toEqual(['get_weather', 'get_time', 'get_population'])
  const post = mock.requests().find((r) => r.method === 'POST')
  expect(post?.headers['x-stainless-runtime']).toMatch(/^browser/)
})

test('the Anthropic adapter streams text in Chromium', async ({ page }) => {
  const run = await runInPage(page, 'anthropic', 'mock-text')
  expect(run.error).toBeUndefined()
  expect(run.events.filter((e) => e.type === 'text-delta').map((e) => e.text).join('')).toBe('Hello from the mock provider.')
})

test('a 401 in Chromium is a clear auth error without the key', async ({ page }) => {
  const run = await runInPage(page, 'anthropic', 'fault-401')
  expect(run.error?.name).toBe('ProviderError')
  expect(run.error?.kind).toBe('auth')
  expect(run.error?.message).not.toContain('sk-test-browser-0123456789')
})

test('dropping x-stainless headers shrinks the preflight', async ({ page }) => {
  const run = await runInPage(page, 'compatible-nostainless', 'mock-text')
  expect(run.error).toBeUndefined()
  const preflight = mock.requests().find((r) => r.method === 'OPTIONS')
  expect(preflight?.headers['access-control-request-headers']).not.toContain('x-stainless')
})
