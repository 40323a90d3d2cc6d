import { closeRun, type AgentEvent } from '../core/index.ts'

/**
 * The events that close a run whose agent could not: its worker died, or was shut down because
 * it would not stop. They come from core's `closeRun`, the same function the agent loop closes its
 * own runs with: running tools end (aborted, or failed), an open model call gets its model-end and
 * the open turn its turn-end, and a run-end carries the reason. So the transcript, the Gantt and
 * history all show a finished run with everything before it, and no bar left running.
 */
export function endedWithout(events: Iterable<AgentEvent>, message: string, stopped: boolean, t: number): AgentEvent[] {
  return closeRun(events, { t, stopReason: stopped ? 'aborted' : 'error', error: { name: 'AgentWorkerError', message } })
}
