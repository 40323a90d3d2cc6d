import type { AgentEvent, ToolCallRecord } from '../core/index.ts'
import type { RunView } from '../runs/run-view.ts'

/**
 * The events that close a run whose agent could not: its worker died, or was shut down because
 * it would not stop. Running tools end as aborted (or failed), and a run-end carries the reason,
 * so the transcript, the Gantt and history all show a finished run with everything before it.
 */
export function endedWithout(view: RunView, message: string, stopped: boolean, t = view.lastT): AgentEvent[] {
  const status = stopped ? 'aborted' : 'error'
  const events: AgentEvent[] = []
  const toolCalls: ToolCallRecord[] = []
  for (const id of view.toolOrder) {
    const card = view.tools.get(id)
    if (!card) continue
    const running = card.status === 'running'
    if (running) events.push({ type: 'tool-end', t, callId: id, name: card.name, status, output: message })
    toolCalls.push({ id, name: card.name, args: card.args, status: running ? status : card.status, startT: card.startMs, endT: card.endMs ?? t })
  }
  events.push({
    type: 'run-end',
    t,
    result: {
      text: view.answer,
      turns: view.turns.length,
      durationMs: t,
      stopReason: stopped ? 'aborted' : 'error',
      error: { name: 'AgentWorkerError', message },
      toolCalls,
      usage: view.usage,
    },
  })
  return events
}
