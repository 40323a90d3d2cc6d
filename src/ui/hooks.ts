import { useStore } from 'zustand'
import { attachmentsStore, type AttachmentsState } from '../state/attachments.ts'
import { historyStore, type HistoryState } from '../state/history.ts'
import { keysStore, type KeysState } from '../state/keys.ts'
import { runsStore, type RunsState } from '../state/runs.ts'
import { settingsStore, type Settings } from '../state/settings.ts'

// Narrow selectors over the vanilla stores: a component re-renders only when its slice changes.

export const useSettings = <T,>(select: (s: Settings) => T): T => useStore(settingsStore, select)
export const useRuns = <T,>(select: (s: RunsState) => T): T => useStore(runsStore, select)
export const useKeys = <T,>(select: (s: KeysState) => T): T => useStore(keysStore, select)
export const useAttachments = <T,>(select: (s: AttachmentsState) => T): T => useStore(attachmentsStore, select)
export const useHistory = <T,>(select: (s: HistoryState) => T): T => useStore(historyStore, select)
