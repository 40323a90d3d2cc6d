import type { MarkdownIt, StateBlock, StateInline } from 'markdown-it'

// TeX math in Markdown, the way models write it: `$x$` and `\(x\)` inline, `$$…$$` and `\[…\]`
// as blocks. The tokens carry the TeX source only; KaTeX draws it later, loaded on demand.

const DOLLAR = 0x24
const BACKSLASH = 0x5c

/**
 * Find the closing `$` of inline math opened at `start`, by Pandoc's rule so prices stay text:
 * the opener is not followed by a space, the closer is not preceded by one nor followed by a
 * digit ("$5 and $10" is not math).
 */
function closingDollar(src: string, start: number, max: number): number {
  const first = src.charCodeAt(start + 1)
  if (start + 1 >= max || first === 0x20 || first === 0x09 || first === 0x0a || first === DOLLAR) return -1
  for (let pos = start + 1; pos < max; pos++) {
    const ch = src.charCodeAt(pos)
    if (ch === BACKSLASH) {
      pos++
      continue
    }
    if (ch !== DOLLAR) continue
    const before = src.charCodeAt(pos - 1)
    const after = src.charCodeAt(pos + 1)
    if (before === 0x20 || before === 0x09 || before === 0x0a) return -1
    if (after >= 0x30 && after <= 0x39) return -1
    return pos
  }
  return -1
}

/**
 * Where a search for `closer` last came up empty, per inline run: a later opener of the same kind
 * would scan the same tail again, and a line of a thousand `\(` would take quadratic time.
 */
const exhausted = new WeakMap<StateInline, Map<string, number>>()

function findCloser(state: StateInline, closer: string, from: number): number {
  let misses = exhausted.get(state)
  if (from >= (misses?.get(closer) ?? Infinity)) return -1
  const at = state.src.indexOf(closer, from)
  if (at < 0) {
    // None anywhere after `from` in this source: true for any later search too. (Past posMax,
    // inside a link label, is only true for this search, so it is not remembered.)
    if (!misses) exhausted.set(state, (misses = new Map()))
    misses.set(closer, Math.min(from, misses.get(closer) ?? Infinity))
    return -1
  }
  return at > state.posMax - closer.length ? -1 : at
}

function inlineMath(state: StateInline, silent: boolean): boolean {
  const { src, pos, posMax } = state
  const ch = src.charCodeAt(pos)
  let open: number
  let close: number
  let display = false
  if (ch === DOLLAR) {
    if (src.charCodeAt(pos + 1) === DOLLAR) {
      // `$$x$$` inside a line: display style, still inline.
      const end = findCloser(state, '$$', pos + 2)
      if (end < 0 || end === pos + 2) return false
      open = 2
      close = end
      display = true
    } else {
      open = 1
      close = closingDollar(src, pos, posMax)
    }
  } else if (ch === BACKSLASH && src.charCodeAt(pos + 1) === 0x28 /* ( */) {
    const end = findCloser(state, '\\)', pos + 2)
    if (end < 0) return false
    open = 2
    close = end
  } else {
    return false
  }
  if (close < 0) return false
  const content = src.slice(pos + open, close)
  if (!content.trim()) return false
  if (!silent) {
    const token = state.push('math_inline', 'math', 0)
    token.content = content
    token.markup = display ? '$$' : src.slice(pos, pos + open)
  }
  state.pos = close + open
  return true
}

/** A `$$` or `\[` block: the opener starts a line, the closer ends one (or the same one). */
function blockMath(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine]! - state.blkIndent >= 4) return false
  const start = state.bMarks[startLine]! + state.tShift[startLine]!
  const max = state.eMarks[startLine]!
  const opener = state.src.slice(start, start + 2)
  const closer = opener === '$$' ? '$$' : opener === '\\[' ? '\\]' : ''
  if (!closer) return false
  const firstRest = state.src.slice(start + 2, max)
  // The opener stands alone on its line, or the whole block is on one line: "\\[not a link]"
  // and "$$ and more text" stay text.
  const sameLine = firstRest.trimEnd().endsWith(closer) && firstRest.trim().length >= closer.length
  if (firstRest.trim() !== '' && !sameLine) return false
  if (silent) return true
  let content: string
  let nextLine = startLine + 1
  let closed = false
  if (sameLine) {
    const body = firstRest.trimEnd()
    content = body.slice(0, body.length - closer.length)
    closed = true
  } else {
    const lines = [firstRest]
    for (; nextLine < endLine; nextLine++) {
      const lineStart = state.bMarks[nextLine]! + state.tShift[nextLine]!
      const lineEnd = state.eMarks[nextLine]!
      // A container (list item, quote) that ends also ends the math, as it does a fence.
      if (state.sCount[nextLine]! < state.blkIndent && lineStart < lineEnd) break
      const line = state.src.slice(lineStart, lineEnd).trimEnd()
      if (line.endsWith(closer)) {
        lines.push(line.slice(0, line.length - closer.length))
        closed = true
        nextLine++
        break
      }
      lines.push(state.src.slice(state.bMarks[nextLine]!, lineEnd))
    }
    content = lines.join('\n')
  }
  const token = state.push('math_block', 'math', 0)
  token.block = true
  token.content = content.trim()
  token.markup = opener
  token.meta = { closed }
  token.map = [startLine, nextLine]
  state.line = nextLine
  return true
}

/** Add the math rules to a markdown-it instance. */
export function mathPlugin(md: MarkdownIt): void {
  md.inline.ruler.before('escape', 'math_inline', inlineMath)
  md.block.ruler.before('fence', 'math_block', blockMath, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
}
