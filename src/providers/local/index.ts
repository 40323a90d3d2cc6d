// The offline demo model (design.md "Providers"): deterministic, no network. It plans from the
// conversation and the tools on offer, and streams at a configurable time to first token and rate.
import { createTimeSlicer, sleep, type Model, type ModelEvent, type ModelRequest, type ToolSpec } from '../../core/index.ts'
import { requestedTokenCount } from './answer.ts'
import { answerAttachments, createAttachmentReader, type Ocr } from './attachments.ts'
import { estimateInputTokens, readConversation } from './conversation.ts'
import type { Step } from './plan-types.ts'
import { missingTools, planContext, planStep } from './planner.ts'
import { createPaceClock, longAnswerPieces, splitTokens, type ModelSleep } from './tokens.ts'

export interface LocalModelOptions {
  /** Delay before the first event of every turn, ms. Default 300. */
  ttftMs?: number
  /** Output rate; 0 or Infinity streams without any waits. Default 60. */
  tokensPerSecond?: number
  /** Reads text from an image; without it the model says it can't read images offline. */
  ocr?: Ocr
  /** Varies the filler text of long benchmark answers; the plans themselves are fixed. */
  seed?: number
  /** Injectable sleep (tests); must reject or resolve promptly when the signal aborts. */
  sleep?: ModelSleep
  /** Injectable clock in ms (tests); default performance.now. */
  now?: () => number
}

/** The model id runs record for the offline model. */
export const LOCAL_MODEL_ID = 'lanes-local'

/** Create the offline demo model. */
export function createLocalModel(options: LocalModelOptions = {}): Model {
  const ttftMs = Math.max(0, options.ttftMs ?? 300)
  const tokensPerSecond = options.tokensPerSecond ?? 60
  const pause = options.sleep ?? timerSleep
  const now = options.now ?? (() => performance.now())
  const seed = Math.abs(Math.trunc(options.seed ?? 0))
  const ocrCache = new WeakMap<object, Promise<string>>()

  return {
    id: LOCAL_MODEL_ID,
    async *stream(request: ModelRequest, { signal }): AsyncGenerator<ModelEvent> {
      const clock = createPaceClock({ ttftMs, tokensPerSecond, sleep: pause, now }, signal)
      const inputTokens = estimateInputTokens(request)
      if (!(await clock.start())) return
      const view = readConversation(request)

      let pieces: Iterable<string>
      let step: Step | undefined
      const tokenCount = view.results.length === 0 ? requestedTokenCount(view.prompt.toLowerCase()) : undefined
      if (tokenCount !== undefined) {
        pieces = longAnswerPieces(tokenCount, seed)
      } else if (view.attachments.length > 0) {
        const read = createAttachmentReader(options.ocr, ocrCache, signal)
        const text = await answerAttachments(view.attachments, view.prompt, request.system ?? '', read)
        if (signal.aborted) return
        pieces = splitTokens(text)
      } else {
        step = planStep(request, view)
        pieces = splitTokens(step.kind === 'answer' ? step.text : step.preface ?? '')
      }

      let outputTokens = 0
      // An unlimited stream would otherwise be one long chain of microtasks (one long task in a
      // page); a macrotask every 8 ms lets the page draw, as a real network stream would.
      const breathe = createTimeSlicer({ now })
      for (const piece of pieces) {
        if (clock.unlimited) {
          const slice = breathe()
          if (slice) await slice
          if (signal.aborted) return
        } else if (!(await clock.next())) return
        outputTokens++
        yield { type: 'text-delta', text: piece }
      }
      if (step?.kind === 'calls') {
        for (const [i, call] of step.calls.entries()) {
          if (signal.aborted) return
          // Ids derive from the conversation's length: unique within a run, the same on every replay.
          // JSON-shaped arguments count as output, like a real model's function-call tokens.
          outputTokens += Math.ceil(JSON.stringify(call.args).length / 4)
          yield { type: 'tool-call', id: `call_${request.messages.length}_${i + 1}`, name: call.name, args: call.args }
        }
      }
      if (signal.aborted) return
      yield { type: 'usage', inputTokens, outputTokens }
      yield { type: 'finish', reason: step?.kind === 'calls' ? 'tool_calls' : 'stop' }
    },
  }
}

/** The default sleep: core's, resolving early (not rejecting) on abort; the stream then stops. */
const timerSleep: ModelSleep = (ms, signal) => sleep(ms, signal).catch(() => undefined)

/**
 * The tools a prompt needs that are not among `tools`, when no offered tool can play it (for the
 * page's "Turn on and re-run" offer); empty when the prompt can be played or needs no tool.
 */
export function missingToolsFor(prompt: string, tools: readonly ToolSpec[]): string[] {
  return missingTools(planContext({ messages: [], tools: [...tools] }, prompt, []))
}

export type { Ocr } from './attachments.ts'
export type { ModelSleep } from './tokens.ts'
