import type { ReactNode } from 'react'
import { newChat } from '../../state/conversation.ts'
import { useRuns } from '../hooks.ts'

/** Start over: a new conversation, an empty axis (pinned runs stay). */
export function NewChatButton({ className }: { className: string }): ReactNode {
  const busy = useRuns((s) => s.busy)
  return (
    <button type="button" className={className} onClick={newChat} disabled={busy} aria-label="New chat" title="Start a new conversation; pinned runs stay on the time axis">
      <span className="sm:hidden">New</span>
      <span className="hidden sm:inline">New chat</span>
    </button>
  )
}
