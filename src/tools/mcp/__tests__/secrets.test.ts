// The redactor: no header value survives in any text, whatever surrounds it.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { makeRedactor } from '../secrets.ts'

describe('makeRedactor', () => {
  it('no secret of 6+ characters is left in any text, however it is embedded', () => {
    fc.assert(fc.property(fc.string({ minLength: 6, maxLength: 20 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 6 }), (secret, pieces) => {
      const redact = makeRedactor({ Authorization: `Bearer ${secret}`, 'X-Api-Key': secret })
      const text = pieces.join(secret)
      expect(redact(text).includes(secret.trim().length >= 6 ? secret.trim() : '\u0000')).toBe(false)
    }))
  })

  it('keeps other text as it is, and short values (like "1") are not treated as secrets', () => {
    const redact = makeRedactor({ Authorization: 'Bearer abcdef123', 'X-Version': '1' })
    expect(redact('token abcdef123 v1')).toBe('token *** v1')
    expect(redact('Bearer abcdef123')).toBe('***')
    expect(makeRedactor(undefined)('anything')).toBe('anything')
  })
})
