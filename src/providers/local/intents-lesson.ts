// The lesson's own scenarios: city lookups (independent: one turn), the screenshot workflow
// (dependent: one step per turn), records, downloads and fetches.
import { stringArg } from './conversation.ts'
import type { Intent, PlanContext, PlannedCall, Step } from './plan-types.ts'
import {
  afterColon, code, failures, hasRun, joinProse, paragraphs, parseCount, resultsOf, splitList, switchedOff, unique,
} from './text.ts'

const CITY_TOOLS = [
  { name: 'get_weather', facet: 'weather', test: /\b(weather|forecast|temperature|sunny|rain)\b/ },
  { name: 'get_time', facet: 'time', test: /\b(time|clock|hour)\b/ },
  { name: 'get_population', facet: 'population', test: /\b(population|populous|people live|inhabitants)\b/ },
] as const

/** City names after "in/for/of/at": "in Seattle, Tokyo and Paris" → three cities. */
export function extractCities(prompt: string): string[] {
  const match = /\b(?:in|for|of|at)\s+([^?.!]+)/g
  const cities: string[] = []
  for (const m of prompt.matchAll(match)) {
    for (const item of splitList(m[1] ?? '')) {
      const name = /^\p{Lu}[\p{L}.'-]*(?:\s+\p{Lu}[\p{L}.'-]*)*/u.exec(item)?.[0]
      if (name) cities.push(name)
    }
  }
  if (cities.length === 0) {
    const lower = /\bin\s+([a-z][a-z-]+)\s*[?.!]?\s*$/i.exec(prompt)?.[1]
    if (lower && !/^(it|them|parallel|order|sequence|turn)$/i.test(lower)) cities.push(lower.charAt(0).toUpperCase() + lower.slice(1))
  }
  return unique(cities)
}

/** "What's the weather, time and population in Seattle?" → three independent calls, one turn. */
export const cityIntent: Intent = {
  id: 'city',
  tools: CITY_TOOLS.map((t) => t.name),
  match: (ctx) => /\b(weather|forecast|temperature|population)\b/.test(ctx.lower) || /\btime (?:is it )?in\b/.test(ctx.lower),
  next(ctx) {
    const wanted = CITY_TOOLS.filter((t) => t.test.test(ctx.lower))
    const cities = extractCities(ctx.prompt)
    if (cities.length === 0) cities.push('Seattle')
    const usable = wanted.filter((t) => ctx.offered.has(t.name))
    if (!usable.some((t) => hasRun(ctx, t.name))) {
      const calls: PlannedCall[] = []
      for (const city of cities) for (const t of usable) calls.push({ name: t.name, args: { city } })
      return { kind: 'calls', preface: `Let me check the ${joinProse(usable.map((t) => t.facet))} in ${joinProse(cities)}.`, calls }
    }
    const lines = cities.map((city) => citySentence(ctx, city))
    const body = cities.length === 1 ? lines[0] : lines.map((line, i) => `- **${cities[i]!}**: ${line}`).join('\n')
    return { kind: 'answer', text: paragraphs(body, failures(ctx.results), switchedOff(ctx, wanted.map((t) => t.name))) }
  },
}

function citySentence(ctx: PlanContext, city: string): string {
  const value = (name: string): string | undefined => {
    const result = ctx.results.find((r) => r.name === name && !r.isError && stringArg(r.args, 'city') === city)
    return result ? afterColon(result.output) : undefined
  }
  const weather = value('get_weather')
  const time = value('get_time')
  const population = value('get_population')
  const parts: string[] = []
  if (weather) parts.push(`In ${city}, the weather is ${weather}.`)
  const rest: string[] = []
  if (time) rest.push(`the current time is ${time}`)
  if (population) rest.push(`the population is ${population}`)
  if (rest.length) {
    const sentence = joinProse(rest).replace(/ and the population/, ', and the population')
    parts.push(weather ? `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.` : `In ${city}, ${sentence}.`)
  }
  return parts.length ? parts.join(' ') : `I couldn't get anything for ${city}.`
}

const FILE_NAME = /\b([\w-]+\.(?:png|jpe?g|gif|webp))\b/i
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/

/** Screenshot → compress → email: each step uses the file name the previous result named. */
export const workflowIntent: Intent = {
  id: 'workflow',
  tools: ['take_screenshot', 'compress_file', 'send_email'],
  match: (ctx) => /screenshot/.test(ctx.lower) || (/\b(compress|zip)\b/.test(ctx.lower) && /\b(e-?mail|send)\b/.test(ctx.lower)),
  next(ctx) {
    const wantsShot = /screenshot/.test(ctx.lower)
    const wantsCompress = /\b(compress|zip)/.test(ctx.lower)
    const recipient = EMAIL.exec(ctx.prompt)?.[0]
    const wantsEmail = /\b(e-?mail|send|mail)\b/.test(ctx.lower)
    const failed = ctx.results.find((r) => r.isError)
    let file = FILE_NAME.exec(ctx.prompt)?.[1] ?? 'screenshot.png'
    if (!failed) {
      const shot = resultsOf(ctx, 'take_screenshot')[0]
      if (wantsShot && !shot && ctx.offered.has('take_screenshot')) {
        return { kind: 'calls', preface: `First I'll take the screenshot and save it as ${file}.`, calls: [{ name: 'take_screenshot', args: { filename: file } }] }
      }
      if (shot) file = /saved to (\S+)/.exec(shot.output)?.[1] ?? file
      const zipped = resultsOf(ctx, 'compress_file')[0]
      if (wantsCompress && !zipped && ctx.offered.has('compress_file')) {
        return { kind: 'calls', preface: `Now I'll compress ${file}.`, calls: [{ name: 'compress_file', args: { filename: file } }] }
      }
      if (zipped) file = /\bto (\S+)\s*$/.exec(zipped.output)?.[1] ?? file
      if (wantsEmail && recipient && !hasRun(ctx, 'send_email') && ctx.offered.has('send_email')) {
        return { kind: 'calls', preface: `Finally I'll email ${file} to ${recipient}.`, calls: [{ name: 'send_email', args: { recipient, attachment: file } }] }
      }
    }
    const done: string[] = []
    if (hasRun(ctx, 'take_screenshot')) done.push('taken')
    if (hasRun(ctx, 'compress_file')) done.push('compressed')
    if (hasRun(ctx, 'send_email') && recipient) done.push(`emailed to ${recipient}`)
    const summary = failed
      ? `I stopped the workflow because ${code(failed.name)} failed, and the next step needs its result.`
      : done.length ? `The screenshot has been ${joinProse(done)} successfully.` : 'Nothing was run.'
    const steps = ctx.results.map((r, i) => `${i + 1}. ${code(r.name)}: ${r.output}`).join('\n')
    const needed = ['take_screenshot', 'compress_file', ...(wantsEmail ? ['send_email'] : [])]
    const noRecipient = wantsEmail && !recipient ? 'I did not send an email: the request names no email address.' : ''
    return { kind: 'answer', text: paragraphs(summary, steps, switchedOff(ctx, needed), noRecipient) }
  },
}

