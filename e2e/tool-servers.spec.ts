// MCP servers in the page, against the official reference server (server-everything) and a
// server that sends no CORS headers, both started on loopback here: connect and list, a tool
// whose progress fills its lane, Stop, an image result, the CORS message, approval prompts.
import type { Page } from '@playwright/test'
import { FAST, expect, openApp, test } from './app.ts'
import { startEverythingServer, startPlainServer, type Running } from '../src/tools/mcp/__tests__/servers.ts'

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

const TOKEN = 'sk-mcp-e2e-secret-token'

async function addServer(page: Page, url: string, token?: string): Promise<void> {
  const panel = page.getByRole('region', { name: 'Tool servers' })
  await panel.getByLabel('Server URL').fill(url)
  if (token) {
    await panel.getByText('Token or headers (optional)').click()
    await panel.getByLabel('Bearer token').fill(token)
  }
  await panel.getByRole('button', { name: 'Add server' }).click()
}

async function run(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
}

const card = (page: Page, name: string) => page.getByRole('article', { name: `Tool call ${name}` }).last()

test('connect and list; a tool with progress fills its lane; Stop cancels it; an image shows', async ({ page }) => {
  await openApp(page, { ...FAST, toolPack: 'none' })
  await addServer(page, everything.url, TOKEN)
  const server = page.getByRole('article', { name: /^Server / })
  await expect(server.getByTestId('server-status')).toHaveText('connected')
  await expect(server).toContainText(/everything/i)
  // A server with many tools lists them folded.
  await server.getByText(/^Tools \(\d+ of \d+ on\)$/).click()
  await expect(server.getByRole('switch', { name: 'Enable echo' })).toBeChecked()
  await expect(server.getByRole('switch', { name: 'Enable trigger-long-running-operation' })).toBeVisible()
  await expect(server).toContainText('Demonstrates a long running operation with progress updates.')
  // The token is a secret: not in localStorage (not remembered), only in this tab's session.
  expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(TOKEN)
  // Saved servers reconnect on reload (the token is still in this tab's session).
  await page.reload()
  await expect(page.getByRole('article', { name: /^Server / }).getByTestId('server-status')).toHaveText('connected')

  await run(page, 'call trigger-long-running-operation with duration 1.2 and steps 4')
  const long = card(page, 'trigger-long-running-operation')
  await expect(long.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100')
  await expect(long.getByTestId('tool-status')).toHaveText('ok')
  const bar = page.locator('[aria-label="Gantt chart"] [data-kind="tool"][data-name="trigger-long-running-operation"]').last()
  const span = Number(await bar.getAttribute('data-end-ms')) - Number(await bar.getAttribute('data-start-ms'))
  expect(span).toBeGreaterThan(1000)

  await run(page, 'call trigger-long-running-operation with duration 30 and steps 300')
  const stopped = card(page, 'trigger-long-running-operation')
  await expect(stopped.getByTestId('tool-status')).toHaveText('running')
  await expect(stopped.getByRole('progressbar')).toBeVisible()
  const pressed = Date.now()
  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(stopped.getByTestId('tool-status')).toHaveText('aborted')
  expect(Date.now() - pressed).toBeLessThan(5000)

  await run(page, 'use get-tiny-image')
  const image = card(page, 'get-tiny-image')
  await expect(image.getByTestId('tool-status')).toHaveText('ok')
  const img = image.getByRole('img', { name: 'Image from get-tiny-image' })
  await expect(img).toBeVisible()
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0)
  await page.screenshot({ path: '/tmp/t17/tool-servers.png', fullPage: false })
})

test('a server that sends no CORS headers gets the CORS message, naming the headers', async ({ page }) => {
  await openApp(page, FAST)
  await addServer(page, noCors.url, TOKEN)
  const server = page.getByRole('article', { name: /^Server / })
  await expect(server.getByTestId('server-status')).toHaveText('not connected')
  const alert = server.getByRole('alert')
  for (const header of ['Access-Control-Allow-Origin', 'Mcp-Session-Id', 'mcp-protocol-version', 'mcp-session-id', 'authorization']) await expect(alert).toContainText(header)
  await expect(alert).not.toContainText(TOKEN)
  // Remove forgets the server and its token.
  expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain(TOKEN)
  await server.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByRole('article', { name: /^Server / })).toHaveCount(0)
  expect(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage))).not.toContain(TOKEN)
})

test('"Ask each time": one call approved, another denied; the model reads the denial', async ({ page }) => {
  await openApp(page, { ...FAST, toolPack: 'none' })
  await addServer(page, everything.url)
  const server = page.getByRole('article', { name: /^Server / })
  await expect(server.getByTestId('server-status')).toHaveText('connected')
  await server.getByLabel(/^Approval for/).selectOption('ask')

  await run(page, 'use echo on first')
  const first = card(page, 'echo')
  const prompt = first.getByRole('alertdialog', { name: 'Approve echo?' })
  await expect(prompt).toContainText('first')
  await expect(prompt).toContainText(/everything/i)
  await expect(first).toContainText('Waiting for your approval')
  await prompt.getByRole('button', { name: 'Approve' }).click()
  await expect(first.getByTestId('tool-status')).toHaveText('ok')
  await expect(first.getByTestId('tool-output')).toContainText('Echo: first')

  await run(page, 'use echo on second')
  const second = card(page, 'echo')
  await second.getByRole('alertdialog', { name: 'Approve echo?' }).getByRole('button', { name: 'Deny' }).click()
  await expect(second.getByTestId('tool-status')).toHaveText('error')
  await expect(second.getByTestId('tool-output')).toContainText('denied')
  await expect(page.getByRole('alertdialog')).toHaveCount(0)
})
