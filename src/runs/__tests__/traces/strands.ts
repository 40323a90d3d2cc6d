// A real Strands TS agent with its own telemetry on: a scripted model (no network) asks for three
// tools of different delays in one turn, then answers. Its spans go through the real OTel SDK.
import { Agent, Model, tool, type BaseModelConfig, type Message, type ModelStreamEvent } from '@strands-agents/sdk'
import { z } from 'zod'
import { sleep, startPipeline } from './otel-sdk.ts'

/** The three tools of the generated traces, with their delays in ms. */
export const TOOL_DELAYS = { get_weather: 100, get_time: 200, get_population: 300 } as const
type ToolName = keyof typeof TOOL_DELAYS

class ScriptModel extends Model<BaseModelConfig> {
  private calls = 0
  updateConfig(): void {}
  getConfig(): BaseModelConfig {
    return { modelId: 'scripted-model' }
  }
  async *stream(_messages: Message[]): AsyncIterable<ModelStreamEvent> {
    const first = this.calls++ === 0
    yield { type: 'modelMessageStartEvent', role: 'assistant' }
    if (first) {
      for (const name of Object.keys(TOOL_DELAYS)) {
        yield { type: 'modelContentBlockStartEvent', start: { type: 'toolUseStart', name, toolUseId: `call_${name}` } }
        yield { type: 'modelContentBlockDeltaEvent', delta: { type: 'toolUseInputDelta', input: JSON.stringify({ city: 'Seattle' }) } }
        yield { type: 'modelContentBlockStopEvent' }
      }
      yield { type: 'modelMessageStopEvent', stopReason: 'toolUse' }
    } else {
      yield { type: 'modelContentBlockStartEvent' }
      for (const word of ['Sunny,', ' 10:00,', ' 750k.']) yield { type: 'modelContentBlockDeltaEvent', delta: { type: 'textDelta', text: word } }
      yield { type: 'modelContentBlockStopEvent' }
      yield { type: 'modelMessageStopEvent', stopReason: 'endTurn' }
    }
    yield { type: 'modelMetadataEvent', usage: { inputTokens: first ? 40 : 90, outputTokens: first ? 30 : 6, totalTokens: first ? 70 : 96 } }
  }
}

function makeTool(name: ToolName, measured: Map<string, number>) {
  return tool({
    name,
    description: `The ${name} demo tool.`,
    inputSchema: z.object({ city: z.string() }),
    callback: async ({ city }) => {
      const started = performance.now()
      await sleep(TOOL_DELAYS[name])
      measured.set(name, performance.now() - started)
      return `${name} for ${city}: ok`
    },
  })
}

/** A generated trace: its OTLP/JSON, and how long each tool took by its own clock (ms). */
export interface GeneratedTrace {
  otlp: unknown
  measured: Map<string, number>
}

/** Run the agent once under `executor`; returns the OTLP/JSON its telemetry produced. */
export async function strandsTrace(executor: 'concurrent' | 'sequential'): Promise<GeneratedTrace> {
  const pipeline = startPipeline()
  try {
    const measured = new Map<string, number>()
    const tools = (Object.keys(TOOL_DELAYS) as ToolName[]).map((name) => makeTool(name, measured))
    const agent = new Agent({ model: new ScriptModel(), tools, toolExecutor: executor, printer: false, name: 'weather_agent' })
    await agent.invoke('Weather, time and population of Seattle?')
    return { otlp: pipeline.take(), measured }
  } finally {
    await pipeline.shutdown()
  }
}
