// Code tools in real Chromium: each call runs in its own worker, streams progress, returns or
// throws, is stopped by its time limit and by Stop even in a loop that never yields, and cannot
// reach the page's storage.
import { test, expect } from './fixtures.ts'

interface CallOutcome { status: string; output: string; progress: unknown[]; ms: number }

/** Run one code tool through the real agent in the page, with the given body and limits. */
async function callCodeTool(page: import('@playwright/test').Page, body: string, options: { args?: unknown; timeoutMs?: number; stopAfterMs?: number } = {}): Promise<CallOutcome> {
  return page.evaluate(async ({ body, options }) => {
    const core = await import('/src/core/index.ts')
    const custom = await import('/src/tools/custom/index.ts')
    const [tool] = await custom.createCustomTools([{
      name: 'code_tool', description: 'test', inputSchema: { type: 'object' }, enabled: true,
      ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
      impl: { kind: 'code', body },
    }])
    const model = core.createScriptedModel([core.toolCallsTurn([{ name: 'code_tool', args: options.args ?? {} }]), core.textTurn('done')])
    const controller = new AbortController()
    const progress: unknown[] = []
    let status = ''
    let output = ''
    const start = performance.now()
    if (options.stopAfterMs !== undefined) setTimeout(() => controller.abort(), options.stopAfterMs)
    for await (const event of new core.Agent({ model, tools: [tool!] }).stream('go', { signal: controller.signal })) {
      if (event.type === 'tool-progress') progress.push(event.progress)
      if (event.type === 'tool-end') {
        status = event.status
        output = event.output
      }
    }
    return { status, output, progress, ms: performance.now() - start }
  }, { body, options })
}

test('a code tool streams its yields and returns its result', async ({ page }) => {
  const outcome = await callCodeTool(page, `
    yield 'starting'
    for (let i = 1; i <= 3; i++) { await sleep(20); yield { message: 'step ' + i, fraction: i / 3 } }
    return { doubled: args.n * 2 }
  `, { args: { n: 21 } })
  expect(outcome.status).toBe('ok')
  expect(outcome.output).toBe('{"doubled":42}')
  expect(outcome.progress).toEqual(['starting', { message: 'step 1', fraction: 1 / 3 }, { message: 'step 2', fraction: 2 / 3 }, { message: 'step 3', fraction: 1 }])
})

test('a throw is a tool error the model reads; a syntax error says the code does not compile', async ({ page }) => {
  const thrown = await callCodeTool(page, `yield 'about to fail'\nthrow new RangeError('n must be positive')`)
  expect(thrown).toMatchObject({ status: 'error', output: 'Error: n must be positive' })
  const broken = await callCodeTool(page, `return (`)
  expect(broken.status).toBe('error')
  expect(broken.output).toMatch(/^Error: The tool's code does not compile: /)
})

test('an endless loop that never yields is ended by its time limit, and by Stop', async ({ page }) => {
  const timedOut = await callCodeTool(page, `while (true) {}`, { timeoutMs: 300 })
  expect(timedOut.status).toBe('timeout')
  expect(timedOut.ms).toBeLessThan(3000)
  const stopped = await callCodeTool(page, `yield 'spinning'\nwhile (true) {}`, { stopAfterMs: 300 })
  expect(stopped.status).toBe('aborted')
  expect(stopped.ms).toBeLessThan(3000)
  // The page was never blocked: it still answers at once.
  expect(await page.evaluate(() => 1 + 1)).toBe(2)
})

test('a code tool cannot reach the page, its storage or its network', async ({ page }) => {
  await page.evaluate(async () => {
    localStorage.setItem('lanes.key.openai', 'sk-page-secret')
    sessionStorage.setItem('lanes.key.anthropic', 'sk-session-secret')
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('lanes-test-secret', 1)
      open.onupgradeneeded = () => open.result.createObjectStore('keys')
      open.onsuccess = () => { open.result.close(); resolve() }
      open.onerror = () => reject(open.error)
    })
  })
  const outcome = await callCodeTool(page, `
    const seen = {}
    for (const name of ['window', 'document', 'localStorage', 'sessionStorage', 'indexedDB', 'caches', 'cookieStore',
      'fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'BroadcastChannel', 'Worker', 'SharedWorker', 'importScripts', 'postMessage']) {
      seen[name] = typeof self[name] === 'undefined' && !(name in self) ? 'gone' : 'PRESENT'
    }
    // Not hiding on the prototype chain either.
    let proto = Object.getPrototypeOf(self), leaked = []
    while (proto && proto !== Object.prototype) {
      for (const name of ['indexedDB', 'caches', 'fetch', 'postMessage']) if (Object.getOwnPropertyDescriptor(proto, name)) leaked.push(name)
      proto = Object.getPrototypeOf(proto)
    }
    seen.prototypes = leaked.length === 0 ? 'gone' : leaked.join(',')
    seen.storage = navigator.storage === undefined ? 'gone' : 'PRESENT'
    seen.locks = navigator.locks === undefined ? 'gone' : 'PRESENT'
    return seen
  `)
  expect(outcome.status).toBe('ok')
  const seen = JSON.parse(outcome.output) as Record<string, string>
  for (const [name, state] of Object.entries(seen)) expect(`${name}: ${state}`).toBe(`${name}: gone`)
  expect(outcome.output).not.toContain('secret')
})