/** "Process 30 records" → process_dataset(30). */
export const processIntent: Intent = {
  id: 'process',
  tools: ['process_dataset'],
  match: (ctx) => /\bprocess(?:ing)?\s+(?:the\s+)?(\d[\d,]*|\w+)\s+(?:\w+\s+)?(?:records?|rows?|items?)\b/.test(ctx.lower),
  next(ctx) {
    const raw = /\bprocess(?:ing)?\s+(?:the\s+)?(\d[\d,]*|\w+)\s+(?:\w+\s+)?(?:records?|rows?|items?)\b/.exec(ctx.lower)?.[1]
    const records = Math.max(1, Math.min(1_000_000, Math.round(parseCount(raw) ?? 10)))
    const result = resultsOf(ctx, 'process_dataset')[0]
    if (!result) return { kind: 'calls', preface: `I'll process the ${records} records now.`, calls: [{ name: 'process_dataset', args: { records } }] }
    if (result.isError) return { kind: 'answer', text: `Processing failed: ${result.output}` }
    const seconds = /in (\d+(?:\.\d+)?)s/.exec(result.output)?.[1]
    const took = seconds ? ` in ${seconds} seconds` : ''
    return { kind: 'answer', text: `I have successfully processed ${records} records${took} (${code(result.output)}). If you need any further assistance, feel free to ask!` }
  },
}

const URL = /\bhttps?:\/\/[^\s),]+[^\s),.]/g
const FILE = /\b[\w-]+\.(?:pdf|csv|txt|docx?|json|xlsx?|zip|tar\.gz|gz|png|jpe?g|mp4|iso|bin)\b/gi

/** URLs and file names in a prompt, in order, without duplicates. */
export function extractFiles(prompt: string): string[] {
  const urls = prompt.match(URL) ?? []
  const withoutUrls = prompt.replace(URL, ' ')
  return unique([...urls, ...(withoutUrls.match(FILE) ?? [])])
}

/** "Download <url> (N MB)" → download_file; several URLs download in one turn. */
export const downloadIntent: Intent = {
  id: 'download',
  tools: ['download_file'],
  match: (ctx) => /\bdownload\b/.test(ctx.lower),
  next(ctx) {
    const done = resultsOf(ctx, 'download_file')
    if (done.length) {
      const lines = done.map((r) => `- ${r.isError ? '⚠️ ' : ''}${r.output}`).join('\n')
      return { kind: 'answer', text: paragraphs(`Here is how the download${done.length > 1 ? 's' : ''} went:`, lines) }
    }
    const files = extractFiles(ctx.prompt)
    if (files.length === 0) files.push('https://example.com/data/dataset.zip')
    const size = /(\d+(?:\.\d+)?)\s*mb\b/i.exec(ctx.prompt)?.[1]
    const calls = files.map((url): PlannedCall => ({ name: 'download_file', args: size ? { url, size_mb: Number(size) } : { url } }))
    return { kind: 'calls', preface: `Starting the download of ${joinProse(files)}.`, calls }
  },
}

/** "Fetch data from API-A, API-B, and API-C" → three fetch_data calls in one turn. */
export const fetchIntent: Intent = {
  id: 'fetch',
  tools: ['fetch_data'],
  match: (ctx) => /\b(fetch|pull|retrieve)\b/.test(ctx.lower),
  next(ctx): Step {
    const done = resultsOf(ctx, 'fetch_data')
    if (done.length) {
      const lines = done.map((r) => `- **${stringArg(r.args, 'source') ?? r.name}**: ${r.isError ? `⚠️ ${r.output}` : r.output}`)
      return { kind: 'answer', text: paragraphs('I have fetched the data from the sources:', lines.join('\n')) }
    }
    const after = /\bfrom\s+(.+)$/i.exec(ctx.prompt)?.[1]
    const sources = after ? splitList(after.replace(/\b(?:concurrently|in parallel|sequentially|at once)\b/gi, '')) : []
    if (sources.length === 0) sources.push('API-A', 'API-B', 'API-C')
    return {
      kind: 'calls',
      preface: `Fetching from ${joinProse(sources)}.`,
      calls: sources.map((source) => ({ name: 'fetch_data', args: { source } })),
    }
  },
}
