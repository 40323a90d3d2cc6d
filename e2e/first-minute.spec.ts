// The first minute with no key: files picked right before Run go with the message, a fresh page
// plays the lesson's first prompt, and a prompt whose tools are off gets a one-click re-run.
import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, openApp, test } from './app.ts'

const INSTANT = { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.2 } }

/** Record every label the Run button shows, so a short-lived "Reading 1 file…" can be checked. */
async function watchRunLabel(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { runLabels: string[] }).runLabels = seen
    new MutationObserver(() => {
      // The composer's own submit button (the settings have forms of their own).
      const prompt = document.getElementById('prompt')
      const label = (prompt instanceof HTMLTextAreaElement ? prompt.form?.querySelector('button[type="submit"]')?.textContent : '') ?? ''
      if (seen[seen.length - 1] !== label) seen.push(label)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
}

async function pickAndRunAtOnce(page: Page, prompt: string, file: { name: string; mimeType: string; path: string }): Promise<void> {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  const data = (await readFile(file.path)).toString('base64')
  // The file is picked and Run pressed in one task of the page: no chance to finish reading first.
  await page.evaluate(({ name, type, data }) => {
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!
    const transfer = new DataTransfer()
    transfer.items.add(new File([Uint8Array.from(atob(data), (ch) => ch.charCodeAt(0))], name, { type }))
    input.files = transfer.files
    input.dispatchEvent(new Event('change', { bubbles: true }))
    ;[...document.querySelectorAll('button')].find((b) => b.textContent === 'Run')!.click()
  }, { name: file.name, type: file.mimeType, data })
}

for (const file of [
  { name: 'acme-receipt.pdf', mimeType: 'application/pdf', path: 'public/samples/acme-receipt.pdf', how: 'its text layer' },
  { name: 'acme-receipt.png', mimeType: 'image/png', path: 'public/samples/acme-receipt.png', how: 'OCR' },
]) {
  test(`a ${file.name.split('.').pop()!.toUpperCase()} receipt picked just before Run goes with the message (${file.how})`, async ({ page }) => {
    test.setTimeout(120_000)
    await watchRunLabel(page)
    await openApp(page, { ...INSTANT, toolPack: 'none', system: 'Extract financial data: store, date, line items, totals.' })
    await pickAndRunAtOnce(page, 'Extract all financial data from this receipt:', file)
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 90_000 })
    await expect(page.getByTestId('answer')).toContainText('38.24')
    await expect(page.getByRole('list', { name: 'Attached files' })).toContainText(file.name)
    expect(await page.evaluate(() => (window as unknown as { runLabels: string[] }).runLabels)).toContain('Reading 1 file…')
  })
}

test('a file that fails to read is named, and the run waits for the user', async ({ page }) => {
  test.setTimeout(60_000)
  await openApp(page, { ...INSTANT, toolPack: 'none', system: 'Extract financial data: store, date, line items, totals.' })
  await pickAndRunAtOnce(page, 'Extract all financial data from this receipt:', { name: 'broken.pdf', mimeType: 'application/pdf', path: 'e2e/fixtures/corrupt.pdf' })
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('broken.pdf could not be read, so the run did not start', { timeout: 30_000 })
  await expect(notice).toContainText('press Run again')
  await expect(page.getByTestId('run-status')).toHaveCount(0)
  await expect(page.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue('Extract all financial data from this receipt:')
  // The user's say: Run again sends the message without it.
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await expect(page.getByTestId('answer')).toContainText('Attach a receipt (PDF or image) and run again.')
})

test('a fresh page plays "Process 30 records" with streamed progress, without touching the tool picker', async ({ page }) => {
  test.setTimeout(60_000)
  await openApp(page)
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Process 30 records')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const messages = page.getByRole('list', { name: 'process_dataset progress messages' })
  await expect(messages).toContainText('Processed 10/30 records', { timeout: 15_000 })
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await expect(messages).toContainText('Processed 30/30 records')
  await expect(page.getByTestId('answer')).toContainText('I have successfully processed 30 records')
  await expect(page.getByTestId('answer')).not.toContainText('switched off')
})

test('tools that are off: the answer says so, the page names the pack and re-runs in one click', async ({ page }) => {
  test.setTimeout(60_000)
  await openApp(page, { ...INSTANT, toolPack: 'city' })
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('process thirty records')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await expect(page.getByTestId('answer')).toContainText("I'd use process_dataset for this, but it is switched off.")
  const offer = page.getByTestId('tool-offer')
  await expect(offer).toContainText('process_dataset is in the “Streaming progress” tool pack.')
  await offer.getByRole('button', { name: 'Turn on and re-run' }).click()
  await expect(page.getByRole('list', { name: 'process_dataset progress messages' })).toContainText('Processed 30/30 records', { timeout: 30_000 })
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await expect(page.getByTestId('tool-offer')).toHaveCount(0)
  await expect(page.getByLabel('Tool pack')).toHaveValue('streaming')
})
