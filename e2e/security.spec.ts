import { readFile } from 'node:fs/promises'
import { FAST, expect, openApp, pickScenario, test } from './app.ts'

test('the page runs under its Content-Security-Policy with no violation: run, OCR, PDF, share', async ({ page }) => {
  test.setTimeout(120_000)
  await page.addInitScript(() => {
    const seen: string[] = []
    Object.assign(window, { __csp: seen })
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`))
  })
  const consoleErrors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text())
  })
  await openApp(page, { ...FAST })
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')
  expect(csp).toContain("script-src 'self'")
  expect(csp).not.toContain('unsafe-inline')
  expect(csp).not.toMatch(/'unsafe-eval'/)

  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })

  await page.getByLabel('Attach files').setInputFiles([
    { name: 'acme-receipt.png', mimeType: 'image/png', buffer: await readFile('public/samples/acme-receipt.png') },
    { name: 'acme-receipt.pdf', mimeType: 'application/pdf', buffer: await readFile('public/samples/acme-receipt.pdf') },
  ])
  await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveCount(2, { timeout: 30_000 })
  await page.getByLabel('Tool pack').selectOption('none')
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Extract all financial data from these receipts:')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  // A follow-up: the second exchange of the conversation.
  await expect(page.getByTestId('run-status').last()).toHaveText('Done', { timeout: 90_000 })
  await expect(page.getByTestId('answer').last()).toContainText('38.24')

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  // Two exchanges: the link holds the whole conversation.
  await expect(page.getByRole('textbox', { name: 'Permalink' })).toHaveValue(/#s=1\./)

  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([])
  expect(consoleErrors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([])
})

test('a PDF with JavaScript and a tiny image claiming huge dimensions get clear messages, fast', async ({ page }) => {
  await openApp(page, FAST)
  const started = Date.now()
  await page.getByLabel('Attach files').setInputFiles([
    { name: 'script.pdf', mimeType: 'application/pdf', buffer: await readFile('e2e/fixtures/script.pdf') },
    { name: 'bomb.png', mimeType: 'image/png', buffer: await readFile('e2e/fixtures/bomb.png') },
  ])
  const items = page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')
  await expect(items).toHaveCount(2, { timeout: 20_000 })
  await expect(items.filter({ hasText: 'bomb.png' })).toHaveAttribute('data-status', 'error')
  await expect(items.filter({ hasText: 'bomb.png' }).getByTestId('attachment-error')).toContainText(/30000|too large|dimensions/i)
  // The scripted PDF is read for its text only; no script runs, no dialog opens.
  await expect(items.filter({ hasText: 'script.pdf' })).toHaveAttribute('data-status', 'ready')
  expect(Date.now() - started).toBeLessThan(20_000)
})
