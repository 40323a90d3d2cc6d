import type { Browser, Page } from '@playwright/test'
import { FAST, bars, expect, openApp, test } from './app.ts'

const CITY = "What's the weather, time, and population in Seattle?"

/** Run the prompt, share the run, and return its permalink. */
async function runAndShare(page: Page, prompt: string, before?: () => Promise<void>): Promise<string> {
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill(prompt)
  await before?.()
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 60_000 })
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const box = page.getByRole('textbox', { name: 'Permalink' })
  await expect(box).toHaveValue(/#r=\d\./)
  return box.inputValue()
}

/** A browser context that has never seen Lanes: default settings, empty history. */
async function freshViewer(browser: Browser): Promise<Page> {
  const context = await browser.newContext()
  return context.newPage()
}

const savedSettings = (page: Page): Promise<Record<string, unknown>> =>
  page.evaluate(() => JSON.parse(localStorage.getItem('lanes.settings.v1') ?? '{}') as Record<string, unknown>)

test('a link restores its setup in a fresh context, and Run again runs that setup', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const system = 'Answer in one short paragraph, using the tools.'
  await openApp(page, { ...FAST, toolPack: 'city', disabledTools: ['get_population'], executor: 'sequential', system })
  const link = await runAndShare(page, CITY)

  const viewer = await freshViewer(browser)
  await viewer.goto(link)
  await expect(viewer.getByRole('region', { name: 'Replay' })).toBeVisible()
  await expect(viewer.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(CITY)
  await expect(viewer.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Sequential')).toBeChecked()
  const settings = await savedSettings(viewer)
  expect(settings).toMatchObject({ provider: 'local', toolPack: 'city', disabledTools: ['get_population'], executor: 'sequential', system })
  // The banner says what was restored, not where the controls are.
  const notice = viewer.getByTestId('notice')
  await expect(notice).toContainText('Restored the prompt, Offline demo · lanes-local, tools: City lookups (2 of 3), sequential, system prompt.')
  await expect(notice).not.toContainText(/above|below/)

  await viewer.getByRole('button', { name: 'Run again' }).click()
  // The shared run already reads "Done": wait for the new run's bars, then for it to finish.
  await expect.poll(async () => (await bars(viewer, 'run again')).length, { timeout: 30_000 }).toBe(2)
  await expect(viewer.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  const again = await bars(viewer, 'run again')
  // The same two tools, one after the other: the restored pack, tools and executor ran.
  expect(again.map((b) => b.name).sort()).toEqual(['get_time', 'get_weather'])
  const [first, second] = [...again].sort((a, b) => a.start - b.start)
  expect(second!.start).toBeGreaterThanOrEqual(first!.end - 1)
  await viewer.context().close()
})

test('Run again on a link whose file travelled by reference asks for it, and runs once it is picked', async ({ page, browser }) => {
  test.setTimeout(120_000)
  const extract = { system: 'Extract financial data: store, date, line items, totals.', toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } }
  await openApp(page, extract)
  const link = await runAndShare(page, 'Extract all financial data from this receipt:', async () => {
    await page.getByLabel('Attach files').setInputFiles('public/samples/acme-receipt.png')
    await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  })

  const viewer = await freshViewer(browser)
  await viewer.goto(link)
  await expect(viewer.getByRole('region', { name: 'Replay' })).toBeVisible()
  await viewer.getByRole('button', { name: 'Run again' }).click()
  const ask = viewer.getByRole('alertdialog', { name: 'Files for Run again' })
  await expect(ask).toContainText('acme-receipt.png')
  await expect(ask).toContainText('not in the link')
  // Nothing ran without the file.
  expect(await bars(viewer, 'run again', 'model')).toEqual([])

  const chooser = viewer.waitForEvent('filechooser')
  await ask.getByRole('button', { name: 'Choose files…' }).click()
  await (await chooser).setFiles('public/samples/acme-receipt.png')
  await expect(ask).toBeHidden()
  await expect.poll(async () => (await bars(viewer, 'run again', 'model')).length, { timeout: 30_000 }).toBeGreaterThan(0)
  await expect(viewer.getByTestId('run-status')).toHaveText('Done', { timeout: 90_000 })
  await expect(viewer.getByTestId('answer')).toContainText('38.24')
  await viewer.context().close()
})

test('in the browser that made the run, Run again brings its file back by itself', async ({ page }) => {
  test.setTimeout(120_000)
  await openApp(page, { system: 'Extract financial data: store, date, line items, totals.', toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } })
  const link = await runAndShare(page, 'Extract all financial data from this receipt:', async () => {
    await page.getByLabel('Attach files').setInputFiles('public/samples/acme-receipt.png')
    await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  })
  await page.goto('about:blank')
  await page.goto(link)
  await page.getByRole('button', { name: 'Run again' }).click()
  await expect(page.getByRole('alertdialog', { name: 'Files for Run again' })).toHaveCount(0)
  await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toContainText('acme-receipt.png', { timeout: 30_000 })
  // The shared run already reads "Done" with this answer: wait for the new run first.
  await expect.poll(async () => (await bars(page, 'run again', 'model')).length, { timeout: 30_000 }).toBeGreaterThan(0)
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 90_000 })
  await expect(page.getByTestId('answer')).toContainText('38.24')
})

test('Run again without the missing file only when the user says so, and then as the task it is', async ({ page, browser }) => {
  test.setTimeout(120_000)
  await openApp(page, { system: 'Extract financial data: store, date, line items, totals.', toolPack: 'none', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } })
  const link = await runAndShare(page, 'Extract all financial data from this receipt:', async () => {
    await page.getByLabel('Attach files').setInputFiles('public/samples/acme-receipt.png')
    await expect(page.getByRole('region', { name: 'Attachments' }).getByTestId('attachment')).toHaveAttribute('data-status', 'ready', { timeout: 30_000 })
  })
  const viewer = await freshViewer(browser)
  await viewer.goto(link)
  await viewer.getByRole('button', { name: 'Run again' }).click()
  const ask = viewer.getByRole('alertdialog', { name: 'Files for Run again' })
  await expect(ask).toBeVisible()
  await ask.getByRole('button', { name: 'Run without it' }).click()
  await expect(ask).toBeHidden()
  await expect(viewer.getByTestId('run-status')).toHaveText('Done', { timeout: 60_000 })
  // It ran the prompt without the receipt, and the answer says what is missing.
  await expect(viewer.getByTestId('answer')).toContainText('Attach a receipt')
  await viewer.context().close()
})
