// The offline model's language front end: numbers, typos, slots, and invariants for any input.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ModelRequest, ToolSpec } from '../../../core/index.ts'
import { readConversation } from '../conversation.ts'
import { expressionOf } from '../nlu/arithmetic.ts'
import { correctWord, normalizePrompt } from '../nlu/lexicon.ts'
import { digitsForWords, parseNumber } from '../nlu/numbers.ts'
import { extractCities, extractDelays, extractEmails, extractFiles, extractNamedDelays, extractNames, extractSources } from '../nlu/slots.ts'
import { planStep } from '../planner.ts'
import { DEMO_TOOLS } from './understanding.rows.ts'

const ONES = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen']
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety']

/** An independent speller (the way people write numbers), to check the reader against. */
function spell(n: number): string {
  if (n === 0) return 'zero'
  const parts: string[] = []
  const thousands = Math.floor(n / 1000)
  const hundreds = Math.floor((n % 1000) / 100)
  const rest = n % 100
  if (thousands) parts.push(`${spell(thousands)} thousand`)
  if (hundreds) parts.push(`${ONES[hundreds]!} hundred`)
  if (rest) {
    if (parts.length) parts.push('and')
    parts.push(rest < 20 ? ONES[rest]! : `${TENS[Math.floor(rest / 10)]!}${rest % 10 ? `-${ONES[rest % 10]!}` : ''}`)
  }
  return parts.join(' ')
}

describe('numbers', () => {
  it('reads every number written in words up to the thousands', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
      expect(parseNumber(spell(n))).toBe(n)
      expect(digitsForWords(`process ${spell(n)} records`)).toBe(`process ${n} records`)
    }))
  })

  it('reads digits with separators and k', () => {
    expect(parseNumber('1,000')).toBe(1000)
    expect(parseNumber('2.5k')).toBe(2500)
    expect(parseNumber('twice')).toBe(2)
    expect(parseNumber('a dozen')).toBe(12)
    expect(parseNumber('banana')).toBeUndefined()
  })

  it('keeps separate numbers apart and leaves "a" alone', () => {
    expect(digitsForWords('call get-sum with two and three')).toBe('call get-sum with 2 and 3')
    expect(digitsForWords('a city, a thousand rows, five six')).toBe('a city, 1000 rows, five six')
    expect(digitsForWords('call it twice')).toBe('call it 2 times')
  })
})

describe('typos', () => {
  it('corrects keywords one slip away and nothing else', () => {
    expect(correctWord('wether')).toBe('weather')
    expect(correctWord('recrods')).toBe('records')
    expect(correctWord('screnshot')).toBe('screenshot')
    for (const word of ['main', 'then', 'hello', 'thanks', 'delay', 'record', 'Seattle', 'people']) expect(correctWord(word)).toBe(word)
  })

  it('never changes URLs, e-mail addresses or file names', () => {
    const token = fc.stringMatching(/^[a-z]{3,9}$/)
    fc.assert(fc.property(token, token, token, (a, b, d) => {
      const url = `https://${a}.example.com/${b}.zip`
      const email = `${a}.${b}@${d}.io`
      const file = `${b}-${d}.pdf`
      const out = normalizePrompt(`send ${url} and ${file} to ${email}`)
      expect(out).toContain(url)
      expect(out).toContain(email)
      expect(out).toContain(file)
    }))
  })

  it('leaves number words inside addresses alone (found by the property above: a.b@one.io)', () => {
    expect(normalizePrompt('send it to abc.def@one.io and two.pdf to https://three.example.com/four.zip')).toBe('send it to abc.def@one.io and two.pdf to https://three.example.com/four.zip')
    expect(normalizePrompt('process thirty records and email cfo@acme.io')).toBe('process 30 records and email cfo@acme.io')
  })
})

describe('slots', () => {
  it('reads cities, including two-word ones and lists', () => {
    expect(extractCities('weather in Seattle, Tokyo and New York')).toEqual(['Seattle', 'Tokyo', 'New York'])
    expect(extractCities('is it raining in london right now')).toEqual(['London'])
    expect(extractCities('forecast for Rio de Janeiro please')).toEqual(['Rio de Janeiro'])
    expect(extractCities("What's the weather like?")).toEqual([])
  })

  it('reads URLs, files, e-mail addresses, sources and names', () => {
    expect(extractFiles('get https://x.com/a.zip, b.pdf and c.csv')).toEqual(['https://x.com/a.zip', 'b.pdf', 'c.csv'])
    expect(extractFiles('mail it to a.b@corp.io')).toEqual([])
    expect(extractEmails('send to cfo@acme.io.')).toEqual(['cfo@acme.io'])
    expect(extractSources('data from the sources alpha, beta, gamma and delta')).toEqual(['alpha', 'beta', 'gamma', 'delta'])
    expect(extractNames('three APIs named a, b and c that take 2, 1 and 0.5 seconds')).toEqual(['a', 'b', 'c'])
  })

  it('pairs delays with names and reads delay lists', () => {
    expect(extractDelays('that take 2, 1 and 0.5 seconds')).toEqual([2, 1, 0.5])
    expect(extractDelays('delays of 0.5s, 1s and 2s, then 250 ms')).toEqual([0.5, 1, 2, 0.25])
    expect(extractNamedDelays('Users (2s), Orders: 1s and Stock takes 0.5 seconds')).toEqual([
      { name: 'Users', delay: 2 }, { name: 'Orders', delay: 1 }, { name: 'Stock', delay: 0.5 },
    ])
  })

  it('turns spoken arithmetic into an expression', () => {
    expect(expressionOf(normalizePrompt('(35.24 + 3) times 2'))).toBe('(35.24 + 3) * 2')
    expect(expressionOf(normalizePrompt('seventeen times twenty-three'))).toBe('17 * 23')
    expect(expressionOf('what is 15% of 80')).toBe('15 / 100 * 80')
    expect(expressionOf('call slow_api 3 times')).toBeUndefined()
    expect(expressionOf('open report-q1.pdf')).toBeUndefined()
  })
})

describe('planner invariants', () => {
  const spec = (name: string): ToolSpec => ({ name, description: name, inputSchema: { type: 'object' } })
  const words = ['process', 'records', 'weather', 'in', 'Paris', 'download', 'a.zip', 'fetch', 'from', 'A', 'and', 'B', 'screenshot',
    'x.png', 'email', 'me@x.io', 'call', 'apis', '2s', 'thirty', 'times', '3', '(', ')', '+', 'search', 'for', 'bill', 'help', '?', 'slow_api', 'use', 'shout']

  it('for any prompt and any offered tools: never throws, calls only offered tools, is deterministic', () => {
    const prompt = fc.oneof(fc.string({ maxLength: 80 }), fc.array(fc.constantFrom(...words), { maxLength: 14 }).map((w) => w.join(' ')))
    fc.assert(fc.property(prompt, fc.subarray(DEMO_TOOLS), (text, offered) => {
      const request: ModelRequest = { messages: [{ role: 'user', content: [{ type: 'text', text }] }], tools: offered.map(spec) }
      const step = planStep(request, readConversation(request))
      if (step.kind === 'calls') {
        expect(step.calls.length).toBeGreaterThan(0)
        for (const call of step.calls) expect(offered).toContain(call.name)
      } else expect(step.text.length).toBeGreaterThan(0)
      expect(planStep(request, readConversation(request))).toEqual(step)
    }), { numRuns: 400 })
  })
})
