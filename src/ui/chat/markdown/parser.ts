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

export type { Token }
