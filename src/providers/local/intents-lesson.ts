// The lesson's own scenarios: city lookups (independent: one turn), the screenshot workflow
// (dependent: one step per turn) and records with progress.
import { stringArg } from './conversation.ts'
import { extractCities, extractEmails, extractImageNames } from './nlu/slots.ts'
import { ask, type Intent, type PlanContext, type PlannedCall } from './plan-types.ts'
import { afterColon, code, failures, hasRun, joinProse, paragraphs, resultsOf, switchedOff } from './text.ts'

const CITY_TOOLS = [
  { name: 'get_weather', facet: 'weather', test: /\b(weather|forecast|temperature|rain(?:ing|y)?|sunny|snow(?:ing|y)?|hot|cold|warm|umbrella|humid(?:ity)?|wind(?:y)?|degrees|storm(?:y)?|cloudy)\b/ },
  { name: 'get_time', facet: 'time', test: /\b(?:what time|local time|current time|time (?:is it )?(?:in|at|for)|time zone|timezone|clock|what hour)\b|\b(?:weather|population),?\s+(?:and\s+)?time\b|\btime,?\s+(?:and\s+)?(?:the\s+)?(?:weather|population)\b/ },
  { name: 'get_population', facet: 'population', test: /\b(population|populous|people live|inhabitants|residents|how many people|how big is|how large is)\b/ },
] as const

/** "What's the weather, time and population in Seattle?" → three independent calls, one turn. */
export const cityIntent: Intent = {
  id: 'city',
  tools: CITY_TOOLS.map((t) => t.name),
  score(ctx) {
    if (!CITY_TOOLS.some((t) => t.test.test(ctx.lower))) return 0
    return 3 + (extractCities(ctx.prompt).length > 0 ? 1 : 0)
  },
  wants: (ctx) => CITY_TOOLS.filter((t) => t.test.test(ctx.lower)).map((t) => t.name),
  next(ctx) {
    const wanted = CITY_TOOLS.filter((t) => t.test.test(ctx.lower))
    const cities = extractCities(ctx.prompt)
    if (cities.length === 0) return ask('Which city?')
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

const SHOT = /\bscreenshots?\b/
const COMPRESS = /\b(compress(?:ed)?|zip(?:ped)?|shrink)\b/
const MAIL = /\b(email|mail|send)\b/

/** The steps a workflow prompt asks for: exactly those, never one it didn't ask for. */
function workflowSteps(ctx: PlanContext): string[] {
  const steps: string[] = []
  if (SHOT.test(ctx.lower)) steps.push('take_screenshot')
  if (COMPRESS.test(ctx.lower)) steps.push('compress_file')
  if (MAIL.test(ctx.lower)) steps.push('send_email')
  return steps
}

/** Screenshot → compress → email: each step uses the file name the previous result named. */
export const workflowIntent: Intent = {
  id: 'workflow',
  tools: ['take_screenshot', 'compress_file', 'send_email'],
  score(ctx) {
    if (SHOT.test(ctx.lower)) return 4
    if (COMPRESS.test(ctx.lower) && (MAIL.test(ctx.lower) || extractImageNames(ctx.prompt).length > 0)) return 3
    // "email report.png to bob@x.com": a file and an address make a one-step workflow.
    return MAIL.test(ctx.lower) && extractEmails(ctx.prompt).length > 0 && extractImageNames(ctx.prompt).length > 0 ? 3 : 0
  },
  wants: workflowSteps,
  next(ctx) {
    const steps = workflowSteps(ctx)
    const wantsShot = steps.includes('take_screenshot')
    const wantsCompress = steps.includes('compress_file')
    const wantsEmail = steps.includes('send_email')
    const recipient = extractEmails(ctx.prompt)[0]
    const named = extractImageNames(ctx.prompt)[0] ?? /\b([\w-]+\.[a-z0-9]{2,4})\b/i.exec(ctx.prompt.replace(/\S+@\S+/g, ' '))?.[1]
    // Ask before the first step, so a chain never stops half-way for a missing value.
    if (ctx.results.length === 0) {
      if (wantsShot && !named) return ask('What should I name the screenshot (for example report.png)?')
      if (!wantsShot && !named) return ask(`Which file should I ${wantsCompress ? 'compress' : 'send'}?`)
      if (wantsEmail && !recipient) return ask(`Which e-mail address should I send ${named} to?`)
    }
    let file = named ?? ''
    const failed = ctx.results.find((r) => r.isError)
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
    const subject = wantsShot ? 'The screenshot' : file
    const summary = failed
      ? `I stopped the workflow because ${code(failed.name)} failed, and the next step needs its result.`
      : done.length ? `${subject} has been ${joinProse(done)} successfully.` : 'Nothing was run.'
    const lines = ctx.results.map((r, i) => `${i + 1}. ${code(r.name)}: ${r.output}`).join('\n')
    return { kind: 'answer', text: paragraphs(summary, lines, switchedOff(ctx, steps)) }
  },
}

const RECORDS = /\b(records?|rows?|items?|entries|data ?points?|dataset|data set)\b/
const COUNT_BEFORE = /(?<![\d.])(\d+(?:\.\d+)?)\s+(?:[a-z-]+\s+){0,2}?(?:records?|rows?|items?|entries|data ?points?)\b/
const COUNT_AFTER = /\b(?:records?|rows?|items?|entries)\s*(?:[:=]|count\s*(?:of|:)?)?\s*(\d+(?:\.\d+)?)\b/

/** "Process 30 records" → process_dataset(30); "process thirty records" too. */
export const processIntent: Intent = {
  id: 'process',
  tools: ['process_dataset'],
  score(ctx) {
    // Words inside URLs and file names ("dataset.zip") are not requests.
    const words = ctx.lower.replace(/\S*[./]\S*/g, ' ')
    const verb = /\b(process(?:ing|ed)?|crunch|handle|run through|go through|analy[sz]e|data processing)\b/.test(words)
    if (!RECORDS.test(words) || !verb) return 0
    return /\bfiles?\b/.test(words) && !/\brecords?\b/.test(words) ? 0 : 4
  },
  next(ctx) {
    const raw = COUNT_BEFORE.exec(ctx.lower)?.[1] ?? COUNT_AFTER.exec(ctx.lower)?.[1]
    const result = resultsOf(ctx, 'process_dataset')[0]
    const fromCall = result ? (result.args as { records?: unknown } | undefined)?.records : undefined
    const records = typeof fromCall === 'number' ? fromCall : raw !== undefined ? Number(raw) : undefined
    if (records === undefined) return ask('How many records should I process?')
    if (!Number.isInteger(records) || records < 1 || records > 1_000_000) return ask('How many records should I process? I can do 1 to 1,000,000.')
    if (!result) return { kind: 'calls', preface: `I'll process the ${records} records now.`, calls: [{ name: 'process_dataset', args: { records } }] }
    if (result.isError) return { kind: 'answer', text: `Processing failed: ${result.output}` }
    const seconds = /in (\d+(?:\.\d+)?)s/.exec(result.output)?.[1]
    const took = seconds ? ` in ${seconds} seconds` : ''
    return { kind: 'answer', text: `I have successfully processed ${records} records${took} (${code(result.output)}). If you need any further assistance, feel free to ask!` }
  },
}
