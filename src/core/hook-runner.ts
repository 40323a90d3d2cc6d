import { describeError } from './errors.ts'
import type { AgentEvent, AgentHooks } from './types.ts'

/**
 * Calls the hooks of events that are already in the log, one at a time and in log order. A hook
 * may do anything, abort the run included: events emitted while a hook runs are queued behind it,
 * so a hook never runs inside another and never sees events out of order. A hook that throws is
 * reported and the run goes on.
 */
export class HookRunner {
  private queue: AgentEvent[] = []
  private head = 0
  private draining = false

  constructor(private readonly hooks: AgentHooks) {}

  /** The event has been pushed to the log; run its hook now, or after the hook that is running. */
  after(event: AgentEvent): void {
    if (!this.hooks[event.type]) return
    this.queue.push(event)
    if (this.draining) return
    this.draining = true
    try {
      while (this.head < this.queue.length) {
        const next = this.queue[this.head++]!
        const hook = this.hooks[next.type] as ((e: AgentEvent) => void) | undefined
        try {
          hook?.(next)
        } catch (error) {
          console.error(`Lanes: the ${next.type} hook threw:`, describeError(error).message)
        }
      }
    } finally {
      this.queue = []
      this.head = 0
      this.draining = false
    }
  }
}
