import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { Markdown } from '../Markdown.tsx'

// Compare the component's HTML with a spec's expected HTML the way the issue measured it: layout
// wrappers, classes and whitespace ignored. Everything else counts: tags, nesting, text, and the
// attributes that carry meaning (href, title, src, alt, start, checked, alignment).

/** Attributes that are presentation or page behaviour, not Markdown meaning. */
const IGNORED = new Set(['class', 'target', 'rel', 'data-md-wrap', 'data-math'])

function attributes(raw: string): string {
  const found: string[] = []
  for (const m of raw.matchAll(/([^\s=/]+)(?:\s*=\s*"([^"]*)")?/g)) {
    let name = m[1]!.toLowerCase()
    let value = m[2] ?? ''
    if (IGNORED.has(name)) continue
    // GFM writes alignment as align="x"; the component as style="text-align:x".
    if (name === 'style') {
      const align = /text-align:\s*(left|right|center)/.exec(value)?.[1]
      if (!align) continue
      name = 'align'
      value = align
    }
    found.push(`${name}="${value}"`)
  }
  return found.sort().map((a) => ' ' + a).join('')
}

/** HTML in one canonical form: chrome and wrappers dropped, attributes sorted, whitespace folded. */
export function canonicalHtml(html: string): string {
  return html
    .replace(/<div data-md-chrome=""[^>]*>[\s\S]*?<\/div>/g, '')
    .replace(/<\/?div\b[^>]*>/g, '')
    // react-dom/server's own preload hint for an <img>; no part of the Markdown.
    .replace(/<link\b[^>]*\bas="image"[^>]*>/g, '')
    .replace(/<([a-zA-Z][\w-]*)([^>]*?)\s*\/?>/g, (_, tag: string, raw: string) => `<${tag.toLowerCase()}${attributes(raw)}>`)
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .replace(/\s*(<[^>]+>)\s*/g, '$1')
    .trim()
}

/** The component's static HTML for `markdown`. */
export function renderMarkdown(markdown: string): string {
  return renderToStaticMarkup(createElement(Markdown, { text: markdown }))
}

export interface SpecExample {
  number: number
  section: string
  markdown: string
  html: string
}

/** Whether the component renders `example` as the spec says. */
export function passes(example: SpecExample): boolean {
  return canonicalHtml(renderMarkdown(example.markdown)) === canonicalHtml(example.html)
}
