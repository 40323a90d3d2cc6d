// Slot readers: the values a prompt carries (cities, URLs, file names, e-mail addresses, lists,
// delays and the names they belong to, arithmetic). Each reads the text as the user wrote it,
// after numbers in words became digits (normalizePrompt), and returns nothing rather than a guess.
import { splitList, unique } from '../text.ts'

const URL = /\bhttps?:\/\/[^\s),]+[^\s),.?!]/g
const FILE = /(?<![\w/.-])[\w-]+(?:\.[\w-]+)*\.(?:pdf|csv|txt|md|docx?|json|xlsx?|zip|tar\.gz|gz|png|jpe?g|gif|webp|mp4|iso|bin|log)\b/gi
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}/gi
const IMAGE = /\.(?:png|jpe?g|gif|webp)$/i

/** URLs and file names, in order, without duplicates (a file inside a URL is not listed twice). */
export function extractFiles(prompt: string): string[] {
  const urls = prompt.match(URL) ?? []
  const rest = prompt.replace(URL, ' ').replace(EMAIL, ' ')
  return unique([...urls, ...(rest.match(FILE) ?? [])])
}

/** Image file names ("report.png"), for the screenshot steps. */
export function extractImageNames(prompt: string): string[] {
  return extractFiles(prompt).filter((file) => !file.includes('/') && IMAGE.test(file))
}

/** E-mail addresses, in order. */
export function extractEmails(prompt: string): string[] {
  return unique(prompt.match(EMAIL) ?? [])
}

/** Cities people ask about most, so "weather in new york" works without capitals. */
const KNOWN_CITIES = [
  'New York', 'New Delhi', 'San Francisco', 'São Paulo', 'Sao Paulo', 'Cape Town', 'Kuala Lumpur', 'Los Angeles', 'Las Vegas', 'Hong Kong', 'Rio de Janeiro', 'Buenos Aires', 'Mexico City',
  'Seattle', 'Tokyo', 'Paris', 'London', 'Berlin', 'Sydney', 'Chicago', 'Boston', 'Madrid', 'Rome', 'Toronto', 'Mumbai',
  'Delhi', 'Beijing', 'Shanghai', 'Singapore', 'Dubai', 'Moscow', 'Cairo', 'Lagos', 'Nairobi', 'Amsterdam', 'Vienna',
  'Lisbon', 'Dublin', 'Oslo', 'Stockholm', 'Helsinki', 'Copenhagen', 'Warsaw', 'Prague', 'Zurich', 'Munich', 'Austin',
  'Denver', 'Miami', 'Atlanta', 'Portland', 'Vancouver', 'Montreal', 'Seoul', 'Bangkok', 'Istanbul', 'Athens',
]
/** Capitalised words that follow "in/for/of" but are not places. */
const NOT_CITIES = /^(?:I|It|The|This|That|Celsius|Fahrenheit|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Python|JavaScript|API|APIs|PDF|MB|GB)$/
const CITY_WORD = "\\p{Lu}[\\p{L}.'’-]*"
const CITY_AFTER = new RegExp(`\\b(?:in|for|of|at|about|near)\\s+((?:${CITY_WORD}(?:\\s+(?:de|del|la|le|upon)\\s+|\\s+)?)+)`, 'gu')

/**
 * City names: capitalised names after "in/for/of/at" ("in Seattle, Tokyo and New York" gives
 * three, two-word ones whole), and well-known cities in any case.
 */
