import type { Page } from '@playwright/test'
import { startMockServer, type MockServer } from './mock-server/node.ts'
import { expect, openApp, pickScenario, test } from './app.ts'

// Compare variants (issue 19): several full setups of one prompt on one time axis, with a table.

/** The run labels of the Gantt's bars, in the order the chart draws them. */
async function runOrder(page: Page): Promise<string[]> {
  const labels = await page.locator('[aria-label="Gantt chart"] [data-run][data-kind]').evaluateAll((els) => els.map((el) => el.getAttribute('data-run') ?? ''))
  return labels.filter((label, i) => label !== labels[i - 1])
}

/** Two texts equal but for "N ms" figures at most 1 ms apart. */
function withinAMillisecond(a: string, b: string): boolean {
  const parts = (text: string): string[] => text.split(/(\d+(?:\.\d+)?) ms/)
  const [x, y] = [parts(a), parts(b)]
  return x.length === y.length && x.every((part, i) => (i % 2 === 1 ? Math.abs(Number(part) - Number(y[i])) <= 1 : part === y[i]))
}

/** Each table row's variant and median makespan in ms (from "850 ms" / "1.23 s"). */
async function makespans(page: Page): Promise<Record<string, number>> {
  const rows = page.getByRole('table', { name: 'Comparison table' }).getByTestId('variant-row')
  const out: Record<string, number> = {}
  for (const row of await rows.all()) {
    const text = (await row.getByTestId('makespan-median').textContent()) ?? ''
    const value = Number.parseFloat(text)
    out[(await row.getAttribute('data-variant')) ?? ''] = text.endsWith(' s') ? value * 1000 : value
  }
  return out
}

