import { encodePermalink } from '../src/runs/permalink.ts'
import { sampleCityRecord } from '../src/runs/samples.ts'
import type { RunRecord } from '../src/runs/types.ts'
import { expect, test } from './app.ts'

// An answer with a table, code in two languages and math, drawn by the built page under its
// Content-Security-Policy: the answer arrives in a permalink, so the real transcript renders it.

const PYTHON = 'def total(prices: list[float]) -> float:\n    """Sum with 8% tax."""\n    return round(sum(prices) * 1.08, 2)\n'
const TS = "export const greet = (name: string): string => `Hello, ${name}!` // a long line that scrolls sideways instead of wrapping, because code should read like code\n"
const ANSWER = `## Seattle, compared

| City | Temp (°C) | Sky |
|:-----|----------:|:---:|
| Seattle | 12 | Rain |
| Tokyo | 18 | Sunny |

The receipt total in Python:

\`\`\`python
${PYTHON}\`\`\`

and a greeting in TypeScript:

\`\`\`ts
${TS}\`\`\`

A circle's area is $A = \\pi r^2$, and

$$
\\int_0^1 x^2\\,dx = \\frac{1}{3}
$$

- [x] table
- [x] code, with a **copy** button
- [ ] ~~anything else~~
`

/** The seed city run with its final answer replaced by ANSWER. */
function recordWithAnswer(): RunRecord {
  const record = sampleCityRecord()
  const lastTurn = Math.max(...record.events.flatMap((e) => (e.type === 'text-delta' ? [e.turn] : [])))
  const first = record.events.findIndex((e) => e.type === 'text-delta' && e.turn === lastTurn)
  const delta = record.events[first]!
  record.events = record.events.filter((e) => !(e.type === 'text-delta' && e.turn === lastTurn))
  if (delta.type === 'text-delta') record.events.splice(first, 0, { ...delta, text: ANSWER })
  const end = record.events.at(-1)
  if (end?.type === 'run-end') end.result.text = ANSWER
  return record
}

test('an answer with a table, code in two languages and math, in light and dark; copy copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const violations: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') violations.push(message.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP: ${e.violatedDirective} ${e.blockedURI}`))
  })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(`/${await encodePermalink(recordWithAnswer())}`)
  await expect(page.getByRole('region', { name: 'Replay' })).toBeVisible()
  await page.getByRole('button', { name: 'Instant' }).click()

  const answer = page.getByTestId('assistant-text').last()
  // Table, with its alignment.
  await expect(answer.locator('table tbody tr')).toHaveCount(2)
  await expect(answer.locator('th').nth(1)).toHaveCSS('text-align', 'right')
  // Code in two languages: labels, colours from the lazily loaded grammars, no wrapping.
  const python = answer.locator('pre code.language-python')
  const ts = answer.locator('pre code.language-ts')
  await expect(python.locator('.hljs-keyword').first()).toHaveText('def')
  await expect(ts.locator('.hljs-keyword').first()).toHaveText('export')
  await expect(answer.getByText('python', { exact: true })).toBeVisible()
  await expect(answer.getByText('ts', { exact: true })).toBeVisible()
  await expect(ts.locator('..')).toHaveCSS('overflow-x', 'auto')
  expect(await ts.locator('..').evaluate((pre) => pre.scrollWidth > pre.clientWidth)).toBe(true)
  // Math by KaTeX: inline and display, as MathML for screen readers too.
  await expect(answer.locator('[data-math="inline"] .katex')).toHaveCount(1)
  await expect(answer.locator('[data-math="display"] .katex-display')).toHaveCount(1)
  await expect(answer.locator('math').first()).toBeAttached()
  await page.evaluate(() => document.fonts.ready)
  // Everything came from this page's origin.
  const foreign = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((url) => new URL(url).origin !== location.origin))
  expect(foreign).toEqual([])

  // UPDATE_DOCS_SCREENSHOTS=1 refreshes the README's pictures; otherwise they go with the report.
  // The answer is shown alone (a copy over the page, set up with DOM calls, which the CSP allows),
  // so the sticky chart and composer don't cover it.
  const shot = (name: string): string => (process.env['UPDATE_DOCS_SCREENSHOTS'] ? `docs/${name}` : test.info().outputPath(name))
  await page.setViewportSize({ width: 860, height: 1000 })
  await answer.evaluate((node) => {
    const stage = document.createElement('div')
    stage.id = 'markdown-stage'
    stage.className = 'bg-white text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100'
    Object.assign(stage.style, { position: 'fixed', inset: '0', zIndex: '1000', padding: '24px', overflow: 'auto' })
    const copy = node.cloneNode(true) as HTMLElement
    copy.style.maxWidth = '760px'
    stage.append(copy)
    document.body.append(stage)
  })
  const stage = page.locator('#markdown-stage > *')
  await stage.screenshot({ path: shot('markdown-light.png') })
  await page.emulateMedia({ colorScheme: 'dark' })
  await expect(page.locator('html')).toHaveClass(/dark/)
  await stage.screenshot({ path: shot('markdown-dark.png') })
  await page.evaluate(() => document.getElementById('markdown-stage')?.remove())

  // The copy button copies the code exactly.
  await answer.getByRole('button', { name: 'Copy python code' }).click()
  await expect(answer.getByRole('button', { name: 'Copy python code' })).toHaveText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(PYTHON)
  expect(violations).toEqual([])
})
