import { FAST, bars, expect, openApp, pickScenario, test } from './app.ts'

// Issue 21: a conversation, every run on one time axis, and a live clock.

test('a three-exchange conversation: follow-ups continue the same agent conversation', async ({ page }) => {
  await openApp(page, FAST)
  const prompt = page.getByRole('textbox', { name: 'Prompt', exact: true })
  const run = page.getByRole('button', { name: 'Run', exact: true })
  await prompt.fill("What's the weather like?")
  await run.click()
  const answers = page.getByTestId('answer')
  await expect(answers.nth(0)).toContainText('Which city?', { timeout: 20_000 })

  // The reply makes sense only with the first exchange in the conversation.
  await prompt.fill('Oslo')
  await run.click()
  await expect(page.getByRole('article', { name: 'Tool call get_weather' })).toContainText('Oslo', { timeout: 20_000 })
  await expect(page.getByTestId('run-status').nth(1)).toHaveText('Done')

  await prompt.fill('Now process 30 records')
  await run.click()
  await expect(page.getByRole('article', { name: 'Tool call process_dataset' })).toContainText('Processed 30/30', { timeout: 20_000 })
  await expect(page.getByTestId('user-prompt')).toHaveText(["What's the weather like?", 'Oslo', 'Now process 30 records'])
  await expect(page.getByTestId('run-status')).toHaveText(['Done', 'Done', 'Done'])
  // All three runs are on the one time axis.
  await expect(page.locator('[aria-label="Gantt chart"] [data-kind="model"]')).toHaveCount(5)

  // New chat starts over.
  await page.getByRole('button', { name: 'New chat' }).click()
  await expect(page.getByTestId('user-prompt')).toHaveCount(0)
  await expect(page.locator('[aria-label="Gantt chart"] [data-kind]')).toHaveCount(0)
})

test('concurrent, then the same prompt under sequential: both on one axis with the speedup, no Compare', async ({ page }) => {
  // The lesson's 1 s tools: overheads of a loaded machine stay small beside them (ideal speedup 3).
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await page.getByRole('radiogroup', { name: 'Tool executor' }).getByLabel('Sequential').check()
  await expect(page.getByTestId('composer-hint')).toContainText('re-runs it with the current settings')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  // The re-run joins the message (not a new one) and is the run shown, once it has started.
  const runs = page.getByRole('group', { name: 'Runs of message 1' }).getByRole('button')
  await expect(runs).toHaveCount(2)
  await expect(runs.filter({ hasText: 'sequential' })).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })

  expect(await bars(page, 'concurrent')).toHaveLength(3)
  expect(await bars(page, 'sequential')).toHaveLength(3)
  const chart = page.getByRole('img', { name: 'Gantt chart' })
  const caption = await chart.locator('text').allTextContents()
  const speedup = caption.map((t) => /speedup (\d+(?:\.\d+)?)×/.exec(t)?.[1]).find((v) => v !== undefined && v !== '1.0')
  expect(Number(speedup)).toBeGreaterThan(2)
  // One message, two runs: the thread switches between them.
  await expect(page.getByRole('group', { name: 'Runs of message 1' }).getByRole('button')).toHaveCount(2)
  await page.getByRole('group', { name: 'Runs of message 1' }).getByRole('button', { name: 'concurrent' }).click()
  await expect(page.getByRole('group', { name: 'Runs of message 1' }).getByRole('button', { name: 'concurrent' })).toHaveAttribute('aria-pressed', 'true')
})

test('the live clock moves while tools work without reporting progress', async ({ page }) => {
  // Tools of 4 s that send nothing meanwhile: a wide silent window, even on a loaded machine.
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 4 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const elapsed = page.locator('[data-stat="Elapsed"]')
  const tool = page.locator('[aria-label="Gantt chart"] [data-kind="tool"][data-status="running"]').first()
  await expect(tool).toBeVisible({ timeout: 10_000 })
  const seconds = async (): Promise<number> => {
    const match = /([\d.]+)\s*(ms|s)/.exec((await elapsed.textContent()) ?? '')
    return match ? Number(match[1]) * (match[2] === 'ms' ? 0.001 : 1) : Number.NaN
  }
  const firstElapsed = await seconds()
  const firstEnd = Number(await tool.getAttribute('data-end-ms'))
  // No event arrives while the tools sleep: the clock and the bars move on their own.
  await expect.poll(seconds, { timeout: 3_000 }).toBeGreaterThan(firstElapsed + 0.3)
  await expect.poll(async () => Number(await tool.getAttribute('data-end-ms')), { timeout: 3_000 }).toBeGreaterThan(firstEnd + 300)
  // The tool cards count up too (they read "running · 0 ms" before the live clock).
  const card = page.getByRole('article', { name: 'Tool call get_weather' })
  await expect(card).toContainText(/running/)
  await expect.poll(async () => /(\d+) ms|(\d\.\d+) s/.exec((await card.textContent()) ?? '')?.[0] ?? '0 ms', { timeout: 2_000 }).not.toBe('0 ms')
})

test('token counts show input when the model call starts and count output up as text streams', async ({ page }) => {
  // A slow first token and a slow stream: the counts must move before and during it, not at the end.
  await openApp(page, { local: { ttftMs: 1_500, tokensPerSecond: 8, toolSpeed: 0.2 } })
  await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill('Hello! What can you do?')
  await page.getByRole('button', { name: 'Run', exact: true }).click()
  const tokens = page.locator('[data-stat="Tokens in / out"]')
  const counts = async (): Promise<{ input: number; output: number; estimated: boolean }> => {
    const text = (await tokens.textContent()) ?? ''
    const [input = Number.NaN, output = Number.NaN] = text.split('/').map((side) => Number(side.replace(/[^\d]/g, '')))
    return { input, output, estimated: text.includes('≈') }
  }
  // Before the first token: an estimate of the input, nothing out yet.
  await expect.poll(counts, { timeout: 5_000 }).toMatchObject({ estimated: true, output: 0 })
  expect((await counts()).input).toBeGreaterThan(0)
  // While it streams: the output counts up.
  await expect.poll(async () => (await counts()).output, { timeout: 10_000 }).toBeGreaterThan(2)
  const early = (await counts()).output
  await expect.poll(async () => (await counts()).output, { timeout: 5_000 }).toBeGreaterThan(early)
  // Stopped mid-stream: what was sent and streamed stays counted (as an estimate), never 0 / 0.
  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(page.getByTestId('run-status')).toHaveText('Stopped')
  const stopped = await counts()
  expect(stopped.estimated).toBe(true)
  expect(stopped.output).toBeGreaterThan(early)
  expect(stopped.input).toBeGreaterThan(0)
})
