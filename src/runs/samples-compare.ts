// A representative comparison for tests and benchmarks: the city scenario under up to four
// offline variants, k trials each, interleaved A B C D A B C D as Compare runs them. Deterministic
// (seeded), with the jittery sub-millisecond times real runs have.
import { LogBuilder, seededRandom, type PlannedTool } from './samples.ts'
import type { RunRecord } from './types.ts'

const PROMPT = "What's the weather, time, and population in Tokyo, Paris and New York?"
const CITIES = ['Tokyo', 'Paris', 'New York']
const ANSWER = ('Tokyo is sunny at 22°C, it is 9:30 PM there and about 14 million people live in the city proper. ' +
  'Paris is cloudy at 14°C, it is 1:30 PM and its population is about 2.1 million. New York has light rain at ' +
  '11°C, it is 7:30 AM and about 8.3 million people live there.').split(' ')

/** One offline variant of the comparison sample. */
export interface SampleVariant {
  label: string
  executor: string
  /** Calls at once in the tool phase (1 for sequential). */
  limit: number
  ttftMs: number
  tokensPerSecond: number
}

/** Concurrent, sequential, a limit of 2, and a slower-streaming concurrent variant. */
export const SAMPLE_VARIANTS: readonly SampleVariant[] = [
  { label: 'concurrent', executor: 'concurrent', limit: Number.POSITIVE_INFINITY, ttftMs: 300, tokensPerSecond: 60 },
  { label: 'sequential', executor: 'sequential', limit: 1, ttftMs: 300, tokensPerSecond: 60 },
  { label: 'limit 2', executor: 'concurrency:2', limit: 2, ttftMs: 300, tokensPerSecond: 60 },
  { label: 'slow model', executor: 'concurrent', limit: Number.POSITIVE_INFINITY, ttftMs: 800, tokensPerSecond: 20 },
]

/** The offline model names its calls by message count and place (`call_2_1`), not at random. */
class OfflineLog extends LogBuilder {
  private made = 0
  override callId(): string {
    return `call_2_${++this.made}`
  }
}

function tools(): PlannedTool[] {
  return CITIES.flatMap((city) => ['get_weather', 'get_time', 'get_population'].map((name): PlannedTool => ({
    name, args: { city }, durationMs: 1000,
    progress: [`Calling ${name.replace('get_', '')} API for ${city}…`],
    output: `${name.replace('get_', '')} in ${city}: ok`,
  })))
}

/** The records of one comparison: `trials` of each variant, interleaved, in run order. */
export function sampleComparisonRecords(variants: readonly SampleVariant[] = SAMPLE_VARIANTS, trials = 3, seed = 19): RunRecord[] {
  const random = seededRandom(seed)
  const records: RunRecord[] = []
  for (let trial = 1; trial <= trials; trial++) {
    for (const variant of variants) {
      const log = new OfflineLog(random, 'lanes-local', variant.executor)
      const msPerWord = 1000 / variant.tokensPerSecond
      log.modelTurn(variant.ttftMs, [], msPerWord, 'tool_calls', 190)
      log.toolPhase(tools(), variant.limit)
      log.modelTurn(variant.ttftMs, ANSWER, msPerWord, 'stop', 420)
      const n = records.length
      records.push({
        v: 1, id: `cmp-${seed}-${n}`, createdAt: new Date(Date.UTC(2026, 10, 30, 8, 0, n * 5)).toISOString(),
        title: PROMPT, label: `${variant.label} #${trial}`, status: 'done',
        config: {
          provider: 'local', model: 'lanes-local', executor: variant.executor, system: 'Use tools to answer user questions about cities.',
          toolPack: 'city', tools: ['get_weather', 'get_time', 'get_population'], maxTurns: 10, routingOnly: false,
          local: { ttftMs: variant.ttftMs, tokensPerSecond: variant.tokensPerSecond, toolSpeed: 1 },
        },
        input: { text: PROMPT, attachments: [] },
        events: log.end(),
        comparison: { id: `cmp-${seed}`, variant: variant.label, trial },
      })
    }
  }
  return records
}
