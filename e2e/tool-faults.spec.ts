import { expect, openApp, pickScenario, test } from './app.ts'

test('tool faults: each ends with its own status, the run goes on, and 1 MiB output is cut for the model but viewable in full', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.2 } })
  await pickScenario(page, 'tool-faults')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })

  const card = (name: string) => page.getByRole('article', { name: `Tool call ${name}` })
  await expect(card('flaky_service').getByTestId('tool-status')).toHaveText('error')
  await expect(card('flaky_service').getByTestId('tool-output')).toContainText('503 Service Unavailable')
  await expect(card('stuck_job').getByTestId('tool-status')).toHaveText('timeout')
  await expect(card('stuck_job').getByTestId('tool-output')).toContainText('timed out after 1500 ms')
  await expect(card('odd_value').getByTestId('tool-status')).toHaveText('error')
  await expect(card('odd_value').getByTestId('tool-output')).toContainText('cannot be sent to the model')
  await expect(card('huge_output').getByTestId('tool-status')).toHaveText('ok')

  // The model was told it saw only part of the output, and said so.
  await expect(page.getByTestId('answer')).toContainText('I was sent only the first part')

  // The card shows a preview, and the whole output on request.
  const output = card('huge_output').getByTestId('tool-output')
  expect((await output.textContent())!.length).toBeLessThan(5_000)
  await card('huge_output').getByRole('button', { name: /Show full output \(1,048,576 characters\)/ }).click()
  expect((await output.textContent())!.length).toBe(1_048_576)

  // Gantt bars are coloured by status: error, timeout and ok are all there.
  const statuses = await page.locator('[aria-label="Gantt chart"] [data-kind="tool"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-name')))
  expect(statuses.sort()).toEqual(['flaky_service', 'huge_output', 'odd_value', 'stuck_job'])
})

test('a tool frozen in a synchronous loop: the page stays responsive, Stop ends the run within seconds, and the next run works', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } })
  await pickScenario(page, 'tool-frozen')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  // Its card shows it started (the worker sends a tool's start at once, not at the end of a batch
  // that would wait behind the loop).
  const card = page.getByRole('article', { name: 'Tool call frozen_loop' })
  await expect(card.getByTestId('tool-status')).toHaveText('running')

  // The loop blocks the agent worker for 20 s, not the page: it answers at once.
  const asked = Date.now()
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
  expect(Date.now() - asked).toBeLessThan(1_000)

  const stopped = Date.now()
  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Stopped', { timeout: 8_000 })
  expect(Date.now() - stopped).toBeLessThan(8_000) // 3 s of grace, then the worker is shut down
  await expect(card.getByTestId('tool-status')).toHaveText('aborted')
  // It ran from its start until the worker was shut down: seconds, not the 0 ms of its last event.
  const lane = page.getByRole('list', { name: 'Tool timeline' }).getByRole('listitem').filter({ hasText: 'frozen_loop' })
  await expect(lane).toContainText(/aborted · [3-9]\.\d+ s/)
  await expect(page.getByRole('alert')).toContainText('The agent was shut down')
  await expect(page.getByTestId('error-message')).toContainText('did not stop within 3 s of Stop')
  await expect(page.getByTestId('answer')).toContainText('Press Stop') // what streamed before stays

  // A fresh worker takes the next run.
  await pickScenario(page, 'streaming-progress')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
})
