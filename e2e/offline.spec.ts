import { FAST, expect, openApp, pickScenario, test } from './app.ts'

test('once loaded, the page and the offline model keep working with the network cut', async ({ page, context }) => {
  await openApp(page, FAST)
  await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready
    if (!navigator.serviceWorker.controller) await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }))
    return registration.active?.state
  })
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
