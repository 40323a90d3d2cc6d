// Representative run records for tests and benchmarks: timings with performance.now() decimals,
// provider-style random call ids, word-by-word streaming. Deterministic (seeded).
import type { AgentEvent, ToolCallRecord, Usage } from '../core/index.ts'
import type { RunConfig, RunRecord } from './types.ts'

/** A small seeded PRNG (mulberry32): same seed, same sequence, on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

export interface PlannedTool {
  name: string
  args: unknown
  durationMs: number
  progress: (string | { message: string; fraction: number })[]
  output: string
}

/** Builds an agent event log the way the agent emits it, with jittery sub-millisecond times. */
export class LogBuilder {
  readonly events: AgentEvent[] = []
  readonly calls: ToolCallRecord[] = []
  t = 0
  private turn = 0
  private text = ''
  private inputTokens = 0
  private outputTokens = 0
  private reasoningTokens = 0
  private cacheReadTokens = 0

  constructor(private readonly random: () => number, model: string, executor: string) {
    const id = Array.from({ length: 4 }, () => Math.floor(random() * 0xffffffff).toString(16).padStart(8, '0')).join('-')
    this.events.push({ type: 'run-start', t: 0, runId: id, model, executor })
  }

  private at(ms: number): number {
    this.t += ms + this.random() * 0.9
    return this.t
  }

  callId(): string {
    let id = 'call_'
    for (let i = 0; i < 24; i++) id += ALPHABET[Math.floor(this.random() * ALPHABET.length)]
    return id
  }

  modelTurn(ttftMs: number, words: readonly string[], msPerWord: number, finish: string, inputTokens: number, thoughts: readonly string[] = []): void {
    const turn = ++this.turn
    this.events.push({ type: 'turn-start', t: this.at(0.05), turn }, { type: 'model-start', t: this.at(0.05), turn })
    this.at(ttftMs)
    // Thinking streams first, a word at a time, then the answer starts.
    thoughts.forEach((word, i) => {
      this.events.push({ type: 'reasoning-delta', t: i === 0 ? this.t : this.at(msPerWord), turn, text: i === 0 ? word : ` ${word}` })
    })
    if (thoughts.length) this.at(msPerWord)
    words.forEach((word, i) => {
      const text = i === 0 ? word : ` ${word}`
      this.events.push({ type: 'text-delta', t: i === 0 ? this.t : this.at(msPerWord), turn, text })
    })
    if (words.length) this.text = words.join(' ')
    const usage: Usage = { inputTokens, outputTokens: Math.max(words.length + 8, 12) + thoughts.length }
    if (thoughts.length) {
      usage.reasoningTokens = thoughts.length
      usage.cacheReadTokens = Math.floor(inputTokens / 2)
      this.reasoningTokens += thoughts.length
      this.cacheReadTokens += usage.cacheReadTokens
    }
    this.inputTokens += usage.inputTokens
    this.outputTokens += usage.outputTokens
    this.events.push({ type: 'model-end', t: this.at(2), turn, finish, usage })
    if (finish !== 'tool_calls') this.events.push({ type: 'turn-end', t: this.at(0.1), turn })
  }

  /**
   * One tool phase: at most `limit` calls at once (every call at once by default, one at a time
   * for 1), each starting when a slot frees and ending after its duration.
   */
  toolPhase(tools: readonly PlannedTool[], limit = Number.POSITIVE_INFINITY): void {
    const turn = this.turn
    const start = this.at(0.3)
    const timed: { t: number; event: AgentEvent }[] = []
    const ends: number[] = []
    tools.forEach((tool, i) => {
      const callId = this.callId()
      const begin = i < limit ? start + i * 0.04 : [...ends].sort((a, b) => a - b)[i - limit]! + 0.05
      const end = begin + tool.durationMs + this.random() * 20
      ends.push(end)
      timed.push({ t: begin, event: { type: 'tool-start', t: begin, turn, callId, name: tool.name, args: tool.args } })
      tool.progress.forEach((progress, p) => {
        const t = begin + ((p + 1) / (tool.progress.length + 1)) * (end - begin)
        timed.push({ t, event: { type: 'tool-progress', t, callId, progress } })
      })
      timed.push({ t: end, event: { type: 'tool-end', t: end, callId, name: tool.name, status: 'ok', output: tool.output } })
      this.calls.push({ id: callId, name: tool.name, args: tool.args, status: 'ok', startT: begin, endT: end })
    })
    timed.sort((a, b) => a.t - b.t)
    for (const { event } of timed) this.events.push(event)
    this.t = Math.max(...timed.map((item) => item.t))
    this.events.push({ type: 'turn-end', t: this.at(0.2), turn })
  }

  end(): AgentEvent[] {
    const t = this.at(0.3)
    const last = this.calls.at(-1)
    this.events.push({
      type: 'run-end', t,
      result: {
        text: this.text, turns: this.turn, durationMs: t, stopReason: 'done', toolCalls: this.calls,
        ...(last ? { lastTool: { name: last.name, args: last.args } } : {}),
        usage: {
          inputTokens: this.inputTokens, outputTokens: this.outputTokens,
          ...(this.reasoningTokens ? { reasoningTokens: this.reasoningTokens, cacheReadTokens: this.cacheReadTokens } : {}),
        },
      },
    })
    return this.events
  }
}

