import { describe, expect, it } from 'vitest'
import { forgetSecret, loadSecrets, persistSecrets } from '../secret-persistence.ts'
import { local, session } from '../storage.ts'

describe('secret persistence (keys and server headers)', () => {
  it('keeps a secret in sessionStorage unless remembered, moves it when the choice changes, and forgets it from both', () => {
    const prefix = 'test.secret.'
    persistSecrets(prefix, { values: { a: 'sk-one', b: 'sk-two' }, remembered: { b: true } })
    expect(session.get(`${prefix}a`)).toBe('sk-one')
    expect(local.get(`${prefix}a`)).toBeUndefined()
    expect(local.get(`${prefix}b`)).toBe('sk-two')
    expect(session.get(`${prefix}b`)).toBeUndefined()
    expect(loadSecrets(prefix)).toEqual({ values: { a: 'sk-one', b: 'sk-two' }, remembered: { b: true } })

    // Remembered now: it moves to localStorage and leaves sessionStorage.
    persistSecrets(prefix, { values: { a: 'sk-one', b: 'sk-two' }, remembered: { a: true, b: true } })
    expect(session.get(`${prefix}a`)).toBeUndefined()
    expect(session.get(`${prefix}index`)).toBeUndefined()
    expect(loadSecrets(prefix).remembered).toEqual({ a: true, b: true })

    forgetSecret(prefix, 'a')
    persistSecrets(prefix, { values: { b: 'sk-two' }, remembered: { b: true } })
    expect(local.get(`${prefix}a`)).toBeUndefined()
    expect(loadSecrets(prefix)).toEqual({ values: { b: 'sk-two' }, remembered: { b: true } })
    // Another prefix sees none of them.
    expect(loadSecrets('test.other.')).toEqual({ values: {}, remembered: {} })
  })
})
