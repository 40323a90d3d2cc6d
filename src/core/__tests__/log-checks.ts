// Checks of a run's log and of a conversation that must hold for any run, aborted or not. Each
// returns the problems it found (empty when sound), so a failing property shows what broke.
import type { AgentEvent, Message } from '../types.ts'

/** One run-end, last; each tool-start ended once, after it; times never go backwards. */
export function logProblems(log: readonly AgentEvent[]): string[] {
  const problems: string[] = []
  const ends = log.filter((event) => event.type === 'run-end').length
  if (ends !== 1) problems.push(`${ends} run-end events`)
  if (log.at(-1)?.type !== 'run-end') problems.push(`last event is ${log.at(-1)?.type ?? 'missing'}`)
  const open = new Map<string, number>()
  const ended = new Set<string>()
  let lastT = -Infinity
  log.forEach((event, index) => {
    if (event.t < lastT) problems.push(`t goes back at #${index} (${event.type} ${event.t} < ${lastT})`)
    lastT = Math.max(lastT, event.t)
    if (event.type === 'tool-start') {
      if (open.has(event.callId) || ended.has(event.callId)) problems.push(`${event.callId} started twice`)
      open.set(event.callId, index)
    }
    if (event.type === 'tool-end') {
      if (!open.has(event.callId)) problems.push(`tool-end of ${event.callId} without an open tool-start (#${index})`)
      open.delete(event.callId)
      ended.add(event.callId)
    }
  })
  for (const id of open.keys()) problems.push(`${id} never ended`)
  let model = false
  let turn = false
  for (const event of log) {
    if (event.type === 'turn-start') turn = true
    if (event.type === 'turn-end') turn = false
    if (event.type === 'model-start') model = true
    if (event.type === 'model-end') model = false
  }
  if (model) problems.push('a model call is left open')
  if (turn) problems.push('a turn is left open')
  return problems
}

/**
 * A conversation a provider accepts: every assistant tool-call is answered, in the very next
 * message (role 'tool'), by a tool-result with its id, and no result answers a call it doesn't have.
 */
export function conversationProblems(messages: readonly Message[]): string[] {
  const problems: string[] = []
  messages.forEach((message, index) => {
    const calls = message.role === 'assistant' ? message.content.flatMap((part) => (part.type === 'tool-call' ? [part.id] : [])) : []
    const next = messages[index + 1]
    if (calls.length) {
      const answered = new Set(next?.role === 'tool' ? next.content.flatMap((part) => (part.type === 'tool-result' ? [part.callId] : [])) : [])
      for (const id of calls) if (!answered.has(id)) problems.push(`call ${id} (message ${index}) has no result`)
    }
    if (message.role === 'tool') {
      const previous = messages[index - 1]
      const asked = new Set(previous?.role === 'assistant' ? previous.content.flatMap((part) => (part.type === 'tool-call' ? [part.id] : [])) : [])
      for (const part of message.content) if (part.type === 'tool-result' && !asked.has(part.callId)) problems.push(`result ${part.callId} (message ${index}) answers no call`)
    }
  })
  return problems
}
