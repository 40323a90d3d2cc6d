import { describe, expect, it } from 'vitest'
import { missingKeyNotice } from '../key-check.ts'
import { defaultSettings, type Settings } from '../settings.ts'

const none = (): undefined => undefined
const with_ = (s: Partial<Settings>): Settings => ({ ...defaultSettings, ...s })

describe('missingKeyNotice', () => {
  it('says "Add an OpenAI key" before any request, naming where the key would go', () => {
    const notice = missingKeyNotice(with_({ provider: 'openai' }), none)
    expect(notice).toMatchObject({ kind: 'error', title: 'Add an OpenAI key' })
    expect(notice?.detail).toContain('api.openai.com')
    expect(missingKeyNotice(with_({ provider: 'groq' }), none)?.title).toBe('Add a Groq key')
    expect(missingKeyNotice(with_({ provider: 'anthropic' }), none)?.title).toBe('Add an Anthropic key')
  })

  it('lets a run go when the key is there, the provider needs none, or the base URL is a local proxy', () => {
    expect(missingKeyNotice(with_({ provider: 'openai' }), (id) => (id === 'openai' ? 'sk-test' : undefined))).toBeUndefined()
    expect(missingKeyNotice(with_({ provider: 'local' }), none)).toBeUndefined()
    expect(missingKeyNotice(with_({ provider: 'ollama' }), none)).toBeUndefined()
    expect(missingKeyNotice(with_({ provider: 'openai', baseURLs: { openai: 'http://127.0.0.1:8787/v1' } }), none)).toBeUndefined()
  })
})
