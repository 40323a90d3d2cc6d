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

test('1440×900: the chart stays in sight, without scrolling, while the city run streams', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openApp(page, { local: { ttftMs: 200, tokensPerSecond: 40, toolSpeed: 1 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const running = page.locator('[aria-label="Gantt chart"] [data-kind="tool"][data-status="running"]').first()
  await expect(running).toBeVisible({ timeout: 10_000 })
  await expect(page.getByRole('img', { name: 'Gantt chart' })).toBeInViewport({ ratio: 0.9 })
  await expect(page.locator('[aria-label="Gantt chart"] [data-kind="tool"]').first()).toBeInViewport()
  expect(await page.evaluate(() => window.scrollY)).toBe(0)
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
  await expect(page.getByRole('img', { name: 'Gantt chart' })).toBeInViewport({ ratio: 0.9 })
})

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
  // The header is one row, the logo first.
  const header = await page.locator('header').first().boundingBox()
  expect(header?.height).toBeLessThanOrEqual(56)
  const logo = await page.getByText('Lanes', { exact: true }).first().boundingBox()
  const settings = await page.getByRole('button', { name: 'Settings', exact: true }).boundingBox()
  expect(logo!.x).toBeLessThan(settings!.x)
  const rightEdges = await page.locator('header button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().right))
  expect(Math.max(...rightEdges)).toBeLessThanOrEqual(390)
  // The chart is one tap away, and its captions (total time, speedup) are not clipped.
  await page.getByRole('tab', { name: /Time axis/ }).click()
  const chart = page.getByRole('img', { name: 'Gantt chart' })
  await expect(chart).toBeInViewport()
  await expect(chart.locator('text').filter({ hasText: /total/ }).first()).toBeVisible()
  const clipped = await chart.evaluate((root) => {
    const svg = root instanceof SVGSVGElement ? root : root.querySelector('svg')
    const right = (svg ?? root).getBoundingClientRect().right
    return [...root.querySelectorAll('text')].filter((text) => (text.textContent ?? '').includes('total')).map((text) => text.getBoundingClientRect().right - right).filter((over) => over > 1)
  })
  expect(clipped).toEqual([])
  await page.screenshot({ path: 'test-results/screens/mobile-390-axis.png' })
  await page.getByRole('tab', { name: 'Conversation' }).click()
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('radiogroup', { name: 'Tool executor' })).toBeVisible()
  await page.screenshot({ path: 'test-results/screens/mobile-390.png', fullPage: true })
})
