// selectools' scenarios (routing, search), the calculator, and receipts asked about without a file.
import { stringArg } from './conversation.ts'
import { expressionOf } from './nlu/arithmetic.ts'
import { extractFiles } from './nlu/slots.ts'
import { ask, type Intent } from './plan-types.ts'
import { code, paragraphs, resultsOf } from './text.ts'

const ROUTES = [
  { tool: 'billing_tool', team: 'billing', words: /\b(bill|bills|billing|invoice|invoices|charge|charged|charges|refund|refunds|payment|payments|pay|paid|subscription fee|receipt)\b/ },
  { tool: 'sales_tool', team: 'sales', words: /\b(buy|buying|purchase|price|prices|pricing|quote|plan|plans|upgrade|demo|discount|license|licence|trial|sales|cost)\b/ },
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
  // A weak cue: any scenario with its own words wins over "help".
  score: (ctx) => (classifyRoute(ctx.lower) !== undefined && ROUTES.some((r) => ctx.offered.has(r.tool)) ? 2 : 0),
  wants: (ctx) => [classifyRoute(ctx.lower)?.tool ?? 'support_tool'],
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
      calls: [{ name: route.tool, args: { request: ctx.original, topic: route.topic } }],
    }
  },
}

const SEARCH = /\b(?:search|look up|lookup|google|find(?: me)?(?: some)?|browse)\s+(?:the\s+web\s+|online\s+|the\s+internet\s+)?(?:for\s+|about\s+|on\s+)?(.+)$/i

/** "Search for Python tutorials" / "Can you search for…?" → search({ query: 'Python tutorials' }). */
export const searchIntent: Intent = {
  id: 'search',
  tools: ['search'],
  score: (ctx) => (/\bsearch\b/.test(ctx.lower) ? 3 : /\b(look up|lookup|google|find|browse)\b/.test(ctx.lower) ? 2 : 0),
  next(ctx) {
    const result = resultsOf(ctx, 'search')[0]
    const query = (SEARCH.exec(ctx.prompt)?.[1] ?? '')
      .replace(/\s+(?:for me|please|online|on the web)\s*$/i, '')
      .replace(/[?.!]+\s*$/, '')
      .replace(/\s+(?:for me|please)$/i, '')
      .trim()
    if (!result) {
      if (query === '' || /^(?:it|that|this|something|stuff|things)$/i.test(query)) return ask('What should I search for?')
      return { kind: 'calls', preface: `Searching for ${query}.`, calls: [{ name: 'search', args: { query } }] }
    }
    if (result.isError) return { kind: 'answer', text: `The search failed: ${result.output}` }
    return { kind: 'answer', text: paragraphs(`Here is what I found for **${stringArg(result.args, 'query') ?? query}**:`, `> ${result.output}`) }
  },
}

/** "Calculate (35.24 + 3) * 2", "What's 17 times 23?", "15% of 80" → calculator. */
export const calculatorIntent: Intent = {
  id: 'calculator',
  tools: ['calculator'],
  score(ctx) {
    const expression = expressionOf(ctx.prompt)
    if (expression === undefined) return /\b(calculate|compute|evaluate)\b/.test(ctx.lower) ? 3 : 0
    return /\b(calculate|compute|evaluate|what(?:'s| is)|how much|solve|work out)\b/.test(ctx.lower) ? 4 : 3
  },
  next(ctx) {
    const result = resultsOf(ctx, 'calculator')[0]
    const expression = expressionOf(ctx.prompt)
    if (!result) {
      if (expression === undefined) return ask('What should I calculate?')
      return { kind: 'calls', calls: [{ name: 'calculator', args: { expression } }] }
    }
    return { kind: 'answer', text: result.isError ? `I couldn't calculate that: ${result.output}` : `**${result.output}**` }
  },
}

const DOCUMENT = /\b(receipts?|invoices?|images?|photos?|pictures?|scans?|screenshots? of|documents?|pdfs?|attachments?|attached|this file)\b/
const READ = /\b(extract|analy[sz]e|read|classify|what type|what kind|what's on|what is on|ocr|totals?|line items|summari[sz]e|compare)\b/

/**
 * "Extract all financial data from this receipt" with no file attached: ask for the file
 * instead of routing the word "receipt" to billing (attachments are read before the planner).
 */
export const attachIntent: Intent = {
  id: 'attach',
  tools: [],
  score: (ctx) => (DOCUMENT.test(ctx.lower) && READ.test(ctx.lower) && extractFiles(ctx.prompt).length === 0 ? 5 : 0),
  next: () => ask('Attach a receipt (PDF or image) and run again.'),
}
