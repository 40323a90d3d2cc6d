import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Markdown } from '../Markdown.tsx'
import { splitBlocks } from '../markdown-blocks.ts'

const html = (text: string): string => renderToStaticMarkup(createElement(Markdown, { text }))

describe('Markdown', () => {
  it('never passes HTML from a model or tool through to the DOM', () => {
    const out = html('<img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n**<b>bold</b>**')
    expect(out).not.toContain('<img')
    expect(out).not.toContain('<script')
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(out).toContain('<strong>')
  })

  it('opens links with noopener noreferrer and drops unsafe schemes', () => {
    const out = html('[docs](https://example.com/a) and [bad](javascript:alert(1)) and [data](data:text/html,hi)')
    expect(out).toContain('href="https://example.com/a"')
    expect(out).toContain('rel="noopener noreferrer"')
    expect(out).toContain('target="_blank"')
    expect(out).not.toContain('javascript:alert(1)"')
    expect(out).not.toMatch(/href="(javascript|data):/)
  })

  it('renders the seed answer shapes: headings, lists, tables, code', () => {
    const out = html('### Items\n\n- Apples (2 lbs) - $5.99\n- Bread - $3.49\n\n| Item | Price |\n|---|---|\n| Milk | $4.29 |\n\n```json\n{"a": 1}\n```')
    expect(out).toContain('<h4')
    expect(out).toContain('<li>')
    expect(out).toContain('<table')
    expect(out).toContain('<code>{&quot;a&quot;: 1}</code>')
  })

  it('draws a plain paragraph as one element holding its text, and a marked-up one with inline nodes', () => {
    expect(html('Tokens arrive one by one,\nwhile the agent measures <time>.')).toBe(
      '<div class="space-y-3 leading-relaxed break-words"><div class="space-y-3 [content-visibility:auto] [contain-intrinsic-size:auto_10em]">' +
        '<p class="whitespace-pre-wrap">Tokens arrive one by one,\nwhile the agent measures &lt;time&gt;.</p></div></div>',
    )
    expect(html('Tokens **arrive**')).toContain('<p><span class="whitespace-pre-wrap">Tokens </span><strong>')
  })

  it('splits a growing text incrementally, keeping settled blocks', () => {
    const first = splitBlocks('one\n\ntwo\n\nthr')
    const second = splitBlocks('one\n\ntwo\n\nthree\n\nfour', first)
    expect(second.blocks).toEqual(['one', 'two', 'three', 'four'])
    expect(second.blocks[0]).toBe(first.blocks[0])
    expect(splitBlocks('```\na\n\nb\n```\n\nafter').blocks).toEqual(['```\na\n\nb\n```', 'after'])
  })
})