const CITY_ANSWER = ('In Seattle right now the weather is sunny with a temperature of 72°F and a light breeze from the ' +
  'northwest. The local time is 2:30 PM on a quiet Tuesday afternoon. Seattle has a population of approximately ' +
  '1.5 million people across the wider metro core, which makes it the largest city in Washington state. Enjoy the ' +
  'sunshine while it lasts!').split(' ')

function config(executor: string, toolPack: string, tools: string[], system: string): RunConfig {
  return { provider: 'local', model: 'lanes-local', executor, system, toolPack, tools, maxTurns: 10, routingOnly: false, local: { ttftMs: 350, tokensPerSecond: 40, toolSpeed: 1 } }
}

/** The seed city scenario: three 1 s tools in one concurrent turn, then a ~60-word answer. */
export function sampleCityRecord(seed = 1): RunRecord {
  const log = new LogBuilder(seededRandom(seed), 'lanes-local', 'concurrent')
  log.modelTurn(350, [], 25, 'tool_calls', 182)
  log.toolPhase(['get_weather', 'get_time', 'get_population'].map((name): PlannedTool => ({
    name, args: { city: 'Seattle' }, durationMs: 1000,
    progress: [`Calling ${name.replace('get_', '')} API for Seattle…`, { message: 'Waiting for response', fraction: 0.5 }],
    output: name === 'get_weather' ? 'Weather in Seattle: Sunny, 72°F' : name === 'get_time' ? 'Time in Seattle: 2:30 PM' : 'Population of Seattle: ~1.5 million',
  })))
  log.modelTurn(350, CITY_ANSWER, 25, 'stop', 310)
  return {
    v: 1, id: 'sample-city', createdAt: '2026-11-21T12:00:00.000Z', title: "What's the weather, time, and population in Seattle?",
    label: 'concurrent #1', status: 'done',
    config: config('concurrent', 'cities', ['get_weather', 'get_time', 'get_population'], 'Use tools to answer user questions about cities.'),
    input: { text: "What's the weather, time, and population in Seattle?", attachments: [] },
    events: log.end(),
  }
}

/** A run with `n` tool calls in one turn (three progress ticks each), then a short summary. */
export function sampleManyToolsRecord(n: number, seed = 2): RunRecord {
  const random = seededRandom(seed)
  const log = new LogBuilder(random, 'lanes-local', 'concurrent')
  log.modelTurn(400, [], 25, 'tool_calls', 240)
  log.toolPhase(Array.from({ length: n }, (_, i): PlannedTool => {
    const kb = (5 + random() * 80).toFixed(1)
    return {
      name: 'fetch_page', args: { url: `https://example.com/docs/page-${i + 1}` }, durationMs: 300 + random() * 900,
      progress: [0.25, 0.5, 0.75].map((fraction) => ({ message: `Downloaded ${Math.round(fraction * 100)}%`, fraction })),
      output: `Fetched https://example.com/docs/page-${i + 1}: 200 OK, ${kb} kB, title "Example docs ${i + 1}"`,
    }
  }))
  const words = `I fetched all ${n} pages. Every page answered 200 OK; the largest was about 85 kB and the smallest about 5 kB. The docs cover setup, configuration and the API reference, and none of the pages failed or timed out.`.split(' ')
  log.modelTurn(400, words, 25, 'stop', 240 + n * 40)
  return {
    v: 1, id: `sample-tools-${n}`, createdAt: '2026-11-21T12:00:00.000Z', title: `Fetch ${n} pages`, label: 'concurrent #1', status: 'done',
    config: config('concurrent', 'web', ['fetch_page'], 'Fetch the pages the user asks for and summarise them.'),
    input: { text: `Fetch pages 1 to ${n} of the example docs and summarise them.`, attachments: [] },
    events: log.end(),
  }
}

const THOUGHTS = 'The user wants the weather in Seattle. I should call get_weather with the city, then answer in one sentence.'.split(' ')

/** A live model that thinks: thinking before the call and before the answer, usage with reasoning and cache reads. */
export function sampleThinkingRecord(seed = 3): RunRecord {
  const log = new LogBuilder(seededRandom(seed), 'anthropic:claude-sonnet-5', 'concurrent')
  log.modelTurn(600, [], 30, 'tool_use', 420, THOUGHTS)
  log.toolPhase([{ name: 'get_weather', args: { city: 'Seattle' }, durationMs: 800, progress: ['Calling weather API for Seattle…'], output: 'Weather in Seattle: Sunny, 72°F' }])
  log.modelTurn(500, 'Seattle is sunny at 72°F.'.split(' '), 30, 'end_turn', 520, 'The tool answered; a short reply will do.'.split(' '))
  return {
    v: 1, id: 'sample-thinking', createdAt: '2026-11-30T06:00:00.000Z', title: 'Weather in Seattle?', label: 'thinking', status: 'done',
    config: { provider: 'anthropic', model: 'claude-sonnet-5', executor: 'concurrent', system: 'Use tools to answer user questions about cities.', toolPack: 'city', tools: ['get_weather'], maxTurns: 10, routingOnly: false },
    input: { text: 'Weather in Seattle?', attachments: [] },
    events: log.end(),
  }
}
