import { FAST, expect, openApp, test } from './app.ts'

// Issue 21: history, permalinks and export keep whole conversations, and a reopened one goes on.

test('a three-exchange conversation shared as one link, reopened whole in a fresh context, continued, and kept whole in History', async ({ page, browser }) => {
  await openApp(page, FAST)
  const ask = async (p: typeof page, text: string): Promise<void> => {
    await p.getByRole('textbox', { name: 'Prompt', exact: true }).fill(text)
    await p.getByRole('button', { name: 'Run', exact: true }).click()
  }
  await ask(page, 'Now process 30 records')
  await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 20_000 })
  await ask(page, 'What is 6 times 7?')
  await expect(page.getByTestId('run-status')).toHaveText(['Done', 'Done'], { timeout: 20_000 })
  // The third exchange asks back: only the conversation can answer it later.
  await ask(page, "What's the weather like?")
  await expect(page.getByTestId('answer').nth(2)).toContainText('Which city?', { timeout: 20_000 })
  await expect(page.getByTestId('run-status')).toHaveText(['Done', 'Done', 'Done'])
  const prompts = await page.getByTestId('user-prompt').allTextContents()
  const answers = await page.getByTestId('answer').allTextContents()

  await page.getByRole('button', { name: 'Share', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Share this conversation' })).toBeVisible()
  await expect(page.getByLabel(/The whole conversation \(3 runs\)/)).toBeChecked()
  const box = page.getByRole('textbox', { name: 'Permalink' })
  await expect(box).toHaveValue(/#s=1\./)
  const link = await box.inputValue()

  const fresh = await browser.newContext()
  const viewer = await fresh.newPage()
  await viewer.goto(link)
  await expect(viewer.getByText('Viewing a shared conversation: 3 messages')).toBeVisible()
  await expect(viewer.getByTestId('user-prompt')).toHaveText(prompts)
  await expect.poll(() => viewer.getByTestId('answer').allTextContents()).toEqual(answers)
  await expect(viewer.locator('[aria-label="Gantt chart"] [data-kind="model"]')).toHaveCount(await page.locator('[aria-label="Gantt chart"] [data-kind="model"]').count())

  // A follow-up continues the shared conversation: the model knows it asked "Which city?".
  await ask(viewer, 'Oslo')
  await expect(viewer.getByRole('article', { name: 'Tool call get_weather' })).toContainText('Oslo', { timeout: 30_000 })
  await expect(viewer.getByTestId('run-status')).toHaveText(['Done', 'Done', 'Done', 'Done'], { timeout: 30_000 })

  // History holds it as one conversation of four messages, and opens it whole.
  await viewer.getByRole('button', { name: 'New chat' }).click()
  await expect(viewer.getByTestId('user-prompt')).toHaveCount(0)
  await viewer.getByRole('button', { name: 'History', exact: true }).click()
  const row = viewer.getByTestId('history-item').filter({ hasText: 'conversation · 4 messages' })
  await expect(row).toHaveCount(1)
  await row.getByRole('button', { name: 'Now process 30 records', exact: true }).click()
  await expect(viewer.getByTestId('user-prompt')).toHaveText([...prompts, 'Oslo'])
  await fresh.close()
})
