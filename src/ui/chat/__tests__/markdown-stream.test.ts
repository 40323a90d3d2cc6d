import fc from 'fast-check'
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MarkdownBlocks } from '../Markdown.tsx'
import { emptyBlockCache, splitBlocks, type BlockCache } from '../markdown-blocks.ts'
import { parseTokens } from '../markdown/parser.ts'
import { canonicalHtml, renderMarkdown } from './spec-html.ts'

// A streamed answer is parsed incrementally (only the tail from the last block on); whatever the
// chunking, every step must render and the last one must equal the one-shot render.

/** An answer with every construct the renderer knows, tails that change meaning included. */
export const EVERYTHING = [
  '# Title with `code` and *emphasis*',
  'Setext heading\n==============',
  'A paragraph with **strong**, _em_, ~~struck~~, a [link](https://example.com "title"), <https://auto.link>, www.example.org, mail@example.com, an image ![alt](img.png), a hard  \nbreak and a soft\nbreak, \\*escaped\\*, &amp; &copy; entities, `` a ` tick ``, and $e^{i\\pi}+1=0$ inline.',
  '> A quote\n> > nested\n>\n> - with a list',
  '- tight\n- list\n  1. nested\n  2. ordered\n- [ ] task\n- [x] done',
  '3. starts at three\n4. four\n\n   loose paragraph',
  '```python\ndef f(x):\n    return x * 2\n```',
  '~~~ts\nconst x: number = 1\n~~~',
  '    indented code',
  '| Item | Price |\n|:-----|------:|\n| Milk | $4.29 |\n| Bread | $3.49 |',
  '$$\n\\int_0^1 x^2 \\, dx = \\frac13\n$$',
  '***',
  'Text with <b>raw html</b> and <script>alert(1)</script> shown as text.',
  'Last paragraph\ncontinued lazily',
].join('\n\n')

const WITH_REFERENCES = `${EVERYTHING}\n\nA [ref link][r] and [r].\n\n[r]: https://example.com/ref "Ref"\n`

function streamed(text: string, cuts: number[]): { steps: string[]; cache: BlockCache } {
  const points = [...new Set(cuts.map((c) => Math.floor(c * text.length)))].sort((a, b) => a - b)
  let cache = emptyBlockCache
  const steps: string[] = []
  for (const end of [...points, text.length]) {
    cache = splitBlocks(text.slice(0, end), cache)
    steps.push(renderToStaticMarkup(createElement(MarkdownBlocks, { blocks: cache.blocks, textLength: cache.text.length })))
  }
  return { steps, cache }
}

describe('streaming Markdown', () => {
  it.each([['every construct', EVERYTHING], ['with reference definitions', WITH_REFERENCES]])('%s: any chunking ends identical to the one-shot render', (_name, text) => {
    const oneShot = renderMarkdown(text)
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 60 }), (cuts) => {
        const { steps } = streamed(text, cuts)
        expect(steps[steps.length - 1]).toBe(oneShot)
      }),
      { numRuns: 200 },
    )
  })

  it('ends identical when fed one character at a time', () => {
    const text = EVERYTHING
    let cache = emptyBlockCache
    for (let end = 1; end <= text.length; end++) cache = splitBlocks(text.slice(0, end), cache)
    expect(renderToStaticMarkup(createElement(MarkdownBlocks, { blocks: cache.blocks, textLength: cache.text.length }))).toBe(renderMarkdown(text))
  })

  it('plain paragraphs that skip the parser render exactly as markdown-it alone renders them', () => {
    const word = fc.constantFrom('alpha', 'Beta', 'x', '1.', '2)', '-', '#', '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '&amp;', '~', '$', '|', 'www.a.org', 'a@b.co', 'http://x.y', ':', '=', '+', '.', ',', '"', "'", '\\', '\t', '    ', '```')
    const gap = fc.constantFrom(' ', ' ', ' ', '\n', '\n\n', '\n\n\n', '  \n', '\n    ', '\n \n', '\n\t')
    const render = (blocks: Parameters<typeof MarkdownBlocks>[0]['blocks'], textLength: number): string => canonicalHtml(renderToStaticMarkup(createElement(MarkdownBlocks, { blocks, textLength })))
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 60 }), (parts) => {
        const text = parts.map(([w, g]) => w + g).join('')
        expect(render(splitBlocks(text).blocks, text.length)).toBe(render([{ start: 0, tokens: parseTokens(text, {}) }], text.length))
      }),
      { numRuns: 1_000 },
    )
  })

  it('keeps settled blocks (same objects) and parses only from the last block on', () => {
    const first = splitBlocks('one\n\ntwo\n\nthr')
    const second = splitBlocks('one\n\ntwo\n\nthree\n\nfour', first)
    expect(second.blocks.map((b) => b.start)).toEqual([0, 5, 10, 17])
    expect(second.blocks[0]).toBe(first.blocks[0])
    expect(second.blocks[1]).toBe(first.blocks[1])
    expect(second.blocks[2]).not.toBe(first.blocks[2])
  })

  it('parses the whole text again once it may define references, so earlier links resolve', () => {
    const before = splitBlocks('See [docs].\n\nMore text')
    const after = splitBlocks('See [docs].\n\nMore text\n\n[docs]: https://example.com', before)
    expect(after.whole).toBe(true)
    expect(renderToStaticMarkup(createElement(MarkdownBlocks, { blocks: after.blocks, textLength: after.text.length }))).toContain('href="https://example.com"')
  })

  it('draws an unfinished fence, table and list sensibly while they stream', () => {
    expect(renderMarkdown('```python\ndef f(')).toMatch(/<pre[^>]*><code class="language-python">def f\(<\/code><\/pre>/)
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 |')).toContain('<td class="px-2 py-1">1</td>')
    expect(renderMarkdown('- one\n- tw')).toMatch(/<li>one<\/li><li>tw<\/li>/)
  })
})

describe('sections of a long answer', () => {
  it('are placed, before they are first drawn, by a height estimated from their length', () => {
    const paragraph = 'word '.repeat(180).trim() // 899 characters: ~10 lines
    const text = Array.from({ length: 30 }, () => paragraph).join('\n\n')
    const { blocks } = splitBlocks(text)
    const html = renderToStaticMarkup(createElement(MarkdownBlocks, { blocks, textLength: text.length }))
    const heights = [...html.matchAll(/contain-intrinsic-size:auto (\d+)em/g)].map((m) => Number(m[1]))
    // 12 + 12 + 6 paragraphs: the estimate follows the text, not a fixed size.
    expect(heights).toHaveLength(3)
    expect(heights[0]).toBeGreaterThan(150)
    expect(heights[1]).toBe(heights[0])
    expect(heights[2]).toBeGreaterThan(heights[0]! * 0.4)
    expect(heights[2]).toBeLessThan(heights[0]! * 0.6)
    // A short answer's one section gets a short estimate.
    expect(renderToStaticMarkup(createElement(MarkdownBlocks, { blocks: splitBlocks('Hi.').blocks, textLength: 3 }))).toContain('contain-intrinsic-size:auto 2em')
  })
})
