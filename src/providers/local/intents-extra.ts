// selectools' scenarios (routing, search, slow_api) and the exercise tools (call_api, calculator).
import { stringArg } from './conversation.ts'
import type { Intent, PlannedCall } from './plan-types.ts'
import { code, joinProse, paragraphs, parseCount, resultsOf, splitList } from './text.ts'

const ROUTES = [
  { tool: 'billing_tool', team: 'billing', words: /\b(bill|bills|billing|invoice|invoices|charge|charged|charges|refund|refunds|payment|payments|pay|paid|subscription fee|receipt)\b/ },
  { tool: 'sales_tool', team: 'sales', words: /\b(buy|buying|purchase|price|prices|pricing|quote|plan|plans|upgrade|demo|discount|license|licence|trial|sales)\b/ },
  { tool: 'support_tool', team: 'support', words: /\b(help|broken|error|errors|bug|crash|crashes|login|log in|password|not working|doesn't work|issue|problem|reset|install|setup|support)\b/ },
] as const

/** The route of a request: billing first (a bill question asking for "help" is still billing). */
export function classifyRoute(lower: string): { tool: string; team: string; topic: string } | undefined {
  for (const route of ROUTES) {
    const hit = route.words.exec(lower)
    if (hit) return { tool: route.tool, team: route.team, topic: hit[1] ?? hit[0] }
  }
  return undefined
}

/** Routing mode: pick sales, support or billing with the request as arguments. */
export const routingIntent: Intent = {
  id: 'routing',
  tools: ROUTES.map((r) => r.tool),
  match: (ctx) => classifyRoute(ctx.lower) !== undefined && ROUTES.some((r) => ctx.offered.has(r.tool)),
  next(ctx) {
    const done = ctx.results.find((r) => ROUTES.some((route) => route.tool === r.name))
    if (done) return { kind: 'answer', text: done.isError ? `Routing failed: ${done.output}` : `I've routed your request. ${done.output}` }
    const route = classifyRoute(ctx.lower)!
    if (!ctx.offered.has(route.tool)) {
      return { kind: 'answer', text: `This is a ${route.team} request, but ${code(route.tool)} is switched off. Turn it on in the tool picker to route it.` }
    }
    return {
      kind: 'calls',
      preface: `This is a ${route.team} request about "${route.topic}"; routing it to ${route.tool}.`,
      calls: [{ name: route.tool, args: { request: ctx.prompt, topic: route.topic } }],
    }
  },
}

/** "Search for Python tutorials" → search({ query: 'Python tutorials' }). */
export const searchIntent: Intent = {
  id: 'search',
  tools: ['search'],
  match: (ctx) => /^\s*(?:please\s+)?(?:search|look up|google|find)\b/.test(ctx.lower),
  next(ctx) {
    const result = resultsOf(ctx, 'search')[0]
    const query = ctx.prompt
      .replace(/^\s*(?:please\s+)?(?:search|look up|google|find)\s+(?:the\s+web\s+|online\s+)?(?:for\s+|about\s+)?/i, '')
      .replace(/[?.!]+\s*$/, '')
      .trim() || ctx.prompt
    if (!result) return { kind: 'calls', preface: `Searching for ${query}.`, calls: [{ name: 'search', args: { query } }] }
    if (result.isError) return { kind: 'answer', text: `The search failed: ${result.output}` }
    return { kind: 'answer', text: paragraphs(`Here is what I found for **${stringArg(result.args, 'query') ?? query}**:`, `> ${result.output}`) }
  },
}

const COUNT_WORD = '(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|twice|thrice)'

/** "Call slow_api three times with a delay of 0.15 seconds" → three slow_api calls in one turn. */
export const slowApiIntent: Intent = {
  id: 'slow-api',
  tools: ['slow_api'],
  match: (ctx) => /\bslow[_ ]?api\b/.test(ctx.lower),
  next(ctx) {
    const done = resultsOf(ctx, 'slow_api')
    if (done.length) {
      const lines = done.map((r, i) => `${i + 1}. ${r.isError ? '⚠️ ' : ''}${r.output}`).join('\n')
      return { kind: 'answer', text: paragraphs(`All ${done.length} slow_api calls are back:`, lines) }
    }
    const times = parseCount(new RegExp(`\\b${COUNT_WORD}\\s+times\\b`).exec(ctx.lower)?.[1]) ?? (/\btwice\b/.test(ctx.lower) ? 2 : 3)
    const delays = [...ctx.lower.matchAll(/(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/g)].map((m) => Number(m[1]))
    const count = Math.max(1, Math.min(50, Math.max(times, delays.length)))
    const calls = Array.from({ length: count }, (_, i): PlannedCall => ({ name: 'slow_api', args: { delay: delays[i] ?? delays[delays.length - 1] ?? 0.15 } }))
    return { kind: 'calls', preface: `Calling slow_api ${count} times.`, calls }
  },
}

/** "Call three APIs with delays of 0.5s, 1s and 2s" / "Call 5 different APIs: A, B…" → call_api. */
export const callApiIntent: Intent = {
  id: 'call-api',
  tools: ['call_api'],
  match: (ctx) => /\b(call|hit|query|ping)\b/.test(ctx.lower) && /\bapis?\b/.test(ctx.lower),
  next(ctx) {
    const done = resultsOf(ctx, 'call_api')
    if (done.length) {
      const delays = done.map((r) => numberArg(r.args, 'delay_s'))
      const rows = done.map((r, i) => `| ${stringArg(r.args, 'name') ?? '?'} | ${delays[i]!}s | ${r.isError ? '⚠️ ' : ''}${r.output} |`)
      const slowest = Math.max(...delays)
      const sum = delays.reduce((a, b) => a + b, 0)
      const timing = `Run concurrently, these take about as long as the slowest call (${round(slowest)}s); one after another they take the sum (${round(sum)}s).`
      return { kind: 'answer', text: paragraphs(`All ${done.length} API calls returned:`, ['| API | Delay | Response |', '| --- | --- | --- |', ...rows].join('\n'), timing) }
    }
    const count = parseCount(new RegExp(`\\b${COUNT_WORD}\\s+(?:\\w+\\s+)?apis?\\b`).exec(ctx.lower)?.[1])
    const delays = [...ctx.lower.matchAll(/(\d+(?:\.\d+)?)\s*(?:s|sec|secs|seconds?)\b/g)].map((m) => Number(m[1]))
    const listed = /:\s*(.+)$/.exec(ctx.prompt)?.[1]
    const names = listed ? splitList(listed) : []
    const n = Math.max(1, Math.min(50, Math.max(count ?? 0, delays.length, names.length) || 3))
    const calls = Array.from({ length: n }, (_, i): PlannedCall => ({
      name: 'call_api',
      args: { name: names[i] ?? `API-${i + 1}`, delay_s: delays[i] ?? delays[delays.length - 1] ?? 1 },
    }))
    return { kind: 'calls', preface: `Calling ${joinProse(calls.map((c) => String(c.args['name'])))}.`, calls }
  },
}

/** "Calculate (35.24 + 3) * 2" → calculator. */
export const calculatorIntent: Intent = {
  id: 'calculator',
  tools: ['calculator'],
  match: (ctx) => expressionOf(ctx.prompt) !== undefined && /\b(calculate|compute|evaluate|what(?:'s| is)|how much is)\b/.test(ctx.lower),
  next(ctx) {
    const result = resultsOf(ctx, 'calculator')[0]
    const expression = expressionOf(ctx.prompt) ?? ctx.prompt
    if (!result) return { kind: 'calls', calls: [{ name: 'calculator', args: { expression } }] }
    return { kind: 'answer', text: result.isError ? `I couldn't calculate that: ${result.output}` : `**${result.output}**` }
  },
}

/** The longest arithmetic run in a prompt, if it has an operator. */
export function expressionOf(prompt: string): string | undefined {
  const runs = prompt.replace(/[×x](?=\s*[\d(])/g, '*').replace(/÷/g, '/').match(/[\d(][\d\s.+\-*/%^()]*[\d)]/g) ?? []
  const best = runs.filter((run) => /\d\s*[-+*/%^]\s*[\d(]/.test(run)).sort((a, b) => b.length - a.length)[0]
  return best?.trim()
}

function numberArg(args: unknown, key: string): number {
  if (typeof args !== 'object' || args === null) return 0
  const value = (args as Record<string, unknown>)[key]
  return typeof value === 'number' ? value : 0
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
