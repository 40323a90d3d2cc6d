import { Fragment, type ReactNode } from 'react'
import { CodeBlock } from './CodeBlock.tsx'
import { MathTex } from './MathTex.tsx'
import type { Token } from './parser.ts'
import { isGfmAutolinkText, safeHref, safeImageSrc } from './urls.ts'

// markdown-it tokens to React elements. Only the elements below can come out, with only the
// attributes set here: a token's own attrs are read (href, src, start, align), never spread.

const LINK = 'text-sky-700 underline dark:text-sky-400'
const HEADING: Record<string, string> = {
  h1: 'text-xl font-semibold',
  h2: 'text-lg font-semibold',
  h3: 'text-base font-semibold',
  h4: 'font-semibold',
  h5: 'font-semibold',
  h6: 'font-semibold text-zinc-600 dark:text-zinc-400',
}

/** The index of the token closing the one opened at `open`. */
function closing(tokens: Token[], open: number, end: number): number {
  let depth = 0
  for (let i = open; i < end; i++) {
    depth += tokens[i]!.nesting
    if (depth === 0) return i
  }
  return end - 1
}

/** Text of inline tokens with markup dropped: an image's alt text, a code fence's label. */
export function plainText(tokens: Token[] | null): string {
  let out = ''
  for (const t of tokens ?? []) {
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'math_inline') out += t.content
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += '\n'
    else if (t.type === 'image') out += plainText(t.children)
  }
  return out
}

/** Whether a fence token was closed (its map spans the opener, the content and a closer). */
function fenceClosed(token: Token): boolean {
  if (!token.map) return false
  const contentLines = token.content === '' ? 0 : token.content.split('\n').length - 1
  return token.map[1] - token.map[0] >= contentLines + 2
}

/**
 * Cells drawn per table body: a hostile 100,000-cell table would freeze the page for seconds, and
 * nobody reads past this many cells in a chat answer anyway; the rest is counted, not drawn.
 */
export const MAX_TABLE_CELLS = 10_000

/** A table body's rows, up to MAX_TABLE_CELLS cells, then one row saying how many were left out. */
function tableBody(tokens: Token[], start: number, end: number): ReactNode[] {
  const rows: ReactNode[] = []
  let cells = 0
  let columns = 1
  let hidden = 0
  for (let i = start; i < end; i++) {
    if (tokens[i]!.type !== 'tr_open') continue
    const close = closing(tokens, i, end)
    if (cells >= MAX_TABLE_CELLS) hidden++
    else {
      columns = (close - i - 1) / 3
      cells += columns
      rows.push(container(tokens[i]!, renderBlocks(tokens, i + 1, close), i))
    }
    i = close
  }
  if (hidden > 0) rows.push(<tr key="hidden"><td colSpan={columns} className="px-2 py-1 italic text-zinc-500">… {hidden} more rows not shown</td></tr>)
  return rows
}

/** Render tokens[start, end) of a block token stream. */
export function renderBlocks(tokens: Token[], start = 0, end = tokens.length): ReactNode[] {
  const out: ReactNode[] = []
  for (let i = start; i < end; i++) {
    const t = tokens[i]!
    if (t.nesting === 1) {
      const close = closing(tokens, i, end)
      out.push(container(t, t.type === 'tbody_open' ? tableBody(tokens, i + 1, close) : renderBlocks(tokens, i + 1, close), i))
      i = close
    } else if (t.nesting === 0) {
      out.push(leaf(t, i))
    }
  }
  return out
}

function container(t: Token, children: ReactNode[], key: number): ReactNode {
  switch (t.type) {
    case 'paragraph_open':
      // A tight list's paragraphs have no <p>. One child goes in bare: a <p> holding its text is
      // one fiber, not an array and a text (1,000 paragraphs stream in a long answer).
      return t.hidden ? children : <p key={key}>{children.length === 1 ? children[0] : children}</p>
    case 'heading_open': {
      const Tag = (/^h[1-6]$/.test(t.tag) ? t.tag : 'h6') as 'h1'
      return <Tag key={key} className={HEADING[Tag]}>{children}</Tag>
    }
    case 'blockquote_open':
      return <blockquote key={key} className="space-y-2 border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">{children}</blockquote>
    case 'bullet_list_open':
      return <ul key={key} className="list-disc space-y-1 pl-6 [&:has(>li>input)]:list-none [&:has(>li>input)]:pl-1">{children}</ul>
    case 'ordered_list_open': {
      const start = Number(t.attrGet('start') ?? 1)
      return <ol key={key} start={start === 1 ? undefined : start} className="list-decimal space-y-1 pl-6">{children}</ol>
    }
    case 'list_item_open': {
      const task = t.meta?.['task']
      if (task === 'open' || task === 'done') {
        return <li key={key}><input type="checkbox" disabled checked={task === 'done'} className="mr-1.5 align-middle" />{children}</li>
      }
      return <li key={key}>{children}</li>
    }
    case 'table_open':
      return (
        <div key={key} data-md-wrap="" className="overflow-x-auto">
          <table className="min-w-full border-collapse text-sm">{children}</table>
        </div>
      )
    case 'thead_open':
      return <thead key={key}>{children}</thead>
    case 'tbody_open':
      return <tbody key={key}>{children}</tbody>
    case 'tr_open':
      return <tr key={key} className="border-b border-zinc-200 dark:border-zinc-800">{children}</tr>
    case 'th_open':
    case 'td_open': {
      const align = /text-align:(left|right|center)/.exec(String(t.attrGet('style') ?? ''))?.[1] as 'left' | 'right' | 'center' | undefined
      const Cell = t.type === 'th_open' ? 'th' : 'td'
      const className = Cell === 'th' ? 'border-b border-zinc-300 px-2 py-1 font-semibold dark:border-zinc-700' : 'px-2 py-1'
      return <Cell key={key} className={className} style={align ? { textAlign: align } : undefined}>{children}</Cell>
    }
    default:
      return children
  }
}

