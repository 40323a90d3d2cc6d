// Vercel AI SDK 6 (`ai`): streamText with a LanguageModelV3 written by hand (doStream emits the
// workload's parts), tools with `execute`, and a stop condition of two steps.
import type { LanguageModelV3, LanguageModelV3StreamPart } from '@ai-sdk/provider'
import { stepCountIs, streamText, tool } from 'ai'
import { z } from 'zod'
import { check, sleep, type PeerAdapter } from '../types.ts'

const usage = {
  inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 1, text: 1, reasoning: 0 },
}

function toolParts(n: number): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }]
  for (let i = 0; i < n; i++) parts.push({ type: 'tool-call', toolCallId: `call_${i}`, toolName: 'wait', input: JSON.stringify({ i }) })
  parts.push({ type: 'finish', usage, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } })
  return parts
}

function textParts(count: number): LanguageModelV3StreamPart[] {
  const parts: LanguageModelV3StreamPart[] = [{ type: 'stream-start', warnings: [] }, { type: 'text-start', id: 't' }]
  for (let i = 0; i < count; i++) parts.push({ type: 'text-delta', id: 't', delta: 'x' })
  parts.push({ type: 'text-end', id: 't' }, { type: 'finish', usage, finishReason: { unified: 'stop', raw: 'stop' } })
  return parts
}

/** A V3 model whose first doStream call plays `first` and later calls play `then`. */
function scriptModel(first: () => LanguageModelV3StreamPart[], then: () => LanguageModelV3StreamPart[]): LanguageModelV3 {
  let calls = 0
  return {
    specificationVersion: 'v3',
    provider: 'bench',
    modelId: 'script',
    supportedUrls: {},
    doGenerate: () => Promise.reject(new Error('the bench only streams')),
    doStream: () => {
      const parts = calls++ === 0 ? first() : then()
      const stream = new ReadableStream<LanguageModelV3StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part)
          controller.close()
        },
      })
      return Promise.resolve({ stream })
    },
  }
}

/** ai: tools run as their calls arrive (concurrently); there is no sequential executor. */
export const adapter: PeerAdapter = {
  name: 'ai',
  executors: ['concurrent'],
  note: 'ai: tool calls of a step execute concurrently; no sequential executor.',
  async runTools(n, delayMs) {
    let ran = 0
    const wait = tool({
      description: 'Sleeps for the given time.',
      inputSchema: z.object({ i: z.number() }),
      execute: async ({ i }) => {
        await sleep(delayMs)
        ran++
        return `done ${i}`
      },
    })
    const started = performance.now()
    const result = streamText({
      model: scriptModel(() => toolParts(n), () => textParts(3)),
      tools: { wait },
      stopWhen: stepCountIs(2),
      prompt: 'go',
    })
    await result.consumeStream()
    const text = await result.text
    const ms = performance.now() - started
    check(ran === n && text === 'xxx', `ai ran ${ran}/${n} tools, text "${text}"`)
    return ms
  },
  async streamDeltas(count) {
    let seen = 0
    const started = performance.now()
    const result = streamText({ model: scriptModel(() => textParts(count), () => textParts(1)), prompt: 'go' })
    for await (const part of result.fullStream) if (part.type === 'text-delta') seen++
    const ms = performance.now() - started
    check(seen === count, `ai streamed ${seen}/${count} deltas`)
    return ms
  },
}
