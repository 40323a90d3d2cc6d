// The README's screenshots, made again from the built page: `npm run build && npm run screenshots`.
// The city scenario run concurrently, then sequentially beside it, at 1440 px and at 390 px (the
// conversation and the time axis tab), in light and dark. Debian's Chromium when present.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from '@playwright/test'

const PORT = 4181
const ORIGIN = `http://127.0.0.1:${PORT}`
const executablePath = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium'].find((path): path is string => !!path && existsSync(path))

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs
  while (Date.now() < end) {
    if (await check().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`Timed out waiting for ${what}`)
}

async function cityTwice(page: Page): Promise<void> {
  const seed = { local: { ttftMs: 150, tokensPerSecond: 120, toolSpeed: 0.5 } }
  await page.addInitScript((settings) => localStorage.setItem('lanes.settings.v1', JSON.stringify(settings)), seed)
  await page.goto(ORIGIN)
  await page.getByRole('button', { name: 'Run', exact: true }).waitFor()
  const scenario = page.locator('[data-scenario="city-concurrent"]')
  if (!(await scenario.isVisible())) await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  await scenario.click()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await page.getByTestId('run-status').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 })
  const sequential = page.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Sequential')
  // Below 1024 px the settings sit behind their button.
  const folded = !(await sequential.isVisible())
  if (folded) await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await sequential.check()
  if (folded) await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await until(async () => (await page.getByRole('group', { name: 'Runs of message 1' }).getByRole('button').count()) === 2, 10_000, 'the re-run')
  await page.getByTestId('run-status').filter({ hasText: 'Done' }).waitFor({ timeout: 30_000 })
  await page.waitForTimeout(300) // the Gantt's quiet-time redraw
}

async function shoot(browser: Browser, theme: 'light' | 'dark'): Promise<void> {
  const wide = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: theme })
  await cityTwice(wide)
  await wide.screenshot({ path: `docs/page-1440-${theme}.png` })
  await wide.close()
  const narrow = await browser.newPage({ viewport: { width: 390, height: 844 }, colorScheme: theme, deviceScaleFactor: 2 })
  await cityTwice(narrow)
  await narrow.screenshot({ path: `docs/page-390-${theme}.png` })
  await narrow.getByRole('tab', { name: /Time axis/ }).click()
  await narrow.waitForTimeout(300)
  await narrow.screenshot({ path: `docs/page-390-axis-${theme}.png` })
  await narrow.close()
}

const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'], { stdio: 'ignore', detached: true })
try {
  await until(async () => (await fetch(ORIGIN)).ok, 30_000, 'the preview server')
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: ['--no-sandbox', '--disable-gpu'] })
  for (const theme of ['light', 'dark'] as const) await shoot(browser, theme)
  await browser.close()
  console.log('docs/page-{1440,390,390-axis}-{light,dark}.png written')
} finally {
  if (server.pid) process.kill(-server.pid)
}
