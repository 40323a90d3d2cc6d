// The offline model's planner: read the conversation, score every scenario against the prompt and
// the tools on offer, and decide the next turn of the best one.
import type { ModelRequest } from '../../core/index.ts'
import { asksForCapabilities, capabilitiesAnswer, smallTalk } from './answer.ts'
import type { ConversationView } from './conversation.ts'
import { callApiIntent, downloadIntent, fetchIntent, slowApiIntent } from './intents-data.ts'
import { attachIntent, calculatorIntent, routingIntent, searchIntent } from './intents-extra.ts'
import { faultsIntent, frozenIntent } from './intents-faults.ts'
import { cityIntent, processIntent, workflowIntent } from './intents-lesson.ts'
import { pipelineIntent } from './intents-pipeline.ts'
import { schemaIntent } from './intents-schema.ts'
import { normalizePrompt } from './nlu/lexicon.ts'
import type { Intent, PlanContext, Step } from './plan-types.ts'
import { code, joinProse, paragraphs } from './text.ts'

/** Every scenario. On equal scores the earlier wins: the more specific scenario comes first. */
export const INTENTS: readonly Intent[] = [
  schemaIntent, frozenIntent, faultsIntent, pipelineIntent, attachIntent, workflowIntent, processIntent, slowApiIntent, callApiIntent,
  downloadIntent, fetchIntent, cityIntent, calculatorIntent, searchIntent, routingIntent,
]

const SCENARIO_TOOLS: ReadonlySet<string> = new Set(INTENTS.flatMap((i) => i.tools))

/** Safety stop: a plan never asks for more tool rounds than this since the user's message. */
const MAX_ROUNDS = 40

/** The context every intent reads, built once per request. */
export function planContext(request: ModelRequest, prompt: string, results: PlanContext['results']): PlanContext {
  const normalized = normalizePrompt(prompt)
  return {
    original: prompt,
    prompt: normalized,
    lower: normalized.toLowerCase().replace(/(?<=[a-z])_(?=[a-z])/g, ' '),
    system: request.system ?? '',
    results,
    offered: new Set(request.tools.map((t) => t.name)),
    specs: request.tools,
    scenarioTools: SCENARIO_TOOLS,
  }
}

/** The best-scoring intent among those allowed, or undefined when none fits at all. */
function best(ctx: PlanContext, allowed: (intent: Intent) => boolean): { intent: Intent; score: number } | undefined {
  let top: { intent: Intent; score: number } | undefined
  for (const intent of INTENTS) {
    if (!allowed(intent)) continue
    const score = intent.score(ctx)
    if (score > 0 && (!top || score > top.score)) top = { intent, score }
  }
  return top
}

const isOffered = (ctx: PlanContext) => (intent: Intent): boolean => intent.tools.length === 0 || intent.tools.some((name) => ctx.offered.has(name))

/**
 * The tools the prompt needs that are not on offer, when the scenario that fits it best can't be
 * played with the tools on offer (the UI offers to turn them on and re-run). Empty otherwise.
 */
export function missingTools(ctx: PlanContext): string[] {
  const top = best(ctx, () => true)
  if (!top) return []
  const playable = best(ctx, isOffered(ctx))
  if (playable && playable.score >= top.score && playable.intent !== top.intent) return []
  return (top.intent.wants?.(ctx) ?? top.intent.tools).filter((name) => !ctx.offered.has(name))
}

/**
 * The next step for a request. The best-scoring intent whose tools are on offer plays; when a
 * better fit needs switched-off tools, the answer names them.
 */
export function planStep(request: ModelRequest, view: ConversationView): Step {
  const ctx = planContext(request, view.prompt, view.results)
  const chat = smallTalk(ctx.lower)
  if (chat !== undefined && view.results.length === 0) return { kind: 'answer', text: chat }
  if (asksForCapabilities(ctx.lower) && view.results.length === 0) return { kind: 'answer', text: capabilitiesAnswer(request.tools, "Hi! I'm the offline demo model: I run entirely in your browser and play the lesson's scenarios with real tools.") }

  if (view.turnsSinceUser >= MAX_ROUNDS) return { kind: 'answer', text: `I stopped after ${MAX_ROUNDS} rounds of tool calls.` }
  return compoundStep(request, view, ctx) ?? playOne(ctx, request)
}

/** One request played by the intent that fits it best. */
function playOne(ctx: PlanContext, request: ModelRequest): Step {
  const playable = best(ctx, isOffered(ctx))
  const off = missingTools(ctx)
  if (off.length > 0 && (!playable || !playable.intent.tools.some((name) => off.includes(name)))) return switchedOffAnswer(off)
  if (playable) {
    const step = playable.intent.next(ctx)
    // Never call a tool that is not on offer, whatever an intent planned.
    if (step.kind === 'calls') {
      const calls = step.calls.filter((call) => ctx.offered.has(call.name))
      if (calls.length > 0) return { ...step, calls }
      return off.length > 0 ? switchedOffAnswer(off) : { kind: 'answer', text: 'The tools this needs are switched off.' }
    }
    return step
  }
  return { kind: 'answer', text: capabilitiesAnswer(request.tools) }
}

/** Where one request ends and another begins: "…, then …", "… and tell me …", "…; …", "…? …". */
const CLAUSE_BREAK = /\s*(?:;|[?!]\s+|\.\s+(?=[A-Z])|,?\s+and then\s+|,?\s+then\s+|,?\s+and also\s+|,?\s+and\s+(?=(?:what|what's|whats|how|tell|get|show|give|call|fetch|download|process|search|take|compute|calculate|look|find)\b))\s*/i

/**
 * Two requests in one prompt ("process 50 records and tell me the weather in Oslo"): each clause
 * is played by its own intent, their independent calls in the same turn, and the answers joined.
 * Only when the clauses need different intents with different tools, and no single scenario
 * reads the whole prompt better (the pipeline's "download…, process…, then write a report").
 */
function compoundStep(request: ModelRequest, view: ConversationView, whole: PlanContext): Step | undefined {
  const clauses = view.prompt.split(CLAUSE_BREAK).filter((clause) => clause.trim() !== '')
  if (clauses.length < 2) return undefined
  const parts = clauses.flatMap((clause) => {
    const ctx = planContext(request, clause, view.results)
    const top = best(ctx, isOffered(ctx))
    return top && top.score >= 3 ? [{ ctx, intent: top.intent, score: top.score }] : []
  })
  if (parts.length < 2) return undefined
  const tools = parts.flatMap((p) => p.intent.tools)
  if (new Set(parts.map((p) => p.intent)).size !== parts.length || new Set(tools).size !== tools.length) return undefined
  if ((best(whole, () => true)?.score ?? 0) > Math.max(...parts.map((p) => p.score))) return undefined
  const steps = parts.map((p) => p.intent.next(p.ctx))
  const calls = steps.flatMap((step) => (step.kind === 'calls' ? step.calls.filter((call) => whole.offered.has(call.name)) : []))
  if (calls.length > 0) return { kind: 'calls', preface: steps.map((step) => (step.kind === 'calls' ? step.preface ?? '' : '')).join(' ').trim(), calls }
  return { kind: 'answer', text: paragraphs(...steps.map((step) => (step.kind === 'answer' ? step.text : ''))) }
}

function switchedOffAnswer(off: readonly string[]): Step {
  const one = off.length === 1
  return {
    kind: 'answer',
    text: `I'd use ${joinProse(off.map(code))} for this, but ${one ? 'it is' : 'they are'} switched off. Turn ${one ? 'it' : 'them'} on in the tool picker and run again.`,
  }
}
