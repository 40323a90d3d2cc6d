import { parseExecutor } from '../core/index.ts'
import type { RunRecord } from '../runs/types.ts'
import { setPrompt } from './composer.ts'
import { closeReplay, openReadOnly } from './replay.ts'
import { startRun } from './run-controller.ts'
import { runsStore, setNotice } from './runs.ts'
import { settingsStore, updateSettings, type Settings } from './settings.ts'

/** The page URL with a fragment, for the Permalink box. */
export function linkFor(fragment: string, location: Pick<Location, 'origin' | 'pathname' | 'search'> = window.location): string {
  return `${location.origin}${location.pathname}${location.search}${fragment}`
}

/** A permalink of a run: the whole record in the fragment, never a key. */
export async function permalinkOf(record: RunRecord, options: { inlineThumbnails: boolean; maxChars: number }): Promise<string> {
  const { encodePermalink } = await import('../runs/permalink.ts')
  return linkFor(await encodePermalink(record, options))
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
 * Open what the URL fragment holds: a run (read-only, with replay) or a shared setup. A bad link
 * gets a clear message and the app carries on.
 */
export async function openFragment(hash: string): Promise<void> {
  if (!/^#[rc]=/.test(hash)) return
  const { decodeFragment } = await import('../runs/permalink.ts')
  const result = await decodeFragment(hash)
  if (!result.ok) {
    setNotice({ kind: 'error', title: 'This link could not be opened', detail: result.message })
    return
  }
  if (result.kind === 'run') {
    openReadOnly(result.record, result.record.label ?? 'shared run')
    setNotice({ kind: 'info', title: 'Viewing a shared run (read-only)', detail: 'Replay it with the controls above, or press “Run again” to run it yourself and compare both on the Gantt.' })
    return
  }
  closeReplay()
  applyConfig(result.config)
  setPrompt(result.input.text)
  setNotice({ kind: 'info', title: 'Loaded a shared setup', detail: 'The prompt, tools and settings are filled in. Press Run to try it.' })
}

function applyConfig(config: RunRecord['config']): void {
  const executor = parseExecutor(config.executor)
  const patch: Partial<Settings> = {
    toolPack: config.toolPack,
    disabledTools: [],
    system: config.system ?? '',
    maxTurns: config.maxTurns,
    routingOnly: config.routingOnly,
    ...(config.toolTimeoutMs !== undefined ? { toolTimeoutMs: config.toolTimeoutMs } : {}),
    ...(typeof executor === 'string' ? { executor } : { executor: 'limit' as const, concurrency: executor.concurrency }),
    ...(config.local ? { local: config.local } : {}),
  }
  updateSettings(patch)
}

/** Run a shared run again with your own model settings, beside the original on one Gantt. */
export async function runAgain(record: RunRecord): Promise<void> {
  if (runsStore.getState().busy) return
  const mine = settingsStore.getState()
  const settings: Settings = {
    ...mine,
    toolPack: record.config.toolPack,
    disabledTools: [],
    system: record.config.system ?? '',
    maxTurns: record.config.maxTurns,
    routingOnly: record.config.routingOnly,
  }
  await startRun(record.input.text, { executor: record.config.executor, label: 'run again', keepOthers: true, settings })
}
