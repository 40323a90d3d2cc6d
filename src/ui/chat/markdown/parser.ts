import MarkdownItFactory, { type MarkdownIt, type StateCore, type Token } from 'markdown-it'
import { mathPlugin } from './math-rules.ts'

// One markdown-it instance: CommonMark (its own spec suite passes) plus the GFM extensions
// models write (tables, strikethrough, autolinks, task lists) and TeX math. Raw HTML is off, so
// `<script>` in an answer is text; the renderer builds React elements from the tokens and never
// uses markdown-it's HTML output.

/** `[ ]` / `[x]` at the start of a list item's first paragraph: a GFM task list item. */
function taskLists(state: StateCore): void {
  const tokens = state.tokens
  for (let i = 2; i < tokens.length; i++) {
    const inline = tokens[i]!
    if (inline.type !== 'inline' || tokens[i - 1]!.type !== 'paragraph_open' || tokens[i - 2]!.type !== 'list_item_open') continue
    const first = inline.children?.[0]
    const match = first?.type === 'text' ? /^\[([ xX])\](?=[ \t]|$)/.exec(first.content) : null
    if (!first || !match) continue
    // GFM needs whitespace after the box, and a box alone is no task.
    const rest = first.content.slice(3)
    if (rest === '' && (inline.children?.length ?? 0) === 1) continue
    first.content = rest
    tokens[i - 2]!.meta = { ...(tokens[i - 2]!.meta ?? {}), task: match[1] === ' ' ? 'open' : 'done' }
  }
}

function create(): MarkdownIt {
  const md = new MarkdownItFactory('commonmark', { html: false, linkify: true, typographer: false })
  md.enable(['table', 'strikethrough', 'linkify'])
  // www. links need fuzzy matching; the renderer keeps only the GFM forms of what it finds.
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true })
  md.use(mathPlugin)
  md.core.ruler.after('inline', 'task_lists', taskLists)
  return md
}

const md = create()

/** Reference definitions shared by every block of one answer. */
export type References = Record<string, { href: string; title: string }>

/** Parse Markdown into markdown-it's flat token stream. `env.references` collects definitions. */
export function parseTokens(src: string, env: { references?: References }): Token[] {
  return md.parse(src, env)
}

/**
 * The tokens markdown-it makes for a paragraph of plain text (see isPlainParagraph): the same
 * shapes, built without running its rules over text that has nothing for them to find.
 */
export function plainParagraphTokens(text: string): Token[] {
  const open = new MarkdownItFactory.Token('paragraph_open', 'p', 1)
  open.block = true
  const inline = new MarkdownItFactory.Token('inline', '', 0)
  inline.content = text
  inline.level = 1
  const child = new MarkdownItFactory.Token('text', '', 0)
  child.content = text
  inline.children = [child]
  const close = new MarkdownItFactory.Token('paragraph_close', 'p', -1)
  close.block = true
  return [open, inline, close]
}

/** Characters or sequences that may mean something inline, or to linkify. */
const INLINE_MARKUP = /[\\`*_[\]!<>&~$|\0]|:\/\/|www\.|@/i
/** A line that could open a block (heading, quote, list, fence, setext, table) or is indented. */
const BLOCK_START = /(^|\n)([#>=|+*~-]|\d{1,9}[.)]|[ \t])/
/** Trailing whitespace: a hard line break, or a blank-looking line. */
const TRAILING_SPACE = /[ \t](\n|$)/

/**
 * Whether `text` (no blank line inside) is a paragraph of plain text to markdown-it: no inline
 * markup, no block syntax, nothing to linkify. Model prose mostly is, and most of a long answer
 * then skips the parser (a property test holds this to markdown-it's own result).
 */
export function isPlainParagraph(text: string): boolean {
  return text !== '' && !INLINE_MARKUP.test(text) && !BLOCK_START.test(text) && !TRAILING_SPACE.test(text)
}

export type { Token }
