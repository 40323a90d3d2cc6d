// Tools made in the page, driven as a user would: the editor makes a mock the offline model calls,
// a code tool from a link arrives switched off with its code shown (and runs, in its own worker
// inside the agent worker, once enabled), and the gallery's exercise 2 with mocks.
import type { Page } from '@playwright/test'
import { FAST, bars, expect, openApp, pickScenario, test } from './app.ts'
import { encodeConfigLink } from '../src/runs/permalink.ts'
import type { RunConfig } from '../src/runs/types.ts'

async function run(page: Page, prompt: string): Promise<void> {
  await page.getByLabel('Prompt', { exact: true }).fill(prompt)
  await page.getByRole('button', { name: 'Run', exact: true }).click()
}

/** Make the mock tool "shout" (text → text!!!) in the editor; returns the Your tools region. */
async function makeShout(page: Page, extra: { delayMs?: number; steps?: string } = {}) {
  const mine = page.getByRole('region', { name: 'Your tools' })
  await mine.getByRole('button', { name: 'New tool' }).click()
  const editor = mine.getByRole('form', { name: 'Tool editor' })
  await editor.getByLabel('Tool name').fill('shout')
  await editor.getByLabel('Description', { exact: true }).fill('Says it louder.')
  await editor.getByLabel('Field 1 name').fill('text')
  if (extra.delayMs !== undefined) await editor.getByLabel('ms', { exact: true }).fill(String(extra.delayMs))
  if (extra.steps !== undefined) await editor.getByLabel('Progress steps (one message a line)').fill(extra.steps)
  await editor.getByLabel('Output', { exact: true }).fill('{{text}}!!!')
  await editor.getByRole('button', { name: 'Save tool' }).click()
  return mine
}

const card = (page: Page, name: string) => page.getByRole('article', { name: `Tool call ${name}` }).last()

test('make a mock in the editor; the offline model calls it with the prompt’s argument', async ({ page }) => {
  await openApp(page, { ...FAST, toolPack: 'none' })
  const mine = await makeShout(page, { delayMs: 400, steps: 'Warming up\nShouting {{text}}' })
  await expect(mine.getByRole('switch', { name: 'Enable shout' })).toBeChecked()

  await run(page, 'use shout on hello')
  const shout = card(page, 'shout')
  await expect(shout.getByTestId('tool-status')).toHaveText('ok')
  await expect(shout.getByTestId('tool-output')).toHaveText('hello!!!')
  await expect(shout).toContainText('Shouting hello')
  // Saved locally: still there after a reload.
  await page.reload()
  await expect(page.getByRole('region', { name: 'Your tools' }).getByRole('switch', { name: 'Enable shout' })).toBeChecked()
})

test('a code tool from a link arrives switched off with its code shown; enabled, it runs', async ({ page }) => {
  const body = 'yield "doubling"\nreturn String(args.n * 2)'
  const config: RunConfig = {
    provider: 'local', model: 'lanes-local', executor: 'concurrent', toolPack: 'none', tools: [], maxTurns: 10, routingOnly: false,
    customTools: [{ name: 'doubler', description: 'Doubles n.', enabled: true, inputSchema: { type: 'object', properties: { n: { type: 'number' } }, required: ['n'] }, impl: { kind: 'code', body } }],
  }
  const fragment = await encodeConfigLink(config, { text: 'use doubler with n 21', attachments: [] })
  await openApp(page, FAST, `/${fragment}`)
  await expect(page.getByText(/code switched off until you read and enable it: doubler/)).toBeVisible()
  const tool = page.getByRole('article', { name: 'Custom tool doubler' })
  await expect(tool.getByRole('switch', { name: 'Enable doubler' })).not.toBeChecked()
  await expect(tool.getByLabel('Code of doubler')).toHaveText(body)

  // Off, the model is not offered it: nothing runs.
  await run(page, 'use doubler with n 21')
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled()
  await expect(page.getByRole('article', { name: 'Tool call doubler' })).toHaveCount(0)

  await tool.getByRole('switch', { name: 'Enable doubler' }).check()
  await run(page, 'use doubler with n 21')
  const doubler = card(page, 'doubler')
  await expect(doubler.getByTestId('tool-status')).toHaveText('ok')
  await expect(doubler.getByTestId('tool-output')).toHaveText('42')
  await expect(doubler).toContainText('doubling')
})

test('gallery: exercise 2 with three mocks of 0.5, 1 and 2 s; Compare executors: about 2 s against 3.5 s', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 1 }, toolPack: 'none' })
  await pickScenario(page, 'exercise-variable-delays-mocks')
  const mine = page.getByRole('region', { name: 'Your tools' })
  for (const name of ['api_half_second', 'api_one_second', 'api_two_seconds']) await expect(mine.getByRole('switch', { name: `Enable ${name}` })).toBeChecked()
  await page.getByRole('button', { name: 'Compare executors' }).click()
  await expect(page.getByTestId('comparison')).toBeVisible({ timeout: 30_000 })
  const concurrent = await bars(page, 'concurrent')
  const sequential = await bars(page, 'sequential')
  expect(concurrent.map((b) => b.name).sort()).toEqual(['api_half_second', 'api_one_second', 'api_two_seconds'])
  expect(sequential).toHaveLength(3)
  // The tool phase: the slowest call when they overlap, the sum when they run one by one.
  const phase = (list: typeof concurrent): number => Math.max(...list.map((b) => b.end)) - Math.min(...list.map((b) => b.start))
  expect(phase(concurrent)).toBeGreaterThan(1950)
  expect(phase(concurrent)).toBeLessThan(2500)
  expect(phase(sequential)).toBeGreaterThan(3450)
  expect(phase(sequential)).toBeLessThan(4200)
  await page.screenshot({ path: test.info().outputPath('exercise-2-mocks.png') })
})

test('export your tools as a file and import them in another browser: mocks come in on', async ({ page, browser }) => {
  await openApp(page, { ...FAST, toolPack: 'none' })
  const mine = await makeShout(page)
  const download = page.waitForEvent('download')
  await mine.getByRole('button', { name: 'Export tools' }).click()
  const file = await (await download).path()

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await openApp(other, { ...FAST, toolPack: 'none' })
  const theirs = other.getByRole('region', { name: 'Your tools' })
  const chooser = other.waitForEvent('filechooser')
  await theirs.getByRole('button', { name: 'Import tools' }).click()
  await (await chooser).setFiles(file)
  await expect(theirs.getByRole('status')).toHaveText('Imported 1 tool.')
  await expect(theirs.getByRole('switch', { name: 'Enable shout' })).toBeChecked()
  await run(other, 'use shout on hi')
  await expect(card(other, 'shout').getByTestId('tool-output')).toHaveText('hi!!!', { timeout: 20_000 })
  await fresh.close()
})
