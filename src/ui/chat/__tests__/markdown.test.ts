import { describe, expect, it } from 'vitest'
import { renderMarkdown as html } from './spec-html.ts'

describe('Markdown', () => {
  it('never passes HTML from a model or tool through to the DOM', () => {
    const out = html('<img src=x onerror="alert(1)"> and <script>alert(2)</script>\n\n**<b>bold</b>**')
    expect(out).not.toContain('<img')
    expect(out).not.toContain('<script')
    expect(out).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;')
    expect(out).toContain('<strong>&lt;b&gt;bold&lt;/b&gt;</strong>')
  })

  it('opens http(s) and mailto links with noopener noreferrer, keeps only the text of other schemes', () => {
    const out = html('[docs](https://example.com/a "Docs") [mail](mailto:a@b.co) [bad](javascript:alert(1)) [data](data:text/html,hi) <ftp://x.y>')
    expect(out).toContain('<a href="https://example.com/a" title="Docs" target="_blank" rel="noopener noreferrer"')
    expect(out).toContain('href="mailto:a@b.co"')
    expect(out).not.toMatch(/href="(javascript|data|ftp):/)
    expect(out).toContain('bad')
  })

  it('renders the seed answer shapes: headings, lists, tables, code', () => {
    const out = html('### Items\n\n- Apples (2 lbs) - $5.99\n- Bread - $3.49\n\n| Item | Price |\n|---|--:|\n| Milk | $4.29 |\n\n```json\n{"a": 1}\n```')
    expect(out).toContain('<h3')
    expect(out).toContain('<li>Apples (2 lbs) - $5.99</li>')
    expect(out).toMatch(/<th class="[^"]*" style="text-align:right">Price<\/th>/)
    expect(out).toContain('<code class="language-json">{&quot;a&quot;: 1}\n</code>')
  })

  it('gives a code block a language label, a copy button and a horizontal scroll', () => {
    const out = html('```python\nprint(1)\n```')
    expect(out).toMatch(/<span>python<\/span><button type="button" aria-label="Copy python code"[^>]*>Copy<\/button>/)
    expect(out).toMatch(/<pre class="[^"]*overflow-x-auto[^"]*">/)
  })

  it('draws a plain paragraph as one element holding its text', () => {
    expect(html('Tokens arrive one by one,\nwhile the agent measures <time>.')).toContain('<p>Tokens arrive one by one,\nwhile the agent measures &lt;time&gt;.</p>')
  })

  it('renders GFM task lists, strikethrough and www autolinks, and not "setup.py" as a link', () => {
    const out = html('- [ ] todo\n- [x] done\n\n~~old~~ www.example.org, setup.py and README.md')
    expect(out).toContain('<input type="checkbox" disabled=""')
    expect(out).toContain('checked=""')
    expect(out).toContain('<del>old</del>')
    expect(out).toContain('href="http://www.example.org"')
    expect(out).not.toContain('href="http://setup.py"')
    expect(out).not.toContain('href="http://README.md"')
  })

  it('marks math for KaTeX and shows its TeX until KaTeX has loaded; prices stay text', () => {
    const out = html('Euler: $e^{i\\pi}+1=0$. It costs $5 and $10.\n\n$$\n\\int_0^1 x\\,dx\n$$')
    expect(out).toContain('<span data-math="inline"><code class="text-[0.9em]">e^{i\\pi}+1=0</code></span>')
    expect(out).toContain('It costs $5 and $10.')
    expect(out).toMatch(/<span data-math="display"[^>]*><code[^>]*>\\int_0\^1 x\\,dx<\/code><\/span>/)
  })

  it('shows images from this origin and data: images, and links remote ones', () => {
    expect(html('![a](img/a.png)')).toContain('<img src="img/a.png" alt="a"')
    expect(html('![a](https://elsewhere.example/a.png)')).not.toContain('<img')
  })
})
