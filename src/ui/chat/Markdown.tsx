import { memo, useRef, type ReactNode } from 'react'
import { emptyBlockCache, parseInline, splitBlocks, type BlockCache, type Inline } from './markdown-blocks.ts'

// Blocks are drawn in sections of this many: a settled section is one memoized element and one
// content-visibility container, so a frame of a 1,000-paragraph answer reconciles ~80 elements,
// not 1,000, and the browser tracks ~80 visibility states, not 1,000. A section on screen is laid
// out whole, so it is kept near a screenful: 24 made the first frame of a flood lay out 13 KB of
// text to show 4 (12 used 8% less CPU across the page streaming 100k tokens; 8 was no better).
const SECTION_BLOCKS = 12

/**
 * Markdown rendered as React elements, never as HTML: text from a model or a tool can't inject
 * markup. Blocks are memoized, so a streaming answer re-renders only its last section per frame.
 */
export function Markdown({ text }: { text: string }): ReactNode {
  const cache = useRef<BlockCache>(emptyBlockCache)
  if (cache.current.text !== text) cache.current = splitBlocks(text, cache.current)
  const { blocks, starts } = cache.current
  const sections: ReactNode[] = []
  for (let first = 0; first < blocks.length; first += SECTION_BLOCKS) {
    sections.push(<Section key={starts[first]} blocks={blocks.slice(first, first + SECTION_BLOCKS)} />)
  }
  return <div className="space-y-3 leading-relaxed break-words">{sections}</div>
}

const Section = memo(
  function Section({ blocks }: { blocks: string[] }): ReactNode {
    // Off-screen sections skip layout and paint: a long answer costs only what is visible.
    return (
      <div className="space-y-3 [content-visibility:auto] [contain-intrinsic-size:auto_10em]">
        {blocks.map((block, i) => <Block key={i} text={block} />)}
      </div>
    )
  },
  (before, after) => before.blocks.length === after.blocks.length && before.blocks.every((block, i) => block === after.blocks[i]),
)

const Block = memo(function Block({ text }: { text: string }): ReactNode {
  const lines = text.split('\n')
  const first = lines[0]!.trim()
  if (first.startsWith('```')) {
    const lang = first.slice(3).trim()
    const closed = lines.length > 1 && lines[lines.length - 1]!.trim().startsWith('```')
    const body = lines.slice(1, closed ? -1 : undefined).join('\n')
    return (
      <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 text-sm dark:bg-zinc-900" aria-label={lang ? `${lang} code` : 'code'}>
        <code>{body}</code>
      </pre>
    )
  }
  const groups = groupLines(lines)
  if (groups.length === 1) return <Group group={groups[0]!} />
  return <>{groups.map((group, i) => <Group key={i} group={group} />)}</>
})

type LineKind = 'heading' | 'ul' | 'ol' | 'quote' | 'table' | 'hr' | 'p'
interface LineGroup { kind: LineKind; lines: string[] }

function kindOf(line: string): LineKind {
  const t = line.trim()
  if (/^#{1,6}\s/.test(t)) return 'heading'
  if (/^(-{3,}|\*{3,}|_{3,})$/.test(t)) return 'hr'
  if (/^[-*+]\s/.test(t)) return 'ul'
  if (/^\d+[.)]\s/.test(t)) return 'ol'
  if (t.startsWith('>')) return 'quote'
  if (t.startsWith('|') && t.endsWith('|')) return 'table'
  return 'p'
}

function groupLines(lines: string[]): LineGroup[] {
  const groups: LineGroup[] = []
  for (const line of lines) {
    const kind = kindOf(line)
    const last = groups[groups.length - 1]
    const continues = last && (last.kind === kind || ((last.kind === 'ul' || last.kind === 'ol') && /^\s{2,}\S/.test(line)))
    if (continues && kind !== 'heading' && kind !== 'hr') last.lines.push(line)
    else groups.push({ kind, lines: [line] })
  }
  return groups
}

function Group({ group }: { group: LineGroup }): ReactNode {
  const { kind, lines } = group
  switch (kind) {
    case 'heading': {
      const line = lines[0]!.trim()
      const level = line.indexOf(' ')
      const content = <Inlines nodes={parseInline(line.slice(level + 1))} />
      return level <= 2 ? <h3 className="text-lg font-semibold">{content}</h3> : <h4 className="font-semibold">{content}</h4>
    }
    case 'hr':
      return <hr className="border-zinc-300 dark:border-zinc-700" />
    case 'ul':
    case 'ol': {
      const items = lines.map((l) => l.trim().replace(kind === 'ul' ? /^[-*+]\s+/ : /^\d+[.)]\s+/, ''))
      const children = items.map((item, i) => <li key={i}><Inlines nodes={parseInline(item)} /></li>)
      return kind === 'ul' ? <ul className="list-disc space-y-1 pl-6">{children}</ul> : <ol className="list-decimal space-y-1 pl-6">{children}</ol>
    }
    case 'quote':
      return (
        <blockquote className="border-l-4 border-zinc-300 pl-3 text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          <Inlines nodes={parseInline(lines.map((l) => l.trim().replace(/^>\s?/, '')).join(' '))} />
        </blockquote>
      )
    case 'table':
      return <Table lines={lines} />
    case 'p': {
      const nodes = parseInline(lines.join('\n'))
      // Most streamed prose is plain text: one element and its text, not a span inside a <p>
      // (a 100k-token answer is a thousand such paragraphs, built while the stream runs).
      const only = nodes.length === 1 ? nodes[0]! : undefined
      if (only?.kind === 'text') return <p className="whitespace-pre-wrap">{only.text}</p>
      return <p><Inlines nodes={nodes} /></p>
    }
  }
}

function Table({ lines }: { lines: string[] }): ReactNode {
  const rows = lines.map((l) => l.trim().slice(1, -1).split('|').map((c) => c.trim()))
  const isRule = (row: string[]): boolean => row.every((c) => /^:?-{2,}:?$/.test(c))
  const header = rows.length > 1 && isRule(rows[1]!) ? rows[0] : undefined
  const body = rows.filter((row, i) => !isRule(row) && !(header && i === 0))
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-sm">
        {header && <thead><tr>{header.map((c, i) => <th key={i} className="border-b border-zinc-300 px-2 py-1 text-left dark:border-zinc-700"><Inlines nodes={parseInline(c)} /></th>)}</tr></thead>}
        <tbody>{body.map((row, r) => <tr key={r}>{row.map((c, i) => <td key={i} className="px-2 py-1"><Inlines nodes={parseInline(c)} /></td>)}</tr>)}</tbody>
      </table>
    </div>
  )
}

function Inlines({ nodes }: { nodes: Inline[] }): ReactNode {
  return nodes.map((node, i) => {
    switch (node.kind) {
      case 'text': return <span key={i} className="whitespace-pre-wrap">{node.text}</span>
      case 'code': return <code key={i} className="rounded bg-zinc-100 px-1 py-0.5 text-[0.9em] dark:bg-zinc-800">{node.text}</code>
      case 'strong': return <strong key={i}><Inlines nodes={node.children} /></strong>
      case 'em': return <em key={i}><Inlines nodes={node.children} /></em>
      case 'del': return <del key={i}><Inlines nodes={node.children} /></del>
      case 'link': return <a key={i} href={node.href} target="_blank" rel="noopener noreferrer" className="text-sky-700 underline dark:text-sky-400"><Inlines nodes={node.children} /></a>
    }
  })
}
