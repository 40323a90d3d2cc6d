import type { RunConfig, RunRecord } from '../runs/types.ts'
import { addFiles, clearAttachments } from './attachments.ts'
import { PACKS } from './catalog.ts'
import { setPrompt } from './composer.ts'
import { storedAttachment } from './history.ts'
import { describeRestored, restoreSetup, type KnownSetup, type RestoredSetup } from './link-setup.ts'
import { PROVIDERS } from './model-factory.ts'
import { closeReplay, openReadOnly, restoreWhole } from './replay.ts'
import { askForFiles, findFiles } from './run-again.ts'
import { startRun } from './run-controller.ts'
import { runsStore, setNotice } from './runs.ts'
import { settingsStore, updateSettings } from './settings.ts'

/** The providers and tool packs a link's setup is checked against. */
const KNOWN: KnownSetup = { providers: PROVIDERS, packs: PACKS }

/** The page URL with a fragment, for the Permalink box. */
export function linkFor(fragment: string, location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`
}

/** A permalink of a run: the whole record in the fragment, never a key. */
export async function permalinkOf(record: RunRecord, options: { inlineThumbnails: boolean; maxChars: number }): Promise<string> {
  const { encodePermalink } = await import('../runs/permalink.ts')
  return linkFor(await encodePermalink(record, options))
}

/** One link holding several runs (a conversation, a comparison), never a key. */
export async function setLinkOf(records: readonly RunRecord[], options: { inlineThumbnails: boolean; maxChars: number }): Promise<string> {
  const { encodeRunSet } = await import('../runs/run-set.ts')
  return linkFor(await encodeRunSet(records, {}, options))
}

/** A "try this" link: prompt, settings and tools, no events. */
export async function configLinkOf(record: RunRecord): Promise<string> {
  const { encodeConfigLink } = await import('../runs/permalink.ts')
  return linkFor(await encodeConfigLink(record.config, record.input))
}

/** JSON of runs in the permalink schema (never keys). */
export async function exportJson(records: readonly RunRecord[]): Promise<Blob> {
  const { exportHistory } = await import('../runs/history-io.ts')
  return new Blob([exportHistory(records)], { type: 'application/json' })
}

/**
 * Open what the URL fragment holds: a run (read-only, with replay), a set of runs (a comparison,
 * all on one axis) or a shared setup. A bad link
 * gets a clear message and the app carries on.
 */
export async function openFragment(hash: string): Promise<void> {
  if (!/^#[rcs]=/.test(hash)) return
  const { decodeFragment } = await import('../runs/permalink.ts')
  const result = await decodeFragment(hash)
  if (!result.ok) {
    setNotice({ kind: 'error', title: 'This link could not be opened', detail: result.message })
    return
  }
  if (result.kind === 'run') {
    openReadOnly(result.record, result.record.label ?? 'shared run')
    const restored = await applyConfig(result.record.config, result.record.input.text)
    setNotice({ kind: 'info', title: 'Viewing a shared run (read-only)', detail: `${describeRestored(restored)} Replay it, or press “Run again” to run the same setup yourself and see both on the Gantt.` })
    return
  }
  if (result.kind === 'set' && !result.comparison) {
    // A conversation: its thread, continuable, with its re-runs beside their exchanges.
    const { conversationsIn, openConversation } = await import('./conversation-open.ts')
    const [conversation, ...others] = conversationsIn(result.records)
    if (conversation && others.length === 0 && conversation.thread.length > 0) {
      openConversation(conversation, { fromLink: true })
      const restored = await applyConfig(conversation.thread.at(-1)!.config, '')
      const count = conversation.thread.length
      setNotice({ kind: 'info', title: `Viewing a shared conversation: ${count} message${count === 1 ? '' : 's'}`, detail: `Restored its setup: ${restored.restored.join(', ')}.${restored.skipped.length ? ` Not restored: ${restored.skipped.join('; ')}.` : ''} Ask a follow-up to continue it.` })
      return
    }
  }
  if (result.kind === 'set') {
    const { openComparison } = await import('./comparison.ts')
    openComparison(result.records)
    const first = result.records[0]
    const restored = first ? await applyConfig(first.config, first.input.text) : undefined
    const what = result.comparison ? `a comparison of ${result.comparison.variants.length} variants, ${result.records.length} runs` : `${result.records.length} runs`
    setNotice({ kind: 'info', title: `Viewing shared runs: ${what} (read-only)`, detail: restored ? describeRestored(restored) : '' })
    return
  }
  closeReplay()
  const restored = await applyConfig(result.config, result.input.text)
  setNotice({ kind: 'info', title: 'Loaded a shared setup', detail: `${describeRestored(restored)} Press Run to try it.` })
}

/** A link's own tools (MCP servers, custom tools), loaded only for a link that has some. */
async function linkTools(config: RunConfig): Promise<{ words: string[]; done: Promise<unknown> }> {
  if (!config.mcpServers?.length && !config.customTools?.length) return { words: [], done: Promise.resolve() }
  const { restoreLinkTools } = await import('./link-tools.ts')
  return restoreLinkTools(config)
}

/** Put a link's prompt and setup into the composer and the settings (never a key or base URL). */
async function applyConfig(config: RunConfig, prompt: string): Promise<RestoredSetup> {
  const restored = restoreSetup(config, settingsStore.getState(), KNOWN)
  restored.restored.push(...(await linkTools(config)).words)
  updateSettings(restored.settings)
  setPrompt(prompt)
  return restored
}

/** What Run again may be told: files the user picked, or to go on without the missing ones. */
export interface RunAgainOptions {
  files?: readonly File[]
  withoutMissing?: boolean
}

/**
 * Run a shared run again with its own setup, beside the whole original on one Gantt. Its files
 * come back when the link or this browser's history has them; otherwise the replay bar asks for
 * them (names them, offers the picker) and nothing runs until the user picks them or says to go
 * on without them.
 */
export async function runAgain(record: RunRecord, options: RunAgainOptions = {}): Promise<void> {
  if (runsStore.getState().busy) return
  const original = restoreWhole() ?? record
  const { found, missing } = await findFiles(original.input.attachments, storedAttachment)
  const picked = options.files ?? []
  if (missing.length > 0 && picked.length === 0 && !options.withoutMissing) {
    askForFiles({ record: original, missing, found })
    return
  }
  askForFiles(undefined)
  clearAttachments()
  // Run waits for these reads (attachmentsReadyToRun), and stops if one of them fails.
  if (found.length + picked.length > 0) void addFiles([...found, ...picked])
  const { settings } = restoreSetup(original.config, settingsStore.getState(), KNOWN)
  // Its own tools too (code stays off unless the user already enabled the very same code).
  await (await linkTools(original.config)).done
  await startRun(original.input.text, { executor: original.config.executor, label: 'run again', keepOthers: true, settings })
}
