import AxeBuilder from '@axe-core/playwright'
import { FAST, expect, openApp, pickScenario, test } from './app.ts'

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`)
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no serious violations after a run (${theme})`, async ({ page }) => {
    await openApp(page, { ...FAST, theme })
    await pickScenario(page, 'city-concurrent')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
    expect(await seriousViolations(page)).toEqual([])
    await page.screenshot({ path: `test-results/screens/after-run-${theme}.png`, fullPage: true })
  })
}

test('keyboard only: reach the prompt, pick the executor, run, and stop with Escape', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 50, tokensPerSecond: 10, toolSpeed: 0.1 } })
  // The skip link is the first stop and jumps to the prompt.
  await page.keyboard.press('Tab')
  await expect(page.getByRole('link', { name: 'Skip to prompt' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('Fetch data from API-A, API-B, and API-C')

  // The executor radio group works with arrow keys.
  await page.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Concurrent').focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Sequential')).toBeChecked()

  await page.getByLabel('Tool pack').focus()
  await page.keyboard.press('End') // last pack
  await page.getByLabel('Tool pack').selectOption('fetch')
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).focus()
  await page.keyboard.press('Control+Enter')
  await expect(page.getByRole('article', { name: 'Tool call fetch_data' }).first()).toBeVisible({ timeout: 20_000 })
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('run-status')).toHaveText('Stopped')
})

test('390 px wide: the playground still works', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 })
  await openApp(page, FAST)
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  expect(overflow).toBeLessThanOrEqual(1)
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('radiogroup', { name: 'Tool executor' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/mobile-390.png', fullPage: true })
})
