// "Turn on and re-run": which tools a prompt needs that are off, and which pack has them.
import { describe, expect, it } from 'vitest'
import { defaultSettings, settingsStore } from '../settings.ts'
import { acceptToolOffer, offerFor } from '../tool-offer.ts'

describe('tool offer', () => {
  it('a fresh page offers every demo tool but the fault drills, so the first prompts need no offer', async () => {
    expect(defaultSettings.toolPack).toBe('all')
    for (const prompt of ['Process 30 records', "What's the weather, time, and population in Seattle?", 'Fetch data from API-A, API-B, and API-C']) {
      expect(await offerFor(prompt, defaultSettings)).toBeUndefined()
    }
  })

  it('names the smallest pack that has the switched-off tools and switches to it', async () => {
    const settings = { ...defaultSettings, toolPack: 'city' }
    const offer = await offerFor('Process 30 records', settings)
    expect(offer).toEqual({ prompt: 'Process 30 records', tools: ['process_dataset'], packId: 'streaming', packLabel: 'Streaming progress' })
    settingsStore.setState(settings)
    expect(acceptToolOffer(offer!)).toBe('Process 30 records')
    expect(settingsStore.getState().toolPack).toBe('streaming')
    expect(await offerFor('Process 30 records', settingsStore.getState())).toBeUndefined()
  })

  it('turns a tool back on in the current pack and keeps the others', async () => {
    const settings = { ...defaultSettings, toolPack: 'all', disabledTools: ['get_weather', 'search'] }
    const offer = await offerFor('Is it raining in London?', settings)
    expect(offer).toMatchObject({ tools: ['get_weather'], packId: 'all' })
    settingsStore.setState(settings)
    acceptToolOffer(offer!)
    expect(settingsStore.getState()).toMatchObject({ toolPack: 'all', disabledTools: ['search'] })
  })

  it('offers nothing for a prompt that needs no tool, a question, or a live provider', async () => {
    const settings = { ...defaultSettings, toolPack: 'none' }
    expect(await offerFor('Write me a poem', settings)).toBeUndefined()
    expect(await offerFor('hello', settings)).toBeUndefined()
    expect(await offerFor('Process 30 records', { ...settings, provider: 'openai' })).toBeUndefined()
    expect(await offerFor('Run the fault drills', settings)).toMatchObject({ packId: 'faults' })
  })
})