test('three offline variants (concurrent, sequential, limit 2) of the city scenario, 2 trials: one Gantt with three groups, the table, and a link that reopens it', async ({ page, browser }) => {
  // 300 ms tools and a quick model: the tool phase decides the makespan.
  await openApp(page, { local: { ttftMs: 30, tokensPerSecond: 0, toolSpeed: 0.3 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Compare variants…' }).click()
  const editor = page.getByRole('region', { name: 'Variants' })
  await expect(editor.getByTestId('variant')).toHaveCount(2)
  await editor.getByLabel('Executor of variant B').selectOption('sequential')
  await editor.getByRole('button', { name: 'Add variant' }).click()
  await editor.getByLabel('Executor of variant C').selectOption('limit')
  await editor.getByLabel('Limit of variant C').fill('2')
  await expect(editor.getByLabel('Label of variant C')).toHaveValue('offline · limit 2')
  await editor.getByLabel('Trials per variant').fill('2')
  await editor.getByRole('button', { name: 'Run comparison' }).click()

  const view = page.getByRole('region', { name: 'Comparison of variants' })
  await expect(view.getByTestId('variant-row')).toHaveCount(3, { timeout: 45_000 })
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 45_000 })
  await expect(view).not.toContainText('running…')

  // One Gantt, a group per variant: the six runs drawn variant by variant, trials in order.
  await expect(page.locator('[aria-label="Gantt chart"] [data-group]')).toHaveText([/offline · concurrent\s*2 trials/, /offline · sequential\s*2 trials/, /offline · limit 2\s*2 trials/])
  expect(await runOrder(page)).toEqual([
    'offline · concurrent #1', 'offline · concurrent #2', 'offline · sequential #1', 'offline · sequential #2', 'offline · limit 2 #1', 'offline · limit 2 #2',
  ])
  const spans = await makespans(page)
  expect(spans['offline · concurrent']!).toBeLessThan(spans['offline · limit 2']!)
  expect(spans['offline · limit 2']!).toBeLessThan(spans['offline · sequential']!)
  await expect(view.getByTestId('verdict')).toContainText('offline · concurrent is fastest')
  await expect(view.getByTestId('verdict')).toContainText('in tools')
  await expect(view.getByTestId('variant-row').first().getByTestId('cost')).toHaveText('free')
  await expect(view.getByTestId('variant-answer')).toHaveCount(3)

  // Median trial only: one bar group per variant left on the axis; the table still counts both.
  await view.getByLabel('Median trial only').check()
  await expect.poll(async () => (await runOrder(page)).length).toBe(3)
  await expect(view.getByTestId('variant-row').first()).toContainText('2 runs')
  await view.getByLabel('Median trial only').uncheck()

  // One permalink for the whole comparison, well under the budget, reopened in a fresh context.
  await view.getByRole('button', { name: 'Share comparison' }).click()
  const link = await view.getByLabel('Comparison permalink').inputValue()
  expect(link).toMatch(/#s=1\./)
  const fragment = link.slice(link.indexOf('#'))
  console.log(`comparison link: ${fragment.length} characters for 3 variants × 2 trials`)
  expect(fragment.length).toBeLessThan(8000)
  const table = await view.getByRole('table', { name: 'Comparison table' }).innerText()

  const fresh = await browser.newContext()
  const other = await fresh.newPage()
  await other.goto(`/${fragment}`)
  const reopened = other.getByRole('region', { name: 'Comparison of variants' })
  await expect(reopened.getByTestId('variant-row')).toHaveCount(3)
  // The same table; a link keeps times to 0.1 ms, so a figure in whole ms may round 1 ms apart.
  const reopenedTable = await reopened.getByRole('table', { name: 'Comparison table' }).innerText()
  expect(withinAMillisecond(reopenedTable, table)).toBe(true)
  expect(await runOrder(other)).toHaveLength(6)
  await fresh.close()
})

test.describe('on the mock server', () => {
  const CANARY = 'sk-canary-playwright-0123456789'
  let mock: MockServer
  test.beforeAll(async () => {
    mock = await startMockServer()
  })
  test.afterAll(async () => {
    await mock.close()
  })

  test('an OpenAI variant and an Anthropic variant of the same prompt on one Gantt, with tokens and cost', async ({ page }) => {
    mock.reset()
    await page.addInitScript(([key]) => {
      sessionStorage.setItem('lanes.key.index', 'openai,anthropic')
      sessionStorage.setItem('lanes.key.openai', key)
      sessionStorage.setItem('lanes.key.anthropic', key)
    }, [CANARY] as const)
    await openApp(page, {
      provider: 'openai', models: { openai: 'mock-city', anthropic: 'mock-city' }, baseURLs: { openai: `${mock.url}/v1`, anthropic: mock.url },
      toolPack: 'city', executor: 'concurrent', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.1 },
    })
    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill("What's the weather, time, and population in Seattle?")
    await page.getByRole('button', { name: 'Compare variants…' }).click()
    const editor = page.getByRole('region', { name: 'Variants' })
    await editor.getByLabel('Provider of variant B').selectOption('anthropic')
    await editor.getByLabel('Trials per variant').fill('1')
    await editor.getByRole('button', { name: 'Run comparison' }).click()

    const view = page.getByRole('region', { name: 'Comparison of variants' })
    await expect(view.getByTestId('variant-row')).toHaveCount(2, { timeout: 30_000 })
    await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled({ timeout: 30_000 })
    const labels = await runOrder(page)
    expect(labels).toEqual(['mock-city · concurrent #1', 'mock-city · concurrent (2) #1'])
    const posts = mock.requests().filter((r) => r.method === 'POST').map((r) => r.path)
    expect(posts.some((path) => path.includes('/v1/responses'))).toBe(true)
    expect(posts.some((path) => path.includes('/v1/messages'))).toBe(true)
    // The mock's model has no price: tokens, and "no price".
    for (const row of await view.getByTestId('variant-row').all()) {
      const cells = await row.locator('td').allInnerTexts()
      const [inTokens] = (cells[8] ?? '').split(' / ').map((n) => Number(n.replace(/,/g, '')))
      expect(inTokens).toBeGreaterThan(0)
      await expect(row.getByTestId('cost')).toHaveText('no price')
    }
    await expect(page.getByLabel('Run statistics')).toContainText(/Cost:\s*no price/)
    // Price it under Prices: every row, and the run's stats, show a cost.
    await page.getByRole('button', { name: 'Prices', exact: true }).click()
    const prices = page.getByRole('region', { name: 'Prices' })
    await prices.getByLabel('Input price of mock-city', { exact: true }).fill('2')
    await prices.getByLabel('Output price of mock-city', { exact: true }).fill('8')
    await prices.getByLabel('Cached input price of mock-city').fill('0.2')
    await prices.getByLabel('Close prices').focus()
    await prices.getByLabel('Close prices').click()
    for (const row of await view.getByTestId('variant-row').all()) await expect(row.getByTestId('cost')).toHaveText(/^\$\d/)
    await expect(page.getByLabel('Run statistics')).toContainText(/Cost:\s*\$\d/)
    await expect(view.getByTestId('verdict')).toContainText(/is cheapest|they all cost the same/)
  })
})

test('Stop ends the comparison and keeps the trials that finished; the comparison is one History row that reopens it', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 20, tokensPerSecond: 0, toolSpeed: 0.6 } })
  await pickScenario(page, 'city-concurrent')
  await page.getByRole('button', { name: 'Compare variants…' }).click()
  const editor = page.getByRole('region', { name: 'Variants' })
  await editor.getByLabel('Executor of variant B').selectOption('sequential')
  await editor.getByLabel('Trials per variant').fill('3')
  await editor.getByRole('button', { name: 'Run comparison' }).click()

  const view = page.getByRole('region', { name: 'Comparison of variants' })
  // Both variants have a finished trial (A #1, B #1): stop during the third run.
  await expect(view.getByTestId('variant-row')).toHaveCount(2, { timeout: 30_000 })
  await page.getByRole('button', { name: 'Stop', exact: true }).click()
  await expect(page.getByRole('button', { name: 'Run', exact: true })).toBeEnabled()
  const onAxis = (await runOrder(page)).length
  expect(onAxis).toBeGreaterThanOrEqual(2)
  expect(onAxis).toBeLessThan(6)
  const counted = await view.getByTestId('variant-row').allInnerTexts()
  expect(counted.join(' ')).toMatch(/1 run\b/)

  await page.getByRole('button', { name: 'History', exact: true }).click()
  const rows = page.getByRole('list', { name: 'Saved runs' }).locator('[data-comparison]')
  await expect(rows).toHaveCount(1)
  await expect(rows).toContainText('offline · concurrent vs offline · sequential')
  await page.getByRole('button', { name: 'New chat' }).click()
  await rows.getByRole('button').first().click()
  await expect(view.getByTestId('variant-row')).toHaveCount(2)
  expect((await runOrder(page)).length).toBe(onAxis)
})

test('variants are kept across a reload (their setups, never a key)', async ({ page }) => {
  await openApp(page, { local: { ttftMs: 30, tokensPerSecond: 0, toolSpeed: 0.3 } })
  await page.getByRole('button', { name: 'Compare variants…' }).click()
  const editor = page.getByRole('region', { name: 'Variants' })
  await editor.getByLabel('Executor of variant B').selectOption('sequential')
  await editor.getByRole('button', { name: 'Add variant' }).click()
  await expect(editor.getByTestId('variant')).toHaveCount(3)
  await page.reload()
  await page.getByRole('button', { name: 'Compare variants…' }).click()
  await expect(editor.getByTestId('variant')).toHaveCount(3)
  await expect(editor.getByLabel('Executor of variant B')).toHaveValue('sequential')
})
