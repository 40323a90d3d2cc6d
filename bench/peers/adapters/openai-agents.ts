// OpenAI Agents SDK (JS): a custom Model (getResponse / getStreamedResponse) that plays the
// workload's script; function tools; tracing off so nothing leaves the machine.
import { Agent, Usage, run, setTracingDisabled, tool, type Model, type ModelRequest, type ModelResponse, type StreamEvent } from '@openai/agents'
import { z } from 'zod'
import { check, sleep, type PeerAdapter } from '../types.ts'

setTracingDisabled(true)

/** Output items as a finished stream carries them (also valid as a non-streamed response's output). */
type Output = Extract<StreamEvent, { type: 'response_done' }>['response']['output']

function toolOutput(n: number): Output {
  return Array.from({ length: n }, (_, i) => ({
    type: 'function_call' as const, name: 'wait', callId: `call_${i}`, id: `call_${i}`, status: 'completed' as const, arguments: JSON.stringify({ i }),
  }))
}

function textOutput(text: string): Output {
  return [{ type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text }] }]
}

/** A model whose first call answers `first` and later calls answer `then`; streams `deltas` text deltas when streamed. */
class ScriptModel implements Model {
  private calls = 0
  constructor(private readonly first: () => Output, private readonly then: () => Output, private readonly deltas = 0) {}
  private next(): Output {
    return this.calls++ === 0 ? this.first() : this.then()
  }
  getResponse(_request: ModelRequest): Promise<ModelResponse> {
    return Promise.resolve({ usage: new Usage(), output: this.next(), responseId: `r${this.calls}` })
  }
  async *getStreamedResponse(_request: ModelRequest): AsyncIterable<StreamEvent> {
    const output = this.next()
    yield { type: 'response_started' }
    for (let i = 0; i < this.deltas; i++) yield { type: 'output_text_delta', delta: 'x' }
    yield {
      type: 'response_done',
      response: { id: `r${this.calls}`, usage: { inputTokens: 1, outputTokens: 1, totalTokens: 2 }, output },
    }
  }
}

/** openai-agents: function tools of one turn run concurrently; there is no sequential executor. */
export const adapter: PeerAdapter = {
  name: 'openai-agents',
  executors: ['concurrent'],
  note: 'openai-agents: function tools of one turn run concurrently; no sequential executor.',
  async runTools(n, delayMs) {
    let ran = 0
    const wait = tool({
      name: 'wait',
      description: 'Sleeps for the given time.',
      parameters: z.object({ i: z.number() }),
      execute: async ({ i }) => {
        await sleep(delayMs)
        ran++
        return `done ${i}`
      },
    })
    const agent = new Agent({ name: 'bench', model: new ScriptModel(() => toolOutput(n), () => textOutput('xxx')), tools: [wait] })
    const started = performance.now()
    const result = await run(agent, 'go', { maxTurns: 5 })
    const ms = performance.now() - started
    check(ran === n && result.finalOutput === 'xxx', `openai-agents ran ${ran}/${n} tools`)
    return ms
  },
  async streamDeltas(count) {
    const text = 'x'.repeat(count)
    const agent = new Agent({ name: 'bench', model: new ScriptModel(() => textOutput(text), () => textOutput('x'), count) })
    let seen = 0
    const started = performance.now()
    const result = await run(agent, 'go', { stream: true })
    for await (const event of result) {
      if (event.type === 'raw_model_stream_event' && event.data.type === 'output_text_delta') seen++
    }
    await result.completed
    const ms = performance.now() - started
    check(seen === count, `openai-agents streamed ${seen}/${count} deltas`)
    return ms
  },
}
