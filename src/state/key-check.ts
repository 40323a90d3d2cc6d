import { baseURLOf, providerEntry } from './model-factory.ts'
import type { Notice } from './runs.ts'
import type { Settings } from './settings.ts'

/**
 * Checked before any request: a provider that needs a key and has none gets "Add an OpenAI key",
 * not a request that fails, is retried and is then blamed on the network. A loopback base URL
 * (a local mock or proxy that holds the key itself) goes ahead without one.
 */
export function missingKeyNotice(settings: Settings, keyFor: (providerId: string) => string | undefined): Notice | undefined {
  const entry = providerEntry(settings.provider)
  if (!entry.needsKey || keyFor(settings.provider)) return undefined
  const baseURL = baseURLOf(settings)
  if (isLoopback(baseURL)) return undefined
  const article = /^[aeiou]/i.test(entry.label) ? 'an' : 'a'
  return {
    kind: 'error',
    title: `Add ${article} ${entry.label} key`,
    detail: `${entry.label} needs an API key, and none is set, so nothing was sent. Open Keys, paste your key and press Run again: it stays in this tab (unless you choose to remember it) and is sent only to ${hostOf(baseURL)}. Or pick the offline demo model, which needs no key.`,
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return url
  }
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname
    return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
  } catch {
    return false
  }
}
