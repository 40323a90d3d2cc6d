// Strands Agents (TypeScript SDK) with a custom Model subclass that plays the workload's script.
import { Agent, Model, tool, type BaseModelConfig, type Message, type ModelStreamEvent } from '@strands-agents/sdk'
import { z } from 'zod'
import { check, sleep, type PeerAdapter } from '../types.ts'

/** A Strands model that answers its first call with `first` and every later call with `then`. */
class ScriptModel extends Model<BaseModelConfig> {
  private calls = 0
  constructor(private readonly first: () => Iterable<ModelStreamEvent>, private readonly then: () => Iterable<ModelStreamEvent>) {
    super()
  }
  updateConfig(): void {}
  getConfig(): BaseModelConfig {
    return { modelId: 'bench-script' }
  }
  async *stream(_messages: Message[]): AsyncIterable<ModelStreamEvent> {
    const turn = this.calls++ === 0 ? this.first() : this.then()
    for (const event of turn) yield event
  }
}

function* toolTurn(n: number): Iterable<ModelStreamEvent> {
  yield { type: 'modelMessageStartEvent', role: 'assistant' }
  for (let i = 0; i < n; i++) {
    yield { type: 'modelContentBlockStartEvent', start: { type: 'toolUseStart', name: 'wait', toolUseId: `call_${i}` } }
    yield { type: 'modelContentBlockDeltaEvent', delta: { type: 'toolUseInputDelta', input: JSON.stringify({ i }) } }
    yield { type: 'modelContentBlockStopEvent' }
  }
  yield { type: 'modelMessageStopEvent', stopReason: 'toolUse' }
}

function* textTurn(count: number): Iterable<ModelStreamEvent> {
  yield { type: 'modelMessageStartEvent', role: 'assistant' }
  yield { type: 'modelContentBlockStartEvent' }
  for (let i = 0; i < count; i++) yield { type: 'modelContentBlockDeltaEvent', delta: { type: 'textDelta', text: 'x' } }
  yield { type: 'modelContentBlockStopEvent' }
  yield { type: 'modelMessageStopEvent', stopReason: 'endTurn' }
}

/** Strands: `toolExecutor: 'concurrent' | 'sequential'`. */
export const adapter: PeerAdapter = {
  name: 'strands',
  executors: ['concurrent', 'sequential'],
  note: "strands: toolExecutor 'concurrent' (default) and 'sequential'.",
  async runTools(n, delayMs, executor) {
    let ran = 0
    const wait = tool({
      name: 'wait',
      description: 'Sleeps for the given time.',
      inputSchema: z.object({ i: z.number() }),
      callback: async ({ i }) => {
        await sleep(delayMs)
        ran++
        return `done ${i}`
      },
    })
    const model = new ScriptModel(() => toolTurn(n), () => textTurn(3))
    const agent = new Agent({ model, tools: [wait], toolExecutor: executor, printer: false })
    const started = performance.now()
    await agent.invoke('go')
    const ms = performance.now() - started
    check(ran === n, `strands ran ${ran}/${n} tools`)
    return ms
  },
  async streamDeltas(count) {
    const agent = new Agent({ model: new ScriptModel(() => textTurn(count), () => textTurn(1)), printer: false })
    let seen = 0
    const started = performance.now()
    for await (const event of agent.stream('go')) {
      if (event.type === 'modelStreamUpdateEvent' && event.event.type === 'modelContentBlockDeltaEvent') seen++
    }
    const ms = performance.now() - started
    check(seen === count, `strands streamed ${seen}/${count} deltas`)
    return ms
  },
}
