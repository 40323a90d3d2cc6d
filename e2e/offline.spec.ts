import type { Page } from '@playwright/test'
import { FAST, expect, openApp, pickScenario, test } from './app.ts'

/** Wait until the service worker controls the page. */
async function controlled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
  })
}

test('once loaded, the page and the offline model keep working with the network cut', async ({ page, context }) => {
  await openApp(page, FAST)
  await controlled(page)
  await context.setOffline(true)
  await page.reload()
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible()
  await pickScenario(page, 'workflow-sequential')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await expect(page.getByTestId('answer')).toContainText('boss@company.com')
  // Really offline: a request to the network fails.
  expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'failed'))).toBe('failed')
  await context.setOffline(false)
})

test('OCR of a PNG receipt works with the network cut after the first load, OCR never used before', async ({ page, context }) => {
  test.setTimeout(120_000)
  await openApp(page, { system: 'Extract financial data: store, date, line items, totals.', toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } })
  await controlled(page)
  // The page asks the worker to cache the OCR engine and data on its first idle moment.
  await expect
    .poll(() => page.evaluate(async () => {
      const names = await caches.keys()
      const urls = (await Promise.all(names.map(async (name) => (await caches.open(name)).keys()))).flat().map((request) => request.url)
      // The language data, and the wasm core beside the small module that holds its URL.
      return { data: urls.some((url) => /traineddata[^/]*\.gz$/.test(url)), core: urls.filter((url) => url.includes('tesseract-core')).length }
    }), { timeout: 60_000 })
    .toEqual({ data: true, core: 2 })
  await context.setOffline(true)
  await page.reload()
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Extract all financial data from this receipt:')
  await page.getByLabel('Attach files').setInputFiles('public/samples/acme-receipt.png')
  await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 90_000 })
  await expect(page.getByTestId('answer')).toContainText('38.24')
  await expect(page.getByTestId('answer')).not.toContainText('Failed to fetch')
  expect(await page.evaluate(() => fetch('https://example.com/').then(() => 'reached', () => 'failed'))).toBe('failed')
  await context.setOffline(false)
})
