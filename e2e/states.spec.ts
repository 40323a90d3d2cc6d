import { FAST, expect, openApp, pickScenario, test } from './app.ts'

// Issue 21's honest states: a run that hits its turn limit says so instead of "Done".
test('hitting max turns says "Stopped after N turns" and keeps what was said', async ({ page }) => {
  await openApp(page, FAST)
  await pickScenario(page, 'workflow-sequential') // three dependent steps, one per turn
  await page.getByRole('spinbutton', { name: 'Max turns' }).fill('2')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Stopped after 2 turns', { timeout: 20_000 })
  await expect(page.getByTestId('max-turns')).toContainText('the limit set in Max turns')
  // The two turns' tool calls ran and stay on the page.
  await expect(page.locator('[aria-label="Gantt chart"] [data-kind="tool"]')).toHaveCount(2)
})
