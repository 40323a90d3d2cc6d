// Numbers as people write them: digits with separators ("1,000", "2.5k") and English words up to
// the thousands ("thirty", "two hundred and five", "a thousand"), so "process thirty records" and
// "process 30 records" plan the same call.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  dozen: 12,
}
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 }

const NUMBER_WORD = [...Object.keys(UNITS), ...Object.keys(TENS), 'hundred', 'thousand'].join('|')
/**
 * A run of number words: "thirty-two", "two hundred and five", "a thousand". "and" joins only
 * after a scale, so "two and three" stays two numbers.
 */
const WORD_RUN = new RegExp(
  `\\b(?:an?\\s+(?=hundred|thousand|dozen))?(?:${NUMBER_WORD})(?:(?:[\\s-]+|(?<=hundred|thousand)\\s+and\\s+)(?:${NUMBER_WORD})\\b)*\\b`,
  'gi',
)

/**
 * The value of a run of number words, or undefined when it is not one number ("five six").
 * Handles tens-units ("thirty-two"), hundreds and thousands ("two thousand five hundred").
 */
export function wordsToNumber(text: string): number | undefined {
  const words = text.toLowerCase().split(/[\s-]+/).filter((w) => w !== 'and' && w !== '')
  if (words.length === 0) return undefined
  let total = 0
  let group = 0
  // What the group may take next: a tens word only at its start, a unit after a tens word.
  let last: 'none' | 'unit' | 'tens' | 'hundred' = 'none'
  for (const [i, word] of words.entries()) {
    if ((word === 'a' || word === 'an') && i === 0) { group = 1; last = 'unit'; continue }
    if (word in UNITS) {
      if (last === 'unit' && !(group === 1 && i === 1 && word === 'dozen')) return undefined
      group = word === 'dozen' ? (group || 1) * 12 : group + UNITS[word]!
      last = 'unit'
    } else if (word in TENS) {
      if (last === 'unit' || last === 'tens') return undefined
      group += TENS[word]!
      last = 'tens'
    } else if (word === 'hundred') {
      if (last === 'hundred' || group >= 100) return undefined
      group = (group || 1) * 100
      last = 'hundred'
    } else if (word === 'thousand') {
      total += (group || 1) * 1_000
      group = 0
      last = 'none'
    } else return undefined
  }
  return total + group
}

/** A count or amount as digits ("1,000", "2.5k") or words ("thirty"); undefined when neither. */
export function parseNumber(text: string | undefined): number | undefined {
  if (text === undefined) return undefined
  const trimmed = text.trim().toLowerCase().replace(/_/g, '')
  const digits = /^(-?\d{1,3}(?:,\d{3})+|-?\d*\.?\d+)\s*(k|thousand)?$/.exec(trimmed)
  if (digits) {
    const n = Number(digits[1]!.replace(/,/g, '')) * (digits[2] ? 1_000 : 1)
    return Number.isFinite(n) ? n : undefined
  }
  if (trimmed === 'once') return 1
  if (trimmed === 'twice') return 2
  if (trimmed === 'thrice') return 3
  return wordsToNumber(trimmed)
}

/**
 * The text with numbers written in words replaced by digits, "1,000" and "2k" made plain, and
 * "twice" made "2 times" ("process thirty records" → "process 30 records"). Other text is kept.
 */
export function digitsForWords(text: string): string {
  return text
    .replace(WORD_RUN, (run) => {
      const value = wordsToNumber(run)
      return value === undefined ? run : String(value)
    })
    .replace(/\btwice\b/gi, '2 times')
    .replace(/\bthrice\b/gi, '3 times')
    .replace(/\b(\d{1,3}(?:,\d{3})+)(?![.\d])/g, (m) => m.replace(/,/g, ''))
    .replace(/\b(\d+(?:\.\d+)?)\s*k\b/gi, (_, n: string) => String(Number(n) * 1_000))
    // Past the thousands only as a scale after digits ("2 million", "1.5m"), so a limit can refuse it.
    .replace(/\b(\d+(?:\.\d+)?)\s*(?:million|m)\b(?!\s*(?:s|sec|secs|seconds?|ms|b|bytes?)\b)/gi, (_, n: string) => String(Number(n) * 1_000_000))
    .replace(/\ba million\b/gi, '1000000')
}
