// The core's guarantees under any abort (issue 15): random scripted models (thinking, text, 0–5
// tool calls a turn, repeated and missing ids, unknown tools, a model that throws or stalls
// ignoring its signal) run against tools that finish, report progress, throw, hang until aborted
// or ignore their signal, under every executor, and the run is aborted at a random event: from the
// caller's signal, from a hook, or by a consumer that leaves the loop. After each run the log and
// the conversation must be sound, and the agent must run again with a well-formed request.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { Agent } from '../agent.ts'
import { defineTool, type Tool } from '../tool.ts'
import type { AgentEvent, AgentEventType, AgentHooks, ExecutorSpec, Model, ModelEvent, ModelRequest } from '../types.ts'
import { conversationProblems, logProblems } from './log-checks.ts'

const BEHAVIOURS = ['finish', 'progress', 'throw', 'hang', 'ignore'] as const
type Behaviour = (typeof BEHAVIOURS)[number]

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function toolFor(behaviour: Behaviour): Tool {
  const input = z.object({ n: z.number().optional() })
  const description = `A tool that does "${behaviour}".`
  switch (behaviour) {
    case 'finish':
      return defineTool({ name: behaviour, description, input, run: async () => { await macrotask(); return 'ok' } })
    case 'progress':
      return defineTool({
        name: behaviour, description, input,
        async *run() {
          yield 'one'
          await macrotask()
          yield { message: 'two', fraction: 0.5 }
          return 'done'
        },
      })
    case 'throw':
      return defineTool({ name: behaviour, description, input, run: async () => { await macrotask(); throw new Error('boom') } })
    case 'hang':
      return defineTool({ name: behaviour, description, input, run: (_args, { signal }) => new Promise<string>((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('stopped')))) })
    case 'ignore':
      return defineTool({ name: behaviour, description, input, run: () => new Promise<string>(() => undefined) })
  }
}

const TOOLS = BEHAVIOURS.map(toolFor)

interface TurnScript {
  thinking: string[]
  text: string[]
  calls: { tool: Behaviour | 'missing'; id: 'given' | 'empty' | 'dup' }[]
  end: 'finish' | 'throw' | 'stall'
}

const turnArb: fc.Arbitrary<TurnScript> = fc.record({
  thinking: fc.array(fc.string({ maxLength: 4 }), { maxLength: 2 }),
  text: fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 3 }),
  calls: fc.array(fc.record({ tool: fc.constantFrom(...BEHAVIOURS, 'missing' as const), id: fc.constantFrom('given' as const, 'empty' as const, 'dup' as const) }), { maxLength: 5 }),
  end: fc.constantFrom('finish' as const, 'finish' as const, 'finish' as const, 'throw' as const, 'stall' as const),
})

/** Plays the script turn by turn until `scriptOver`, then answers plain text; records every request. */
function scriptModel(turns: readonly TurnScript[]): Model & { requests: ModelRequest[]; scriptOver: boolean } {
  const requests: ModelRequest[] = []
  return {
    id: 'property',
    requests,
    scriptOver: false,
    async *stream(request) {
      const turn = this.scriptOver ? undefined : turns[requests.length]
      requests.push(request)
      if (!turn) {
        yield { type: 'text-delta', text: 'again' }
        yield { type: 'finish', reason: 'stop' }
        return
      }
      for (const text of turn.thinking) yield { type: 'reasoning-delta', text }
      if (turn.thinking.length) yield { type: 'reasoning-end', signature: 'sig' }
      for (const text of turn.text) {
        await Promise.resolve()
        yield { type: 'text-delta', text }
      }
      for (const [i, call] of turn.calls.entries()) {
        const id = call.id === 'empty' ? '' : call.id === 'dup' ? 'dup' : `c${requests.length}_${i}`
        yield { type: 'tool-call', id, name: call.tool, args: i % 2 ? '{"n": 1}' : {} } satisfies ModelEvent
      }
      yield { type: 'usage', inputTokens: 3, outputTokens: 2 }
      if (turn.end === 'throw') throw new Error('the model failed')
      if (turn.end === 'stall') await new Promise((resolve) => setTimeout(resolve, 1)) // ignores its signal
      yield { type: 'finish', reason: turn.calls.length ? 'tool_calls' : 'stop' }
    },
  }
}

const CLOSING = new Set<AgentEventType>(['tool-end', 'model-end', 'turn-end', 'run-end'])
type AbortMode = 'none' | 'signal' | 'hook' | 'leave'
const EVENT_TYPES: AgentEventType[] = ['run-start', 'turn-start', 'model-start', 'text-delta', 'reasoning-delta', 'model-retry', 'model-fallback', 'model-end', 'tool-start', 'tool-progress', 'tool-end', 'turn-end', 'run-end']

async function runCase(turns: TurnScript[], executor: ExecutorSpec, mode: AbortMode, at: number): Promise<void> {
  const controller = new AbortController()
  const log: AgentEvent[] = []
  let abortedAt: number | undefined
  const record = (event: AgentEvent): void => {
    log.push(event)
    if (mode === 'hook' && log.length === at + 1 && abortedAt === undefined) {
      abortedAt = log.length
      controller.abort()
    }
  }
  const hooks = Object.fromEntries(EVENT_TYPES.map((type) => [type, record])) as AgentHooks
  const model = scriptModel(turns)
  const agent = new Agent({ model, tools: TOOLS, executor, hooks, maxTurns: 4, toolTimeoutMs: 3 })

  const seen: AgentEvent[] = []
  for await (const event of agent.stream('go', { signal: controller.signal })) {
    seen.push(event)
    if (seen.length === at + 1 && (mode === 'signal' || mode === 'leave')) {
      abortedAt = log.length
      if (mode === 'leave') break
      controller.abort()
    }
  }

  expect(logProblems(log)).toEqual([])
  if (mode !== 'leave') expect(seen).toEqual(log)
  if (abortedAt !== undefined) {
    // After an abort the run only closes: no tool starts, no text, no progress, no new turn.
    const after = log.slice(abortedAt).map((event) => event.type)
    expect(after.filter((type) => !CLOSING.has(type))).toEqual([])
  }
  expect(conversationProblems(agent.messages)).toEqual([])

  model.scriptOver = true
  const again = await agent.invoke('and now?')
  expect(again.stopReason).toBe('done')
  expect(again.text).toBe('again')
  expect(conversationProblems(model.requests.at(-1)!.messages)).toEqual([])
}

describe('any abort leaves a sound log and a conversation the next request can send', () => {
  it('holds for 1,000 random runs', async () => {
    const executors: ExecutorSpec[] = ['concurrent', 'sequential', { concurrency: 2 }]
    await fc.assert(
      fc.asyncProperty(
        fc.array(turnArb, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(...executors),
        fc.constantFrom<AbortMode>('none', 'signal', 'hook', 'leave'),
        fc.nat({ max: 40 }),
        (turns, executor, mode, at) => runCase(turns, executor, mode, at),
      ),
      { numRuns: 1000 },
    )
  }, 120_000)
})
