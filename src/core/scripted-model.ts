import type { Model, ModelEvent, ModelRequest } from './types.ts'

/** One scripted model turn: its events, or a function of the request that returns them. */
export type ScriptedTurn = readonly ModelEvent[] | ((request: ModelRequest) => readonly ModelEvent[])

export interface ScriptedModel extends Model {
  /** Every request the model received, in order (tests assert on them). */
  readonly requests: ModelRequest[]
}

/**
 * A model that plays a fixed script, one entry per call; the last entry repeats. Shared by the
 * unit tests and the benchmarks. Events are yielded without delay unless `delayMs` is set, and
 * the model honours its abort signal like a well-behaved adapter.
 */
export function createScriptedModel(turns: readonly ScriptedTurn[], options: { id?: string; delayMs?: number } = {}): ScriptedModel {
  const requests: ModelRequest[] = []
  return {
    id: options.id ?? 'scripted',
    requests,
    async *stream(request, { signal }) {
      const index = Math.min(requests.length, turns.length - 1)
      requests.push(request)
      const turn = turns[index]
      if (!turn) return
      const events = typeof turn === 'function' ? turn(request) : turn
      for (const event of events) {
        if (signal.aborted) return
        if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs))
        yield event
      }
    },
  }
}

/** A turn that calls each tool once with the given arguments (ids call_1, call_2, …). */
export function toolCallsTurn(calls: readonly { name: string; args: unknown }[], prefix = 'call'): ModelEvent[] {
  return [
    ...calls.map((call, i): ModelEvent => ({ type: 'tool-call', id: `${prefix}_${i + 1}`, name: call.name, args: call.args })),
    { type: 'finish', reason: 'tool_calls' },
  ]
}

/** A turn that streams the given text pieces and stops. */
export function textTurn(...pieces: string[]): ModelEvent[] {
  return [...pieces.map((text): ModelEvent => ({ type: 'text-delta', text })), { type: 'finish', reason: 'stop' }]
}
