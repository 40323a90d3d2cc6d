import { FAST, bars, expect, openApp, pickScenario, test } from './app.ts'

test('run → share → open the link in a fresh context → the replay shows the same transcript and Gantt', async ({ page, browser }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  // The transcript's content; durations are compared through the Gantt below (links keep 0.1 ms).
  const content = async (p: import('@playwright/test').Page): Promise<string[]> => [
    ...(await p.getByTestId('assistant-text').allTextContents()),
    ...(await p.getByTestId('tool-output').allTextContents()),
    ...(await p.getByTestId('tool-status').allTextContents()),
  ]
  const answer = await content(page)
  const original = await bars(page, 'concurrent')

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  const box = page.getByRole('textbox', { name: 'Permalink' })
  await expect(box).toHaveValue(/#r=1\./)
  const link = await box.inputValue()
  await expect(page.getByTestId('link-length')).toContainText(`${link.length.toLocaleString('en-US')} characters`)
  expect(link.length).toBeLessThan(2000 + 40) // the seed city run fits in ~2,000 characters (plus the origin)

  const fresh = await browser.newContext()
  const viewer = await fresh.newPage()
  await viewer.goto(link)
  await expect(viewer.getByRole('region', { name: 'Replay' })).toBeVisible()
  await expect.poll(() => content(viewer)).toEqual(answer)
  await expect(viewer.getByTestId('user-prompt')).toContainText('Seattle')
  const replayed = await bars(viewer, 'concurrent')
  const byName = (list: typeof original): typeof original => [...list].sort((a, b) => a.name.localeCompare(b.name))
  expect(byName(replayed).map((b) => b.name)).toEqual(byName(original).map((b) => b.name))
  byName(replayed).forEach((bar, i) => {
    const before = byName(original)[i]!
    expect(Math.abs(bar.start - before.start)).toBeLessThan(1) // times survive the link (rounded to 0.1 ms)
    expect(Math.abs(bar.end - before.end)).toBeLessThan(1)
  })

  // Replay from the start at 10×: the answer disappears, then comes back.
  await viewer.getByRole('button', { name: '10×' }).click()
  await expect.poll(() => content(viewer), { timeout: 10_000 }).toEqual(answer)

  // Run again: a second run beside the shared one on one Gantt.
  await viewer.getByRole('button', { name: 'Run again' }).click()
  await expect.poll(async () => (await bars(viewer, 'run again')).filter((b) => b.end > b.start).length, { timeout: 30_000 }).toBe(3)
  await expect(viewer.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  expect(await bars(viewer, 'concurrent')).toHaveLength(3)
  await fresh.close()
})

test('a config-only link fills in the prompt and settings', async ({ page, browser }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'workflow-sequential')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await page.getByLabel(/Setup only/).check()
  const box = page.getByRole('textbox', { name: 'Permalink' })
  await expect(box).toHaveValue(/#c=1\./)
  const fresh = await browser.newContext()
  const viewer = await fresh.newPage()
  await viewer.goto(await box.inputValue())
  await expect(viewer.getByRole('textbox', { name: 'Prompt', exact: true })).toHaveValue(/screenshot named report.png/)
  await expect(viewer.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Sequential')).toBeChecked()
  await expect(viewer.getByTestId('notice')).toContainText('shared setup')
  await fresh.close()
})

for (const [name, fragment] of [
  ['bad base64', '#r=1.%%%%'],
  ['bad compression', '#r=1.AAAAAAAAAAAA'],
  ['an unknown version', '#r=99.abc'],
] as const) {
  test(`a hostile link (${name}) gets a clear message and the app still works`, async ({ page }) => {
    await openApp(page, FAST, `/${fragment}`)
    await expect(page.getByTestId('notice')).toContainText('could not be opened')
    await pickScenario(page, 'fetch-concurrent')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  })
}
