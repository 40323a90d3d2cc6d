// Arithmetic as people say it: "17 times 23", "(35.24 + 3) times 2", "15% of 80", "100 divided
// by 4", "2 to the power of 10", turned into the calculator's expression syntax.

const WORD_OPERATORS: readonly [RegExp, string][] = [
  [/\bmultiplied\s+by\b|\btimes\b(?=\s*[\d(])|(?<=[\d)]\s*)[x×](?=\s*[\d(])/gi, '*'],
  [/\bdivided\s+by\b|\bover\b(?=\s*[\d(])|÷/gi, '/'],
  [/\bplus\b|\badded\s+to\b/gi, '+'],
  [/\bminus\b|\bless\b(?=\s*[\d(])|\btake\s+away\b/gi, '-'],
  [/\bto\s+the\s+power\s+of\b|\braised\s+to\b|\*\*/gi, '^'],
  [/\bsquared\b/gi, '^ 2'],
  [/\bcubed\b/gi, '^ 3'],
]

/**
 * The arithmetic in a prompt in calculator syntax, or undefined when it has no operator between
 * two numbers. "N% of X" becomes "N / 100 * X"; the longest arithmetic run wins.
 */
export function expressionOf(text: string): string | undefined {
  let s = text.replace(/(\d),(?=\d{3}\b)/g, '$1')
  for (const [pattern, op] of WORD_OPERATORS) s = s.replace(pattern, ` ${op} `)
  s = s.replace(/(\d+(?:\.\d+)?)\s*(?:%|percent)\s+of\s+/gi, '$1 / 100 * ')
  const runs = s.match(/[\d(.][\d\s.+\-*/%^()]*[\d)]/g) ?? []
  const best = runs
    .map((run) => run.trim())
    .filter((run) => /[\d)]\s*[-+*/%^]\s*[\d(.]/.test(run) && balanced(run))
    .sort((a, b) => b.length - a.length)[0]
  return best?.replace(/\s+/g, ' ').replace(/\(\s/g, '(').replace(/\s\)/g, ')')
}

function balanced(run: string): boolean {
  let depth = 0
  for (const c of run) {
    if (c === '(') depth++
    else if (c === ')' && --depth < 0) return false
  }
  return depth === 0
}
