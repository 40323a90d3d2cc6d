// The agent conversation a recorded exchange stands for, rebuilt from its events, so a
// conversation reopened from History or a link can be continued: a follow-up sends these as the
// agent's messages. The record keeps the text, the tool calls and their results, which is what a
// model needs; it does not keep attachment bytes (a note names them) or signed thinking blocks
// (left out: providers accept earlier turns without them).
import type { ContentPart, Message } from '../core/index.ts'
import { viewOf } from './run-view.ts'
import type { RunRecord } from './types.ts'

const ROUTED = 'Not run: routing-only mode reports the chosen tool without running it.'
const UNFINISHED = 'Error: The run was stopped before this tool finished.'

/** The messages one exchange added to the conversation: the user's, then each model turn's. */
export function messagesOf(record: Pick<RunRecord, 'input' | 'events' | 'status'>): Message[] {
  const { text, attachments } = record.input
  const user: ContentPart[] = [{ type: 'text', text }]
  if (attachments.length) user.push({ type: 'text', text: `[Attached earlier, not sent again: ${attachments.map((a) => a.name).join(', ')}]` })
  const messages: Message[] = [{ role: 'user', content: user }]
  const view = viewOf(record)
  for (const turn of view.turns) {
    const said: ContentPart[] = []
    if (turn.text) said.push({ type: 'text', text: turn.text })
    const cards = turn.toolCallIds.map((id) => view.tools.get(id)).filter((card) => card !== undefined)
    for (const card of cards) said.push({ type: 'tool-call', id: card.callId, name: card.name, args: card.args })
    if (said.length) messages.push({ role: 'assistant', content: said })
    if (cards.length === 0) continue
    messages.push({
      role: 'tool',
      content: cards.map((card): ContentPart => {
        if (card.status === 'routed') return { type: 'tool-result', callId: card.callId, name: card.name, output: ROUTED, isError: false }
        return { type: 'tool-result', callId: card.callId, name: card.name, output: card.output ?? UNFINISHED, isError: card.status !== 'ok' }
      }),
    })
  }
  return messages
}

/** The whole conversation of a thread of exchanges, in order. */
export function conversationOf(records: readonly Pick<RunRecord, 'input' | 'events' | 'status'>[]): Message[] {
  return records.flatMap((record) => messagesOf(record))
}
