// The benchmark workloads on Lanes core, shared by bench/core.bench.ts and the Lanes worker of the
// peer comparison (bench/peers), so both measure exactly the same thing.
import { z } from 'zod'
import { Agent, createScriptedModel, defineTool, textTurn, toolCallsTurn, type ExecutorSpec, type ModelEvent } from '../src/core/index.ts'
import { sleep } from './stats.ts'

/** The executors a framework offers for the tool calls of one turn. */
export type ExecutorName = 'concurrent' | 'sequential'

/** Run one turn of `n` tool calls that each sleep `delayMs` on the real timer, then a final text; return the makespan in ms. */
export async function lanesTools(n: number, delayMs: number, executor: ExecutorName): Promise<number> {
  const tool = defineTool({
    name: 'wait',
    description: 'Sleeps for the given time.',
    input: z.object({ i: z.number() }),
    run: async ({ i }) => {
      await sleep(delayMs)
      return `done ${i}`
    },
  })
  const calls = Array.from({ length: n }, (_, i) => ({ name: 'wait', args: { i } }))
  const model = createScriptedModel([toolCallsTurn(calls), textTurn('all done')])
  const spec: ExecutorSpec = executor
  const agent = new Agent({ model, tools: [tool], executor: spec })
  const started = performance.now()
  const result = await agent.invoke('go')
  const ms = performance.now() - started
  if (result.stopReason !== 'done' || result.toolCalls.length !== n) throw new Error(`Lanes run ended ${result.stopReason} with ${result.toolCalls.length}/${n} calls`)
  return ms
}

/** The events of a model turn streaming `count` one-token deltas. */
export function deltaTurn(count: number): ModelEvent[] {
  const events: ModelEvent[] = []
  for (let i = 0; i < count; i++) events.push({ type: 'text-delta', text: 'x' })
  events.push({ type: 'finish', reason: 'stop' })
  return events
}

/** Stream `count` text deltas through `agent.stream()` and count them; return the elapsed ms. */
export async function lanesStream(count: number): Promise<number> {
  const model = createScriptedModel([deltaTurn(count)])
  const agent = new Agent({ model })
  let seen = 0
  const started = performance.now()
  for await (const event of agent.stream('go')) if (event.type === 'text-delta') seen++
  const ms = performance.now() - started
  if (seen !== count) throw new Error(`saw ${seen} of ${count} deltas`)
  return ms
}

/** The floor: the same deltas through one bare async generator and a for-await loop. */
export async function bareStream(count: number): Promise<number> {
  async function* source(): AsyncGenerator<{ type: 'text-delta'; text: string }> {
    for (let i = 0; i < count; i++) yield { type: 'text-delta', text: 'x' }
  }
  let seen = 0
  const started = performance.now()
  for await (const event of source()) if (event.type === 'text-delta') seen++
  const ms = performance.now() - started
  if (seen !== count) throw new Error(`saw ${seen} of ${count} deltas`)
  return ms
}
