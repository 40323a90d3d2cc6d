// The offline model's planner: read the conversation, pick the scenario, decide the next turn.
import type { ModelRequest } from '../../core/index.ts'
import { asksForCapabilities, capabilitiesAnswer, smallTalk } from './answer.ts'
import type { ConversationView } from './conversation.ts'
import { callApiIntent, calculatorIntent, routingIntent, searchIntent, slowApiIntent } from './intents-extra.ts'
import { cityIntent, downloadIntent, fetchIntent, processIntent, workflowIntent } from './intents-lesson.ts'
import { pipelineIntent } from './intents-pipeline.ts'
import { faultsIntent, frozenIntent } from './intents-faults.ts'
import type { Intent, PlanContext, Step } from './plan-types.ts'
import { code, joinProse, paragraphs } from './text.ts'

/** In priority order: the more specific scenario first (the pipeline also says "download"). */
export const INTENTS: readonly Intent[] = [
  frozenIntent, faultsIntent, pipelineIntent, workflowIntent, processIntent, downloadIntent, fetchIntent, slowApiIntent, callApiIntent,
  cityIntent, searchIntent, calculatorIntent, routingIntent,
]

/** Safety stop: a plan never asks for more tool rounds than this since the user's message. */
const MAX_ROUNDS = 40

/**
 * The next step for a request. An intent is chosen only when one of its tools is offered; a
 * request that needs only switched-off tools gets an answer saying so.
 */
export function planStep(request: ModelRequest, view: ConversationView): Step {
  const offered = new Set(request.tools.map((t) => t.name))
  const ctx: PlanContext = {
    prompt: view.prompt,
    lower: view.prompt.toLowerCase(),
    system: request.system ?? '',
    results: view.results,
    offered,
  }
  const chat = smallTalk(ctx.lower)
  if (chat !== undefined && view.results.length === 0) return { kind: 'answer', text: chat }
  if (asksForCapabilities(ctx.lower) && view.results.length === 0) return { kind: 'answer', text: capabilitiesAnswer(request.tools, "Hi! I'm the offline demo model: I run entirely in your browser and play the lesson's scenarios with real tools.") }

  const intent = INTENTS.find((i) => i.match(ctx) && i.tools.some((name) => offered.has(name)))
  if (intent) {
    if (view.turnsSinceUser >= MAX_ROUNDS) return { kind: 'answer', text: `I stopped after ${MAX_ROUNDS} rounds of tool calls.` }
    const step = intent.next(ctx)
    // Never call a tool that is not on offer, whatever an intent planned.
    if (step.kind === 'calls') {
      const calls = step.calls.filter((call) => offered.has(call.name))
      if (calls.length > 0) return { ...step, calls }
      return { kind: 'answer', text: 'The tools this needs are switched off.' }
    }
    return step
  }
  const wanted = INTENTS.find((i) => i.match({ ...ctx, offered: new Set(i.tools) }))
  if (wanted) {
    const names = joinProse(wanted.tools.map(code))
    return {
      kind: 'answer',
      text: paragraphs(`I'd use ${names} for this, but ${wanted.tools.length === 1 ? 'it is' : 'they are'} switched off. Turn on a pack that has ${wanted.tools.length === 1 ? 'it' : 'them'} in the tool picker and try again.`, capabilitiesAnswer(request.tools, 'Meanwhile, here is what I can do right now.')),
    }
  }
  return { kind: 'answer', text: capabilitiesAnswer(request.tools) }
}
