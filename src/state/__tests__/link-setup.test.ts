import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { RunConfig } from '../../runs/types.ts'
import { PACKS } from '../catalog.ts'
import { describeRestored, restoreSetup, type KnownSetup } from '../link-setup.ts'
import { PROVIDERS } from '../model-factory.ts'
import { defaultSettings, type Settings } from '../settings.ts'

const KNOWN: KnownSetup = { providers: PROVIDERS, packs: PACKS }
const mine: Settings = { ...defaultSettings, provider: 'local', models: { openai: 'my-model' }, baseURLs: { openai: 'https://my.proxy/v1' }, system: 'mine', toolPack: 'all', executor: 'sequential' }
const travel = PACKS.find((p) => p.id !== 'all' && p.tools.length >= 2)!

function config(overrides: Partial<RunConfig> = {}): RunConfig {
  return {
    provider: 'openai', model: 'gpt-shared', baseURL: 'https://evil.example/v1', executor: 'concurrency:3', system: 'Be brief.',
    toolPack: travel.id, tools: [travel.tools[0]!.name], maxTurns: 4, routingOnly: false, toolTimeoutMs: 5000, retries: 1, ...overrides,
  }
}

describe('restoreSetup', () => {
  it('takes provider, model, tool pack and tools, executor and system prompt from the link', () => {
    const { settings, skipped } = restoreSetup(config(), mine, KNOWN)
    expect(settings).toMatchObject({ provider: 'openai', toolPack: travel.id, executor: 'limit', concurrency: 3, system: 'Be brief.', maxTurns: 4, toolTimeoutMs: 5000, retries: 1 })
    expect(settings.models['openai']).toBe('gpt-shared')
    // Exactly the link's tools are on: the rest of the pack is switched off.
    expect(travel.tools.map((t) => t.name).filter((n) => !settings.disabledTools.includes(n))).toEqual([travel.tools[0]!.name])
    expect(skipped).toEqual([])
  })

  it('never takes a base URL: the user key keeps going to the user endpoint', () => {
    const { settings } = restoreSetup(config(), mine, KNOWN)
    expect(settings.baseURLs).toEqual({ openai: 'https://my.proxy/v1' })
    expect(JSON.stringify(settings)).not.toContain('evil.example')
  })

  it('keeps the user setting and says why for what this page does not know', () => {
    const { settings, skipped } = restoreSetup(config({ provider: 'martian', toolPack: 'nope', executor: 'warp' }), mine, KNOWN)
    expect(settings).toMatchObject({ provider: 'local', toolPack: 'all', executor: 'sequential' })
    expect(skipped.join(' ')).toMatch(/martian.*nope.*warp/)
  })

  it('describes what it restored in words, without pointing at where controls sit', () => {
    const { system: _system, ...withoutSystem } = config()
    const text = describeRestored(restoreSetup(withoutSystem, mine, KNOWN))
    expect(text).toContain('OpenAI · gpt-shared')
    expect(text).toContain(`tools: ${travel.label} (1 of ${travel.tools.length})`)
    expect(text).toContain('limit 3')
    expect(text).toContain('no system prompt')
    expect(text).not.toMatch(/above|below/)
    expect(describeRestored(restoreSetup(config({ toolPack: 'none', tools: [] }), mine, KNOWN))).toContain(', no tools,')
  })

  it('for any config, never changes keys or base URLs and leaves the user settings object alone', () => {
    fc.assert(fc.property(
      fc.record({ provider: fc.constantFrom('local', 'openai', 'anthropic', 'x'), model: fc.string(), executor: fc.constantFrom('concurrent', 'sequential', 'concurrency:2', 'bad'), toolPack: fc.constantFrom(...PACKS.map((p) => p.id), 'none'), tools: fc.array(fc.string()), system: fc.string(), baseURL: fc.webUrl() }),
      (partial) => {
        const before = JSON.stringify(mine)
        const { settings } = restoreSetup(config(partial), mine, KNOWN)
        expect(JSON.stringify(mine)).toBe(before)
        expect(settings.baseURLs).toEqual(mine.baseURLs)
        expect(settings.theme).toBe(mine.theme)
        expect(PACKS.some((p) => p.id === settings.toolPack)).toBe(true)
      },
    ))
  })
})