export function extractCities(prompt: string): string[] {
  const found: { at: number; name: string }[] = []
  for (const m of prompt.matchAll(CITY_AFTER)) {
    // A list after the preposition: "in Seattle, Tokyo and New York".
    const start = (m.index ?? 0) + m[0].length - (m[1] ?? '').length
    const tail = prompt.slice(start).split(/[?!.;:]|\b(?:right now|today|tonight|tomorrow|now|please|currently)\b/)[0] ?? ''
    let at = start
    for (const item of splitList(tail)) {
      const name = new RegExp(`^${CITY_WORD}(?:\\s+(?:de|del|la|le|upon)\\s+${CITY_WORD}|\\s+${CITY_WORD})*`, 'u').exec(item)?.[0]?.trim()
      if (!name) break
      if (!NOT_CITIES.test(name)) found.push({ at: at++, name })
    }
  }
  const lower = prompt.toLowerCase()
  for (const city of KNOWN_CITIES) {
    const at = lower.search(new RegExp(`\\b${city.toLowerCase()}\\b`))
    if (at >= 0 && !found.some((f) => f.name.toLowerCase().includes(city.toLowerCase()))) found.push({ at, name: city })
  }
  return unique(found.sort((a, b) => a.at - b.at).map((f) => f.name))
}

const SECONDS = '(?:s|secs?|seconds?)'
const NUMBER = '\\d+(?:\\.\\d+)?'

/**
 * Delays in seconds, in the order written: "delays of 0.5s, 1s and 2s", "that take 2, 1 and 0.5
 * seconds", "a delay of 0.15 seconds", "500 ms". A list counts when it ends in a unit.
 */
export function extractDelays(text: string): number[] {
  const list = new RegExp(`(?:${NUMBER}\\s*(?:${SECONDS}|ms)?\\s*(?:,\\s*(?:and\\s+)?|\\s+and\\s+|\\s+then\\s+))*${NUMBER}\\s*(?:${SECONDS}|ms|milliseconds?)\\b`, 'gi')
  const delays: number[] = []
  for (const m of text.matchAll(list)) {
    const ms = /(?:ms|milliseconds?)$/i.test(m[0])
    for (const n of m[0].match(new RegExp(NUMBER, 'g')) ?? []) delays.push(ms ? Number(n) / 1000 : Number(n))
  }
  return delays
}

/** "Users (2s), Orders: 1s, Stock takes 0.5 seconds" → name → delay pairs, in order. */
export function extractNamedDelays(text: string): { name: string; delay: number }[] {
  const pair = new RegExp(`([A-Za-z][\\w-]*)\\s*(?:\\(|:|=|\\s+(?:takes?|taking|at|with|in|of)\\s+(?:a\\s+delay\\s+of\\s+)?)\\s*(${NUMBER})\\s*${SECONDS}\\b`, 'gi')
  const pairs: { name: string; delay: number }[] = []
  for (const m of text.matchAll(pair)) {
    const name = m[1]!
    if (/^(?:delays?|of|at|with|in|and|take|takes|taking|each|all|apis?|is|be)$/i.test(name)) continue
    pairs.push({ name, delay: Number(m[2]) })
  }
  return pairs
}

/**
 * Names the user listed: after "named/called", or after a colon ("5 APIs: Users, Orders and
 * Shipping"), up to the next clause ("that take…", "with delays…").
 */
export function extractNames(text: string): string[] {
  const m = /(?:\b(?:named|called|labell?ed)\s+|:\s*)(.+)$/i.exec(text)
  if (!m) return []
  const clause = m[1]!.split(/\s+(?:that|which|with|taking|who|each|where|respectively)\b|[.;!?]/i)[0] ?? ''
  return splitList(clause).filter((name) => /^[\w-]+(?:\s[\w-]+)?$/.test(name) && !/^\d/.test(name))
}

/** The first list of things after "from" ("from the sources alpha, beta and gamma"). */
export function extractSources(text: string): string[] {
  const m = /\bfrom\s+(?:the\s+|these\s+|my\s+)?(?:(?:\d+\s+)?(?:sources?|apis?|endpoints?|services?|feeds?)\s*(?:named|called|:)?\s+)?(.+)$/i.exec(text)
  if (!m) return []
  const clause = (m[1] ?? '').split(/\s+(?:concurrently|in parallel|sequentially|at once|one (?:at a time|after another)|1 at a time|and (?:then|show|tell|compare|summari[sz]e))\b|[.;!?]/i)[0] ?? ''
  return splitList(clause).filter((s) => /^[\w.-]+(?:\s[\w.-]+)?$/.test(s))
}
