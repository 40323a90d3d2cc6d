// Data scenarios: downloads, fetches from several sources, slow_api and call_api. Independent
// calls go in one turn; counts, names and delays come from the prompt, never from a guess.
import { stringArg } from './conversation.ts'
import { extractDelays, extractFiles, extractNamedDelays, extractNames, extractSources } from './nlu/slots.ts'
import { ask, type Intent, type PlannedCall, type Step } from './plan-types.ts'
import { joinProse, paragraphs, resultsOf } from './text.ts'

/** "Download <url> (N MB)" → download_file; several URLs download in one turn. */
export const downloadIntent: Intent = {
  id: 'download',
  tools: ['download_file'],
  score: (ctx) => (/\b(download|downloading)\b/.test(ctx.lower) ? 3 + (extractFiles(ctx.prompt).length > 0 ? 1 : 0) : 0),
  next(ctx) {
    const done = resultsOf(ctx, 'download_file')
    if (done.length) {
      const lines = done.map((r) => `- ${r.isError ? '⚠️ ' : ''}${r.output}`).join('\n')
      return { kind: 'answer', text: paragraphs(`Here is how the download${done.length > 1 ? 's' : ''} went:`, lines) }
    }
    const files = extractFiles(ctx.prompt)
    if (files.length === 0) return ask('Which file should I download? Give me its URL or name.')
    const size = /(\d+(?:\.\d+)?)\s*(mb|megabytes?|gb|gigabytes?)\b/i.exec(ctx.prompt)
    const sizeMb = size ? Number(size[1]) * (/^g/i.test(size[2]!) ? 1000 : 1) : undefined
    const calls = files.map((url): PlannedCall => ({ name: 'download_file', args: sizeMb ? { url, size_mb: sizeMb } : { url } }))
    return { kind: 'calls', preface: `Starting the download of ${joinProse(files)}.`, calls }
  },
}

const FETCH = /\b(fetch|pull|retrieve|collect|gather|grab)\b|\bget\s+(?:me\s+)?(?:the\s+|some\s+)?data\b|\bdata\s+from\b/

/** "Fetch data from API-A, API-B, and API-C" → three fetch_data calls in one turn. */
export const fetchIntent: Intent = {
  id: 'fetch',
  tools: ['fetch_data'],
  score: (ctx) => (FETCH.test(ctx.lower) && !/\bapis?\b.*\b(?:delays?|seconds?|take)\b/.test(ctx.lower) ? 3 + (extractSources(ctx.prompt).length > 0 ? 1 : 0) : 0),
  next(ctx): Step {
    const done = resultsOf(ctx, 'fetch_data')
    if (done.length) {
      const lines = done.map((r) => `- **${stringArg(r.args, 'source') ?? r.name}**: ${r.isError ? `⚠️ ${r.output}` : r.output}`)
      return { kind: 'answer', text: paragraphs('I have fetched the data from the sources:', lines.join('\n')) }
    }
    const sources = extractSources(ctx.prompt)
    if (sources.length === 0) sources.push(...extractFiles(ctx.prompt).filter((f) => /^https?:/.test(f)))
    if (sources.length === 0) return ask('Which sources should I fetch from?')
    return {
      kind: 'calls',
      preface: `Fetching from ${joinProse(sources)}.`,
      calls: sources.map((source) => ({ name: 'fetch_data', args: { source } })),
    }
  },
}

/** "Call slow_api three times with a delay of 0.15 seconds" → three slow_api calls in one turn. */
export const slowApiIntent: Intent = {
  id: 'slow-api',
  tools: ['slow_api'],
  score: (ctx) => (/\bslow[ _-]?api\b/.test(ctx.lower) ? 5 : 0),
  next(ctx) {
    const done = resultsOf(ctx, 'slow_api')
    if (done.length) {
      const lines = done.map((r, i) => `${i + 1}. ${r.isError ? '⚠️ ' : ''}${r.output}`).join('\n')
      return { kind: 'answer', text: paragraphs(`All ${done.length} slow_api calls are back:`, lines) }
    }
    const times = /\b(\d+)\s+times\b/.exec(ctx.lower)?.[1]
    const delays = extractDelays(ctx.lower)
    if (delays.length === 0) return ask('How long should each slow_api call wait, in seconds?')
    const count = Math.max(1, Math.min(50, Math.max(times ? Number(times) : 1, delays.length)))
    const calls = Array.from({ length: count }, (_, i): PlannedCall => ({ name: 'slow_api', args: { delay: delays[i] ?? delays[delays.length - 1]! } }))
    return { kind: 'calls', preface: `Calling slow_api ${count} time${count === 1 ? '' : 's'}.`, calls }
  },
}

/** Each simulated API takes a second unless the prompt gives delays (the lesson's exercise 4). */
const DEFAULT_API_DELAY_S = 1

/** "Call three APIs with delays of 0.5s, 1s and 2s" / "Call 5 different APIs: A, B…" → call_api. */
export const callApiIntent: Intent = {
  id: 'call-api',
  tools: ['call_api'],
  score: (ctx) => (/\b(call|hit|query|ping|invoke|request|contact)\b/.test(ctx.lower) && /\bapis?\b/.test(ctx.lower) ? 4 : 0),
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
    const count = /\b(\d+)\s+(?:[a-z-]+\s+)?apis?\b/.exec(ctx.lower)?.[1]
    const pairs = extractNamedDelays(ctx.prompt)
    const single = /\b(?:call|hit|query|ping|invoke)\s+(?:the\s+)?([\w-]+)\s+api\b/i.exec(ctx.prompt)?.[1]
    const listed = pairs.length > 0 ? pairs.map((p) => p.name) : extractNames(ctx.prompt)
    const names = listed.length === 0 && single && !/^\d+$|^(?:an?|one|some|any|that|this|slow)$/i.test(single) ? [single] : listed
    const delays = pairs.length > 0 ? pairs.map((p) => p.delay) : extractDelays(ctx.prompt)
    const n = Math.max(count ? Number(count) : 0, delays.length, names.length)
    if (n === 0) return ask('Which APIs should I call, and how long does each take?')
    if (n > 50) return ask('How many APIs should I call? I can call up to 50 at once.')
    const calls = Array.from({ length: n }, (_, i): PlannedCall => ({
      name: 'call_api',
      args: { name: names[i] ?? `API-${i + 1}`, delay_s: delays[i] ?? delays[delays.length - 1] ?? DEFAULT_API_DELAY_S },
    }))
    const note = delays.length === 0 ? ` (${DEFAULT_API_DELAY_S} s each: the prompt gives no delays)` : ''
    return { kind: 'calls', preface: `Calling ${joinProse(calls.map((c) => String(c.args['name'])))}${note}.`, calls }
  },
}

function numberArg(args: unknown, key: string): number {
  if (typeof args !== 'object' || args === null) return 0
  const value = (args as Record<string, unknown>)[key]
  return typeof value === 'number' ? value : 0
}

function round(n: number): number {
  return Math.round(n * 100) / 100
}
