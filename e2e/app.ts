import { test as base, expect, type Page } from '@playwright/test'

/** Settings stored before the page loads (same shape as src/state/settings.ts). */
export type SettingsSeed = Record<string, unknown>

/** Open the app with some settings already saved (e.g. a faster offline model). */
export async function openApp(page: Page, settings: SettingsSeed = {}, path = '/'): Promise<void> {
  await page.addInitScript((seed) => {
    if (Object.keys(seed).length && !localStorage.getItem('lanes.settings.v1')) localStorage.setItem('lanes.settings.v1', JSON.stringify(seed))
  }, settings)
  await page.goto(path)
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeVisible()
}

/** Load a scenario from the gallery by its id. */
export async function pickScenario(page: Page, id: string): Promise<void> {
  const item = page.locator(`[data-scenario="${id}"]`)
  // With runs on the page the list sits behind the composer's "Scenarios" button.
  if (!(await item.isVisible())) await page.getByRole('button', { name: 'Scenarios', exact: true }).click()
  await item.click()
}

/** Start and end times of every Gantt bar of one run and kind, from the chart's data attributes. */
export async function bars(page: Page, run: string, kind: 'tool' | 'model' = 'tool'): Promise<{ name: string; start: number; end: number }[]> {
  return page.locator(`[aria-label="Gantt chart"] [data-run="${run}"][data-kind="${kind}"]`).evaluateAll((els) =>
    els.map((el) => ({ name: el.getAttribute('data-name') ?? '', start: Number(el.getAttribute('data-start-ms')), end: Number(el.getAttribute('data-end-ms')) })),
  )
}

/** Fast offline settings so runs take a fraction of the seeds' time. */
export const FAST = { local: { ttftMs: 50, tokensPerSecond: 400, toolSpeed: 0.2 } }

export const test = base
export { expect }
