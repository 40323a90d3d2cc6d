import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { wordDiff, type DiffPart } from '../word-diff.ts'

const side = (parts: DiffPart[], drop: DiffPart['kind']): string => parts.filter((p) => p.kind !== drop).map((p) => p.text).join('')
const changed = (parts: DiffPart[]): number => parts.filter((p) => p.kind !== 'same').reduce((n, p) => n + p.text.split(/\s+/).filter(Boolean).length, 0)

describe('word diff', () => {
  it('marks the words that differ', () => {
    expect(wordDiff('Tokyo is sunny at 22°C.', 'Tokyo is cloudy at 22°C.')).toEqual([
      { kind: 'same', text: 'Tokyo is ' }, { kind: 'removed', text: 'sunny' }, { kind: 'added', text: 'cloudy' }, { kind: 'same', text: ' at 22°C.' },
    ])
    expect(wordDiff('a b c', 'a b c')).toEqual([{ kind: 'same', text: 'a b c' }])
    expect(wordDiff('', 'new text')).toEqual([{ kind: 'added', text: 'new text' }])
  })

  it('gives both texts back and finds a short script for small edits (property)', () => {
    const word = fc.constantFrom('the', 'city', 'is', 'sunny', 'at', '22°C', 'Paris', 'and', 'rain', '\n', '.')
    fc.assert(fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { maxLength: 40 }), (x, y) => {
      const a = x.join(' ')
      const b = y.join(' ')
      const parts = wordDiff(a, b)
      expect(side(parts, 'added')).toBe(a)
      expect(side(parts, 'removed')).toBe(b)
      for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind === parts[i - 1]!.kind).toBe(false)
    }), { numRuns: 500, seed: 19 })
    fc.assert(fc.property(fc.array(word, { minLength: 5, maxLength: 60 }), fc.nat(59), (x, at) => {
      const b: string[] = [...x]
      b.splice(at % x.length, 1, 'CHANGED')
      expect(changed(wordDiff(x.join(' '), b.join(' ')))).toBeLessThanOrEqual(2)
    }), { numRuns: 300, seed: 20 })
  })

  it('stays fast for long, very different answers (the cap) and exact for long similar ones', () => {
    const words = (n: number, seed: number): string => Array.from({ length: n }, (_, i) => `w${(i * seed) % 997}`).join(' ')
    const a = words(20_000, 7)
    const b = words(20_000, 13)
    const started = performance.now()
    const parts = wordDiff(a, b)
    expect(performance.now() - started).toBeLessThan(3000)
    expect(side(parts, 'added')).toBe(a)
    expect(side(parts, 'removed')).toBe(b)
    const similar = a.replace('w14 ', 'changed ')
    expect(changed(wordDiff(a, similar))).toBe(2)
  })
})
