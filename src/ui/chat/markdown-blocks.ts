// Markdown parsed into top-level blocks, incrementally. A streamed answer only grows, so every
// block before the last one is final: only the tail, from the start of the last block, is parsed
// again per frame, and the settled blocks keep their token arrays (and so their memoized React
// elements). Parsing a tail alone is the same as parsing it in place, because a top-level block
// starts with no container open, except for link reference definitions, which apply to the whole
// document: once a text holds `]:` it is parsed whole each time (model answers rarely have them).
import { isPlainParagraph, parseTokens, plainParagraphTokens, type References, type Token } from './markdown/parser.ts'

/** One top-level block: its offset in the text and its tokens (opening to closing). */
export interface MdBlock {
  start: number
  tokens: Token[]
}

export interface BlockCache {
  text: string
  blocks: MdBlock[]
  /** Set once the text may define link references: then every parse is a whole-text parse. */
  whole: boolean
}

export const emptyBlockCache: BlockCache = { text: '', blocks: [], whole: false }

/** Line endings as CommonMark reads them: CR LF and a lone CR are both a line break. */
export function normalizeNewlines(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text
}

/** Offsets of the starts of lines in `text`, up to line `upTo`. */
function lineStarts(text: string, upTo: number): number[] {
  const starts = [0]
  let at = 0
  while (starts.length <= upTo) {
    at = text.indexOf('\n', at)
    if (at < 0) break
    starts.push(++at)
  }
  return starts
}

/** Group a flat token stream into top-level blocks, with offsets from `base`. */
function groupBlocks(tokens: Token[], src: string, base: number): MdBlock[] {
  const lastLine = tokens.reduce((max, t) => (t.level === 0 && t.map ? Math.max(max, t.map[0]) : max), 0)
  const starts = lineStarts(src, lastLine)
  const blocks: MdBlock[] = []
  let open: MdBlock | undefined
  for (const token of tokens) {
    if (!open) {
      const line = token.map?.[0] ?? 0
      open = { start: base + (starts[line] ?? src.length), tokens: [] }
    }
    open.tokens.push(token)
    if (token.level === 0 && token.nesting <= 0) {
      blocks.push(open)
      open = undefined
    }
  }
  if (open) blocks.push(open)
  return blocks
}

/** Parse `text` into blocks, reusing `previous` when `text` extends it. */
export function splitBlocks(text: string, previous: BlockCache = emptyBlockCache): BlockCache {
  // Not startsWith: V8 compares it char by char (2 ms on a 500 KB answer, every frame); a slice
  // compared with === is a memcmp.
  const grows = previous.blocks.length > 1 && text.length >= previous.text.length && text.slice(0, previous.text.length) === previous.text
  let kept: MdBlock[] = []
  let from = 0
  if (grows && !previous.whole) {
    kept = previous.blocks.slice(0, -1)
    from = previous.blocks[previous.blocks.length - 1]!.start
  }
  let tail = from ? text.slice(from) : text
  const whole = (grows && previous.whole) || tail.includes(']:')
  if (whole && from) {
    kept = []
    from = 0
    tail = text
  }
  const plain = whole ? [] : plainParagraphs(tail, from)
  if (plain.length) {
    const last = plain[plain.length - 1]!
    const next = last.end
    kept = kept.concat(plain.map(({ start, text: body }) => ({ start, tokens: plainParagraphTokens(body) })))
    tail = text.slice(next)
    from = next
  }
  const env: { references?: References } = {}
  const blocks = groupBlocks(parseTokens(tail, env), tail, from)
  return { text, blocks: kept.length ? kept.concat(blocks) : blocks, whole }
}

/**
 * The plain paragraphs at the head of `tail` that a blank line has closed, each with its offset.
 * They need no parser: a blank line ends a paragraph whatever follows, and a paragraph of plain
 * text is one text node. Stops at the first block that is anything else.
 */
function plainParagraphs(tail: string, base: number): { start: number; text: string; end: number }[] {
  const found: { start: number; text: string; end: number }[] = []
  let at = 0
  while (at < tail.length) {
    const blank = tail.indexOf('\n\n', at)
    if (blank < 0) break
    const body = tail.slice(at, blank)
    if (!isPlainParagraph(body)) break
    let next = blank + 2
    while (tail.charCodeAt(next) === 10) next++
    found.push({ start: base + at, text: body, end: base + next })
    at = next
  }
  return found
}
