import type { ReactNode } from 'react'
import type { HistoryEntry } from '../../runs/history-entries.ts'
import { conversationsIn, openConversation } from '../../state/conversation-open.ts'
import { conversationRuns, deleteConversation } from '../../state/history.ts'
import { exportJson } from '../../state/share.ts'
import { downloadBlob as download } from '../gantt/index.ts'

/** A whole conversation in History: open it (continuable), export it, or delete it, as one. */
export function ConversationRow({ entry }: { entry: Extract<HistoryEntry, { kind: 'conversation' }> }): ReactNode {
  const open = async (): Promise<void> => {
    const [conversation] = conversationsIn(await conversationRuns(entry.id))
    if (conversation) openConversation(conversation)
  }
  const exportAll = async (): Promise<void> => download(await exportJson(await conversationRuns(entry.id)), `lanes-conversation-${entry.id.slice(0, 8)}.json`)
  const newest = entry.summaries.reduce((a, b) => (a.createdAt > b.createdAt ? a : b))
  const interrupted = entry.summaries.some((s) => s.status === 'interrupted')
  return (
    <li className="flex flex-wrap items-center gap-2 py-1.5" data-testid="history-item" data-conversation={entry.id}>
      <button type="button" className="flex-1 truncate text-left hover:underline" onClick={() => void open()} title="Open the whole conversation; a follow-up continues it">
        <span aria-hidden="true">💬 </span>{entry.first.title}
      </button>
      <span className="text-xs text-zinc-500 dark:text-zinc-400">
        {interrupted ? 'interrupted · ' : ''}conversation · {entry.messages} message{entry.messages === 1 ? '' : 's'}{entry.reruns ? ` · ${entry.reruns} re-run${entry.reruns === 1 ? '' : 's'}` : ''} · {newest.provider}/{newest.model} · {new Date(newest.createdAt).toLocaleString()}
      </span>
      <button type="button" className="text-xs underline" onClick={() => void exportAll()}>Export</button>
      <button type="button" className="text-xs text-rose-700 underline dark:text-rose-400" onClick={() => void deleteConversation(entry.id)} aria-label={`Delete conversation ${entry.first.title}`}>Delete</button>
    </li>
  )
}
