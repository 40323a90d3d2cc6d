// "Turn on and re-run": when the offline model could not play a prompt because the tools it needs
// are switched off, the page names the pack that has them and offers to switch them on and run
// the same prompt again in one click.
import { createStore } from 'zustand/vanilla'
import { PACKS } from './catalog.ts'
import { settingsStore, updateSettings, type Settings } from './settings.ts'

export interface ToolOffer {
  /** The prompt to run again. */
  prompt: string
  /** The switched-off tools it needs. */
  tools: string[]
  /** The pack that has them all: the current one when they are only switched off in it. */
  packId: string
  packLabel: string
}

export const toolOfferStore = createStore<{ offer: ToolOffer | undefined }>(() => ({ offer: undefined }))

/**
 * The offer for a prompt the offline model just answered without tools, or undefined when every
 * tool it needs is on (or it needs none, or no pack has them). The offline model's reader loads
 * here on first use: it is 100 KB of source the page's first script must not carry.
 */
export async function offerFor(prompt: string, settings: Settings): Promise<ToolOffer | undefined> {
  if (settings.provider !== 'local') return undefined
  const { missingToolsFor } = await import('../providers/local/index.ts')
  const current = PACKS.find((p) => p.id === settings.toolPack)
  const offered = (current?.tools ?? []).filter((t) => !settings.disabledTools.includes(t.name))
  const tools = missingToolsFor(prompt, offered)
  if (tools.length === 0) return undefined
  const has = (pack: (typeof PACKS)[number]): boolean => tools.every((name) => pack.tools.some((t) => t.name === name))
  // Only switched off in this pack: turn them on, keep the rest. Otherwise the smallest pack with them all.
  const pack = current && has(current) ? current : [...PACKS].filter(has).sort((a, b) => a.tools.length - b.tools.length)[0]
  return pack ? { prompt, tools, packId: pack.id, packLabel: pack.label } : undefined
}

/** Show (or clear) the offer after a run. */
export function setToolOffer(offer: ToolOffer | undefined): void {
  toolOfferStore.setState({ offer })
}

/** Switch the offer's tools on; returns the prompt to run again. */
export function acceptToolOffer(offer: ToolOffer): string {
  const settings = settingsStore.getState()
  if (settings.toolPack === offer.packId) updateSettings({ disabledTools: settings.disabledTools.filter((n) => !offer.tools.includes(n)) })
  else updateSettings({ toolPack: offer.packId, disabledTools: [] })
  setToolOffer(undefined)
  return offer.prompt
}