function leaf(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'inline':
      return renderInline(t.children ?? [], key)
    case 'fence': {
      const lang = t.info.trim().split(/\s+/)[0] ?? ''
      return <CodeBlock key={key} code={t.content} lang={lang} complete={fenceClosed(t)} />
    }
    case 'code_block':
      return <CodeBlock key={key} code={t.content} lang="" complete />
    case 'hr':
      return <hr key={key} className="border-zinc-300 dark:border-zinc-700" />
    case 'math_block':
      return <MathTex key={key} tex={t.content} display complete={t.meta?.['closed'] === true} />
    default:
      // Raw HTML is switched off in the parser; anything else unknown shows as its source text.
      return t.content ? <p key={key}>{t.content}</p> : null
  }
}

/** Render an inline token list; a run of plain text and soft breaks is one string. */
export function renderInline(tokens: Token[], key?: number): ReactNode {
  if (tokens.every((t) => t.type === 'text' || t.type === 'softbreak')) {
    return tokens.map((t) => (t.type === 'text' ? t.content : '\n')).join('')
  }
  return <InlineRange key={key} tokens={tokens} />
}

function InlineRange({ tokens }: { tokens: Token[] }): ReactNode {
  return inlineNodes(tokens, 0, tokens.length)
}

function inlineNodes(tokens: Token[], start: number, end: number): ReactNode[] {
  const out: ReactNode[] = []
  for (let i = start; i < end; i++) {
    const t = tokens[i]!
    if (t.nesting === 1) {
      const close = closing(tokens, i, end)
      out.push(inlineContainer(t, tokens, i + 1, close, i))
      i = close
    } else if (t.nesting === 0) {
      out.push(inlineLeaf(t, i))
    }
  }
  return out
}

function inlineContainer(t: Token, tokens: Token[], start: number, end: number, key: number): ReactNode {
  const children = inlineNodes(tokens, start, end)
  switch (t.type) {
    case 'em_open':
      return <em key={key}>{children}</em>
    case 'strong_open':
      return <strong key={key}>{children}</strong>
    case 's_open':
      return <del key={key}>{children}</del>
    case 'link_open': {
      const raw = String(t.attrGet('href') ?? '')
      const href = safeHref(raw)
      const text = plainText(tokens.slice(start, end))
      // linkify also links "setup.py" and "README.md" (real TLDs); GFM links only these.
      if (href === undefined || (t.markup === 'linkify' && !isGfmAutolinkText(text))) return <Fragment key={key}>{children}</Fragment>
      const title = t.attrGet('title')
      return <a key={key} href={href} title={title === null ? undefined : String(title)} target="_blank" rel="noopener noreferrer" className={LINK}>{children}</a>
    }
    default:
      return <Fragment key={key}>{children}</Fragment>
  }
}

function inlineLeaf(t: Token, key: number): ReactNode {
  switch (t.type) {
    case 'text':
      return t.content
    case 'softbreak':
      return '\n'
    case 'hardbreak':
      return <br key={key} />
    case 'code_inline':
      return <code key={key} className="rounded bg-zinc-100 px-1 py-0.5 text-[0.9em] dark:bg-zinc-800">{t.content}</code>
    case 'math_inline':
      return <MathTex key={key} tex={t.content} display={t.markup === '$$'} complete />
    case 'image': {
      const raw = String(t.attrGet('src') ?? '')
      const alt = plainText(t.children)
      const title = t.attrGet('title')
      const src = safeImageSrc(raw)
      if (src !== undefined) return <img key={key} src={src} alt={alt} title={title === null ? undefined : String(title)} className="inline max-w-full" />
      const href = safeHref(raw)
      return href !== undefined ? <a key={key} href={href} target="_blank" rel="noopener noreferrer" className={LINK}>{alt || raw}</a> : alt
    }
    default:
      return t.content
  }
}
