import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './app.ts'

const EXTRACT = { system: 'Extract financial data: store, date, line items, totals.', toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } }

interface FileSpec { name: string; type: string; path: string }

/** Drop files on the page the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFiles(page: Page, files: FileSpec[]): Promise<void> {
  const payload = await Promise.all(files.map(async (f) => ({ name: f.name, type: f.type, data: (await readFile(f.path)).toString('base64') })))
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer()
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0))
      dt.items.add(new File([bytes], item.name, { type: item.type }))
    }
    return dt
  }, payload)
  const body = page.locator('body')
  await body.dispatchEvent('dragenter', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-target')).toBeVisible()
  await body.dispatchEvent('dragover', { dataTransfer: transfer })
  await body.dispatchEvent('drop', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-target')).toBeHidden()
}

async function run(page: Page, prompt: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 90_000 })
}

test('drop a PNG receipt and a PDF receipt; the offline model reads both and extracts the totals', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, EXTRACT)
  await dropFiles(page, [
    { name: 'acme-receipt.png', type: 'image/png', path: 'public/samples/acme-receipt.png' },
    { name: 'acme-receipt.pdf', type: 'application/pdf', path: 'public/samples/acme-receipt.pdf' },
  ])
  const region = page.getByRole('region', { name: 'Attachments' })
  await expect(region.getByTestId('attachment')).toHaveCount(2, { timeout: 30_000 })
  await expect(region.getByTestId('attachment').filter({ hasText: 'acme-receipt.pdf' })).toContainText('1 page')
  await expect(region.getByRole('button', { name: 'Remove acme-receipt.png' })).toBeVisible()

  await run(page, 'Extract all financial data from these receipts:')
  const answer = page.getByTestId('answer')
  await expect(answer).toContainText('ACME GROCERY')
  await expect(answer).toContainText('38.24')
  await expect(answer).toContainText('35.24') // subtotal
  await expect(answer).toContainText('Salmon')
  await expect(page.getByTestId('user-prompt').locator('..')).toContainText('acme-receipt.pdf')
})

test('paste an image from the clipboard', async ({ page }) => {
  await openApp(page, EXTRACT)
  const data = (await readFile('public/samples/acme-receipt.png')).toString('base64')
  await page.evaluate((b64) => {
    const dt = new DataTransfer()
    dt.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }))
    window.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }))
  }, data)
  const item = page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')
  await expect(item).toHaveCount(1, { timeout: 30_000 })
  await expect(item).toHaveAttribute('data-status', 'ready')
  await expect(item).toContainText(/pasted-.*\.png/)
})

test('a corrupt PDF gets its own message while a good PDF beside it still works, and the prompt stays', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, EXTRACT)
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Extract all financial data from this receipt:')
  await page.getByLabel('Attach files').setInputFiles([
    { name: 'broken.pdf', mimeType: 'application/pdf', buffer: await readFile('e2e/fixtures/corrupt.pdf') },
    { name: 'acme-receipt.pdf', mimeType: 'application/pdf', buffer: await readFile('public/samples/acme-receipt.pdf') },
  ])
  const items = page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')
  await expect(items).toHaveCount(2, { timeout: 30_000 })
  const broken = items.filter({ hasText: 'broken.pdf' })
  await expect(broken).toHaveAttribute('data-status', 'error')
  await expect(broken.getByTestId('attachment-error')).toContainText(/PDF/)
  await expect(items.filter({ hasText: 'acme-receipt.pdf' })).toHaveAttribute('data-status', 'ready')
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue('Extract all financial data from this receipt:')

  await run(page, 'Extract all financial data from this receipt:')
  await expect(page.getByTestId('answer')).toContainText('38.24')
})

test('"Try a sample receipt" attaches the sample in one click and the offline model answers', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } })
  await page.getByRole('button', { name: 'Try a sample receipt' }).click()
  await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 90_000 })
  await expect(page.getByTestId('answer')).toContainText('ACME GROCERY')
  await expect(page.getByTestId('answer')).toContainText('38.24')
})

test('a 120-page PDF over the limit asks for a page range; choosing one reads those pages', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, EXTRACT)
  await page.getByLabel('Attach files').setInputFiles([{ name: 'long.pdf', mimeType: 'application/pdf', buffer: await readFile('e2e/fixtures/text-120.pdf') }])
  const item = page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')
  await expect(item).toHaveAttribute('data-status', 'error', { timeout: 30_000 })
  await expect(item.getByTestId('attachment-error')).toContainText(/page/i)
  await item.getByLabel('First page of long.pdf').fill('101')
  await item.getByLabel('Last page of long.pdf').fill('120')
  await item.getByRole('button', { name: 'Read these pages' }).click()
  await expect(item).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  await expect(item.getByRole('list', { name: 'Pages of long.pdf' }).getByRole('img')).toHaveCount(12)
  await expect(item.getByRole('list', { name: 'Pages of long.pdf' })).toContainText('+8')
  await expect(item.getByRole('img', { name: 'Page 101' })).toBeVisible()
})
