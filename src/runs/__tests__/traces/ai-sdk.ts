// A real Vercel AI SDK agent (streamText with tools and a step limit) with its own telemetry on:
// the SDK's mock language model (ai/test, no network) asks for three tools of different delays in
// one step, then answers. The AI SDK runs a step's tool calls concurrently and has no sequential
// mode. Its spans go through the real OTel SDK.
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider'
import { stepCountIs, streamText, tool } from 'ai'
import { MockLanguageModelV3, simulateReadableStream } from 'ai/test'
import { z } from 'zod'
import { sleep, startPipeline } from './otel-sdk.ts'
import { TOOL_DELAYS, type GeneratedTrace } from './strands.ts'

type ToolName = keyof typeof TOOL_DELAYS

const usage = (input: number, output: number) => ({
  inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: output, text: output, reasoning: 0 },
})

function toolStep(): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }, { type: 'response-metadata', id: 'resp_1', modelId: 'mock-model-id' }]
  for (const name of Object.keys(TOOL_DELAYS)) parts.push({ type: 'tool-call', toolCallId: `call_${name}`, toolName: name, input: JSON.stringify({ city: 'Seattle' }) })
  parts.push({ type: 'finish', usage: usage(40, 30), finishReason: { unified: 'tool-calls', raw: 'tool_calls' } })
  return parts
}

function textStep(): LanguageModelV3StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    ...['Sunny,', ' 10:00,', ' 750k.'].map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: 't', delta })),
    { type: 'text-end', id: 't' },
    { type: 'finish', usage: usage(90, 6), finishReason: { unified: 'stop', raw: 'stop' } },
  ]
}

function makeTool(name: ToolName, measured: Map<string, number>) {
  return tool({
    description: `The ${name} demo tool.`,
    inputSchema: z.object({ city: z.string() }),
    execute: async ({ city }) => {
      const started = performance.now()
      await sleep(TOOL_DELAYS[name])
      measured.set(name, performance.now() - started)
      return `${name} for ${city}: ok`
    },
  })
}

/** Run the agent once; returns the OTLP/JSON its telemetry produced. */
export async function aiSdkTrace(): Promise<GeneratedTrace> {
  const pipeline = startPipeline()
  try {
    const measured = new Map<string, number>()
    let calls = 0
    const model = new MockLanguageModelV3({
      doStream: async () => ({ stream: simulateReadableStream({ chunks: calls++ === 0 ? toolStep() : textStep(), chunkDelayInMs: 2 }) }),
    })
    const result = streamText({
      model,
      tools: { get_weather: makeTool('get_weather', measured), get_time: makeTool('get_time', measured), get_population: makeTool('get_population', measured) },
      stopWhen: stepCountIs(3),
      prompt: 'Weather, time and population of Seattle?',
      experimental_telemetry: { isEnabled: true, functionId: 'weather-agent' },
    })
    await result.consumeStream()
    await result.text
    return { otlp: pipeline.take(), measured }
  } finally {
    await pipeline.shutdown()
  }
}
