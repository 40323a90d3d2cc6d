// What a shared link restores: the setup that produced the run (prompt aside), so "Run again" runs
// the same task. Never a key, and never a base URL: a link that pointed the user's key at another
// server would leak it, so the user's own endpoint for that provider stays.
import { parseExecutor } from '../core/index.ts'
import type { RunConfig } from '../runs/types.ts'
import type { Settings } from './settings.ts'

/** What the page knows about: provider ids with their labels, and tool packs with their tools. */
export interface KnownSetup {
  providers: readonly { id: string; label: string }[]
  packs: readonly { id: string; label: string; tools: readonly { name: string }[] }[]
}

/** The settings a link's config asks for, and a plain account of what was and was not taken. */
export interface RestoredSetup {
  settings: Settings
  /** What was restored, in words ("Offline demo · lanes-local", "pack Travel: 3 of 4 tools", …). */
  restored: string[]
  /** What could not be restored, and why. */
  skipped: string[]
}

/** Apply a link's config over the user's settings. Pure: the caller stores the result. */
export function restoreSetup(config: RunConfig, mine: Settings, known: KnownSetup): RestoredSetup {
  const restored: string[] = []
  const skipped: string[] = []
  const settings: Settings = { ...mine, models: { ...mine.models }, local: { ...mine.local } }

  const provider = known.providers.find((p) => p.id === config.provider)
  if (provider) {
    settings.provider = provider.id
    if (config.model) settings.models[provider.id] = config.model
    restored.push(`${provider.label} · ${config.model}`)
    if (config.fallbackProvider && known.providers.some((p) => p.id === config.fallbackProvider)) settings.fallbackProvider = config.fallbackProvider
    if (config.retries !== undefined) settings.retries = config.retries
  } else {
    skipped.push(`the provider "${config.provider}" is not one this page knows, so yours stays`)
  }
  if (config.local) settings.local = { ...config.local }

  const pack = known.packs.find((p) => p.id === config.toolPack)
  if (pack) {
    settings.toolPack = pack.id
    // The link lists the tools that were on; everything else in the pack is switched off.
    const on = new Set(config.tools)
    settings.disabledTools = pack.tools.map((t) => t.name).filter((name) => !on.has(name))
    const missing = config.tools.filter((name) => !pack.tools.some((t) => t.name === name))
    restored.push(pack.tools.length === 0 ? 'no tools' : `tools: ${pack.label} (${pack.tools.length - settings.disabledTools.length} of ${pack.tools.length})`)
    if (missing.length) skipped.push(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not in this page's ${pack.label} pack`)
  } else {
    skipped.push(`the tool pack "${config.toolPack}" is not one this page has, so yours stays`)
  }

  const executor = executorOf(config.executor)
  if (executor === undefined) skipped.push(`the executor "${config.executor}" is not one this page knows, so yours stays`)
  else if (typeof executor === 'string') { settings.executor = executor; restored.push(executor) }
  else { settings.executor = 'limit'; settings.concurrency = executor.concurrency; restored.push(`limit ${executor.concurrency}`) }

  settings.system = config.system ?? ''
  restored.push(config.system ? 'system prompt' : 'no system prompt')
  settings.maxTurns = config.maxTurns
  settings.routingOnly = config.routingOnly
  if (config.toolTimeoutMs !== undefined) settings.toolTimeoutMs = config.toolTimeoutMs
  return { settings, restored, skipped }
}

function executorOf(label: string): ReturnType<typeof parseExecutor> | undefined {
  try {
    return parseExecutor(label)
  } catch {
    return undefined
  }
}

/** The banner's words for a restored setup. */
export function describeRestored(setup: Pick<RestoredSetup, 'restored' | 'skipped'>): string {
  const taken = `Restored the prompt, ${setup.restored.join(', ')}.`
  return setup.skipped.length ? `${taken} Not restored: ${setup.skipped.join('; ')}.` : taken
}
