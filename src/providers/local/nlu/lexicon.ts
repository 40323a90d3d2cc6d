// Typo tolerance: a word that is one slip away from a word the intents listen for is read as that
// word ("wether" → "weather", "procss" → "process"). Only longer words are corrected, and only to
// a single candidate, so ordinary words ("main", "then") are never bent into keywords.
import { digitsForWords } from './numbers.ts'

/** The words the intents listen for: corrections aim only at these. */
const VOCABULARY = [
  'weather', 'forecast', 'temperature', 'raining', 'sunny', 'population', 'inhabitants', 'people',
  'screenshot', 'compress', 'compressed', 'email', 'process', 'processing', 'records', 'download', 'fetch',
  'search', 'tutorials', 'calculate', 'compute', 'multiplied', 'divided', 'percent', 'seconds', 'delays',
  'report', 'summary', 'receipt', 'invoice', 'extract', 'analyze', 'analyse', 'classify', 'document',
  'different', 'concurrently', 'sequentially', 'parallel', 'sources', 'attachment', 'billing', 'refund',
  'dataset', 'tokens', 'stream', 'drills', 'faults', 'freeze', 'support', 'subscription',
] as const
const KNOWN = new Set<string>(VOCABULARY)

/** Optimal string alignment distance (adjacent swaps count once), capped at max + 1. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    let best = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1)
      row.push(d)
      best = Math.min(best, d)
    }
    if (best > max) return max + 1
    prev2 = prev
    prev = row
  }
  return prev[b.length]!
}

/** The vocabulary word a slip of the keyboard most likely meant, or the word itself. */
export function correctWord(word: string): string {
  const lower = word.toLowerCase()
  if (lower.length < 5 || KNOWN.has(lower) || !/^[a-z]+$/.test(lower)) return word
  // A plural or singular of a known word is a word, not a slip ("delay", "record", "source").
  if (KNOWN.has(`${lower}s`) || (lower.endsWith('s') && KNOWN.has(lower.slice(0, -1)))) return word
  const max = lower.length >= 8 ? 2 : 1
  let found: string | undefined
  let foundDistance = max + 1
  let tie = false
  for (const candidate of KNOWN) {
    const d = editDistance(lower, candidate, max)
    if (d < foundDistance) { found = candidate; foundDistance = d; tie = false } else if (d === foundDistance && d <= max) tie = true
  }
  return found !== undefined && !tie && foundDistance <= max ? found : word
}

/**
 * The prompt as the intents read it: typos of keywords fixed, numbers in digits, "screen shot"
 * as one word. URLs, e-mail addresses and file names are left as they are.
 */
export function normalizePrompt(prompt: string): string {
  // Split on addresses, URLs and file names (odd parts), and change only the words between them:
  // "one" in "a.b@one.io" is a domain, not a number.
  return prompt.split(UNTOUCHABLE).map((part, i) => (i % 2 === 1 ? part : normalizeWords(part))).join('')
}

/** An e-mail address, a URL, or a dotted name that starts with a letter (a file, a domain). */
const UNTOUCHABLE = /(\S*@\S+|\S*:\/\/\S+|\b[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+\b)/

function normalizeWords(text: string): string {
  // A letters-only word not touching @, /, . or - : never part of an address, URL or file name.
  const fixed = text.replace(/(?<![@/.\w-])[A-Za-z]+(?![@\w-]|\.\w)/g, (word) => correctWord(word))
  return digitsForWords(fixed)
    .replace(/\bscreen[\s-]+shot(s?)\b/gi, 'screenshot$1')
    .replace(/\bscreen[\s-]*grab\b|\bscreen capture\b|\bcapture (?:of )?the screen\b/gi, 'screenshot')
    .replace(/\be-mail\b/gi, 'email')
}
