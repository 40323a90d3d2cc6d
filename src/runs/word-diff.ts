// A word-level diff of two answers, for showing variants' answers side by side with what differs
// marked. Myers' O(ND) algorithm over words and the whitespace between them, after the
// common start and end are cut off; D is capped, so two long and very different answers cost at
// most O((N+M)·cap) and come back as one removal and one addition instead of a slow exact diff.

/** A piece of the diff: text both have, text only the first has, or only the second. */
export interface DiffPart {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** Words and the whitespace between them, as separate tokens: joining them gives the text back. */
export function wordsOf(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? []
}

function push(parts: DiffPart[], kind: DiffPart['kind'], text: string): void {
  if (!text) return
  const last = parts.at(-1)
  if (last?.kind === kind) last.text += text
  else parts.push({ kind, text })
}

/**
 * Myers' shortest edit script between word lists a and b (no common start or end), as parts; or
 * undefined when more than `cap` edits would be needed.
 */
function myers(a: readonly string[], b: readonly string[], cap: number): DiffPart[] | undefined {
  const n = a.length
  const m = b.length
  const max = Math.min(n + m, cap)
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
      let x = down ? v[offset + k + 1]! : v[offset + k - 1]! + 1
      let y = x - k
      while (x < n && y < m && a[x] === b[y]) { x++; y++ }
      v[offset + k] = x
      if (x >= n && y >= m) return backtrack(a, b, trace, offset, d)
    }
  }
  return undefined
}

function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], offset: number, end: number): DiffPart[] {
  const reversed: DiffPart[] = []
  let x = a.length
  let y = b.length
  for (let d = end; d > 0; d--) {
    const v = trace[d]!
    const k = x - y
    const down = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
    const prevK = down ? k + 1 : k - 1
    const prevX = v[offset + prevK]!
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) { x--; y--; reversed.push({ kind: 'same', text: a[x]! }) }
    if (down) { y--; reversed.push({ kind: 'added', text: b[y]! }) } else { x--; reversed.push({ kind: 'removed', text: a[x]! }) }
  }
  while (x > 0 && y > 0) { x--; y--; reversed.push({ kind: 'same', text: a[x]! }) }
  const parts: DiffPart[] = []
  for (let i = reversed.length - 1; i >= 0; i--) push(parts, reversed[i]!.kind, reversed[i]!.text)
  return parts
}

/**
 * The word-level differences from `before` to `after`. Joining the parts that are not 'added'
 * gives `before` back; joining those that are not 'removed' gives `after`. At most `cap` edits are
 * searched for (default 400); past that the differing middle is one removal and one addition.
 */
export function wordDiff(before: string, after: string, cap = 400): DiffPart[] {
  const a = wordsOf(before)
  const b = wordsOf(after)
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let end = 0
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++
  const parts: DiffPart[] = []
  push(parts, 'same', a.slice(0, start).join(''))
  const midA = a.slice(start, a.length - end)
  const midB = b.slice(start, b.length - end)
  const middle = myers(midA, midB, cap) ?? [{ kind: 'removed' as const, text: midA.join('') }, { kind: 'added' as const, text: midB.join('') }]
  for (const part of middle) push(parts, part.kind, part.text)
  push(parts, 'same', a.slice(a.length - end).join(''))
  return parts
}
