// Markdown split into blocks, incrementally. A streamed answer only grows, so the blocks before
// the last one are final: only the tail is re-split and re-rendered per frame, which keeps
// streaming cost flat as the answer grows.

export interface BlockCache {
  text: string
  /** Start offsets of each block in `text`. */
  starts: number[]
  blocks: string[]
}

export const emptyBlockCache: BlockCache = { text: '', starts: [], blocks: [] }

/** Split `text` into blocks, reusing `previous` when `text` extends it. */
export function splitBlocks(text: string, previous: BlockCache = emptyBlockCache): BlockCache {
  let from = 0
  let starts: number[] = []
  let blocks: string[] = []
  // Not startsWith: V8 compares it char by char (2 ms on a 500 KB answer, every frame); a slice
  // compared with === is a memcmp.
  if (previous.blocks.length > 1 && text.length >= previous.text.length && text.slice(0, previous.text.length) === previous.text) {
    // Everything before the previous last block is settled; re-split from its start.
    const keep = previous.blocks.length - 1
    starts = previous.starts.slice(0, keep)
    blocks = previous.blocks.slice(0, keep)
    from = previous.starts[keep] ?? 0
  }
  let blockStart = -1
  let inFence = false
  let lineStart = from
  const flush = (end: number): void => {
    if (blockStart < 0) return
    const block = text.slice(blockStart, end).replace(/\s+$/, '')
    if (block) {
      starts.push(blockStart)
      blocks.push(block)
    }
    blockStart = -1
  }
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = text.length
    const line = text.slice(lineStart, lineEnd)
    const trimmed = line.trim()
    if (trimmed.startsWith('```')) {
      if (!inFence) flush(lineStart)
      if (blockStart < 0) blockStart = lineStart
      inFence = !inFence
      if (!inFence) flush(lineEnd)
    } else if (!inFence && trimmed === '') {
      flush(lineStart)
    } else if (blockStart < 0) {
      blockStart = lineStart
    }
    if (lineEnd >= text.length) break
    lineStart = lineEnd + 1
  }
  flush(text.length)
  return { text, starts, blocks }
}

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'del'; children: Inline[] }
  | { kind: 'code'; text: string }
  | { kind: 'link'; href: string; children: Inline[] }

const SAFE_URL = /^(https?:|mailto:)/i

/** Parse inline Markdown: **strong**, *em* or _em_, ~~del~~, `code`, [text](url) with safe schemes only. */
const MARKUP = /[*_~`[]/

export function parseInline(text: string): Inline[] {
  // Most streamed prose has no inline markup: one text node, no character walk.
  if (!MARKUP.test(text)) return text ? [{ kind: 'text', text }] : []
  const out: Inline[] = []
  let plainStart = 0
  let i = 0
  const pushPlain = (): void => {
    if (i > plainStart) out.push({ kind: 'text', text: text.slice(plainStart, i) })
  }
  const skipTo = (next: number): void => {
    i = next
    plainStart = next
  }
  while (i < text.length) {
    const ch = text[i]!
    if (ch === '`') {
      const end = text.indexOf('`', i + 1)
      if (end > i) {
        pushPlain()
        out.push({ kind: 'code', text: text.slice(i + 1, end) })
        skipTo(end + 1)
        continue
      }
    } else if ((ch === '*' || ch === '_' || ch === '~') && text[i + 1] === ch) {
      const marker = ch + ch
      const end = text.indexOf(marker, i + 2)
      if (end > i + 2) {
        pushPlain()
        out.push({ kind: ch === '~' ? 'del' : 'strong', children: parseInline(text.slice(i + 2, end)) })
        skipTo(end + 2)
        continue
      }
    } else if ((ch === '*' || ch === '_') && text[i + 1] !== ' ' && text[i + 1] !== undefined) {
      const end = text.indexOf(ch, i + 1)
      const wordBoundary = ch === '*' || i === 0 || /\W/.test(text[i - 1] ?? ' ')
      if (end > i + 1 && wordBoundary && text[end - 1] !== ' ') {
        pushPlain()
        out.push({ kind: 'em', children: parseInline(text.slice(i + 1, end)) })
        skipTo(end + 1)
        continue
      }
    } else if (ch === '[') {
      const close = text.indexOf('](', i + 1)
      const end = close > 0 ? text.indexOf(')', close + 2) : -1
      if (close > 0 && end > close) {
        const href = text.slice(close + 2, end).trim()
        const label = parseInline(text.slice(i + 1, close))
        pushPlain()
        if (SAFE_URL.test(href)) out.push({ kind: 'link', href, children: label })
        else out.push(...label, { kind: 'text', text: ` (${href})` })
        skipTo(end + 1)
        continue
      }
    }
    i++
  }
  pushPlain()
  return out
}
