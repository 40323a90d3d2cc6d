import spec from 'commonmark-spec'
import { describe, expect, it } from 'vitest'
import gfm from './fixtures/gfm-extensions.json'
import { passes, type SpecExample } from './spec-html.ts'

// The CommonMark 0.31.2 spec examples (its raw-HTML sections aside: raw HTML is shown as text
// here, by design) and the GFM spec's extension examples, rendered through the component with
// react-dom/server and compared with layout wrappers, classes and whitespace ignored.

const RAW_HTML = 'raw HTML is shown as text, never rendered'
const SCHEME = 'only http, https and mailto links are live; other schemes stay text'
const GFM_AUTOLINK = 'GFM autolinks bare URLs and emails, which plain CommonMark leaves as text'
const LINKIFY = "linkify-it's trailing-punctuation rules differ from GFM's here"

/** Examples expected to fail, by spec and number, and why. */
const EXPECTED_FAILURES: Record<string, string> = {
  'commonmark 21': RAW_HTML, 'commonmark 31': RAW_HTML, 'commonmark 201': RAW_HTML, 'commonmark 308': RAW_HTML,
  'commonmark 309': RAW_HTML, 'commonmark 344': RAW_HTML, 'commonmark 475': RAW_HTML, 'commonmark 476': RAW_HTML,
  'commonmark 477': RAW_HTML, 'commonmark 491': RAW_HTML, 'commonmark 494': RAW_HTML, 'commonmark 524': RAW_HTML,
  'commonmark 536': RAW_HTML, 'commonmark 642': RAW_HTML, 'commonmark 643': RAW_HTML,
  'commonmark 596': SCHEME, 'commonmark 598': SCHEME, 'commonmark 599': SCHEME, 'commonmark 601': SCHEME,
  'gfm 21': SCHEME,
  'commonmark 602': GFM_AUTOLINK, 'commonmark 608': GFM_AUTOLINK, 'commonmark 611': GFM_AUTOLINK, 'commonmark 612': GFM_AUTOLINK,
  'gfm 18': LINKIFY, 'gfm 19': LINKIFY,
}

const tabs = (s: string): string => s.replace(/→/g, '\t')
const commonmark: [string, SpecExample][] = spec.tests
  .filter((t) => t.section !== 'HTML blocks' && t.section !== 'Raw HTML')
  .map((t) => [`commonmark ${t.number}`, { ...t, markdown: tabs(t.markdown), html: tabs(t.html) }])
const extensions: [string, SpecExample][] = (gfm as { examples: SpecExample[] }).examples.map((t) => [`gfm ${t.number}`, t])
const all = [...commonmark, ...extensions]

describe('Markdown against the CommonMark and GFM specs', () => {
  it('has the examples the issue counted (588 CommonMark without raw HTML, 24 GFM extensions)', () => {
    expect(commonmark).toHaveLength(588)
    expect(extensions).toHaveLength(24)
  })

  it.each(all.filter(([id]) => !(id in EXPECTED_FAILURES)))('%s renders as the spec says', (_id, example) => {
    expect(passes(example)).toBe(true)
  })

  it.each(all.filter(([id]) => id in EXPECTED_FAILURES))('%s differs, as listed', (id, example) => {
    // A listed example that starts passing must leave the list, so the list stays true.
    expect(passes(example), EXPECTED_FAILURES[id]).toBe(false)
  })

  it('passes at least 95% of them', () => {
    const passed = all.filter(([, example]) => passes(example)).length
    expect(passed / all.length).toBeGreaterThanOrEqual(0.95)
  })
})
