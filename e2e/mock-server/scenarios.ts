// The mock's scripts, chosen by the request's model name so a page can pick one by typing it.
// README.md in this folder lists them; keep the two in step.
import { callsTurn, fragments, textTurn, type MockHttpError, type MockRequestView, type MockTurn, type Plan } from './plan.ts'

type Scenario = (view: MockRequestView) => Plan

const turn = (t: MockTurn): Plan => ({ type: 'turn', turn: t })
const fail = (error: MockHttpError): Plan => ({ type: 'error', error })

/** The three parallel calls of the city scenario, with arguments split mid-token. */
function cityCalls(): MockTurn {
  const city = '{"city": "Seattle"}'
  return callsTurn([
    { id: 'call_weather_01', name: 'get_weather', args: ['', ...fragments(city, 4)] },
    { id: 'call_time_02', name: 'get_time', args: ['', ...fragments(city, 7)] },
    { id: 'call_population_03', name: 'get_population', args: ['', ...fragments(city, 5)] },
  ])
}

const MULTITURN: readonly { name: string; args: (previous: string) => object }[] = [
  { name: 'take_screenshot', args: () => ({ region: 'full' }) },
  { name: 'compress_file', args: (previous) => ({ path: previous }) },
  { name: 'send_email', args: (previous) => ({ to: 'team@example.com', attachment: previous }) },
]

const SCENARIOS: Record<string, Scenario> = {
  'mock-text': () => turn(textTurn(['Hello', ' from', ' the mock', ' provider.'])),
  'mock-slow': () => turn(textTurn('This answer streams slowly, one word at a time.'.split(/(?= )/), { frameDelayMs: 120 })),
  'mock-city': (view) =>
    view.assistantTurns === 0
      ? turn(cityCalls())
      : turn(textTurn(['Seattle report. ', `Weather: ${view.lastToolResults[0] ?? '?'}. `, `Time: ${view.lastToolResults[1] ?? '?'}. `, `Population: ${view.lastToolResults[2] ?? '?'}.`])),
  'mock-multiturn': (view) => {
    const step = MULTITURN[view.assistantTurns]
    if (!step) return turn(textTurn(['Done: ', view.lastToolResults.join('; ')]))
    const args = JSON.stringify(step.args(view.lastToolResults[0] ?? ''))
    return turn(callsTurn([{ id: `call_step_${view.assistantTurns + 1}`, name: step.name, args: fragments(args, 6) }]))
  },
  'mock-echo-parts': (view) => {
    const p = view.parts
    return turn(textTurn([`Received parts: text=${p.text} image=${p.image} file=${p.file} document=${p.document}.`]))
  },
  'mock-ollama-index0': (view) =>
    view.assistantTurns === 0
      ? turn(callsTurn([
          { id: 'call_a1', name: 'get_weather', args: ['{"city":"Paris"}'], index: 0 },
          { id: 'call_b2', name: 'get_time', args: ['{"tz":"Europe/Paris"}'], index: 0 },
          { id: 'call_c3', name: 'get_population', args: ['{"city":"Paris"}'], index: 0 },
        ]))
      : turn(textTurn([`Paris: ${view.lastToolResults.join(' | ')}`])),
  'mock-text-tools': (view) =>
    view.assistantTurns === 0
      ? turn(textTurn(['I will check.\n', 'TOOL_CALL {"name": "get_weather", ', '"arguments": {"city": "Seattle"}}\n']))
      : turn(textTurn([`From the tool: ${view.lastUserText}`])),
  'mock-thinking': (view) => {
    if (view.assistantTurns === 0) {
      return turn({ ...callsTurn([{ id: 'call_think_01', name: 'get_weather', args: ['{"city": ', '"Seattle"}'] }]), reasoning: ['The user wants ', 'the weather in Seattle; ', 'I should call get_weather.'], frameDelayMs: 30 })
    }
    // Anthropic and the Responses API answer 400 when the thinking before a tool call is not sent back.
    if (view.protocol !== 'openai' && view.echoedReasoning === 0) {
      return fail({ status: 400, category: 'bad-request', message: 'The thinking block (with its signature) before the tool call must be passed back in the next request.' })
    }
    return turn({ ...textTurn(['Seattle: ', view.lastToolResults[0] ?? '?']), reasoning: ['The tool answered; ', 'now I can reply.'], frameDelayMs: 30 })
  },
  'fault-overloaded-start': () => turn(textTurn(['Never sent'], { end: 'overloaded-start' })),
  'fault-start-only': () => turn(textTurn(['Never sent'], { end: 'start-only' })),
  'fault-401': (view) => fail({ status: 401, category: 'auth', message: `Incorrect API key provided: ${view.apiKey}. You can find your API key in your account settings.` }),
  'fault-403': () => fail({ status: 403, category: 'permission', message: 'You do not have access to this model.' }),
  'fault-404': (view) => fail({ status: 404, category: 'not-found', message: `The model '${view.model}' does not exist.` }),
  'fault-429': () => fail({ status: 429, category: 'rate-limit', message: 'Rate limit reached. Please try again in 1s.', headers: { 'retry-after': '1' } }),
  'fault-429ms': () => fail({ status: 429, category: 'rate-limit', message: 'Rate limit reached.', headers: { 'retry-after-ms': '250' } }),
  'fault-500': () => fail({ status: 500, category: 'server', message: 'The server had an error while processing your request.' }),
  'fault-529': () => fail({ status: 529, category: 'overloaded', message: 'Overloaded' }),
  'fault-400-context': () => fail({ status: 400, category: 'bad-request', message: 'prompt is too long: 250000 tokens > 200000 maximum (context length exceeded)' }),
  'fault-ttft-stall': () => turn(textTurn(['Finally', ' awake.'], { stallMs: 120_000 })),
  'fault-cut': () => turn(textTurn(['Partial answer', ' before', ' the cut'], { end: 'cut' })),
  'fault-malformed': () => turn(textTurn(['Before the bad frame'], { end: 'malformed' })),
  'fault-stream-error': () => turn(textTurn(['Working on it'], { end: 'stream-error' })),
  'fault-bad-tool-json': (view) =>
    view.assistantTurns === 0
      ? turn(callsTurn([{ id: 'call_bad_1', name: 'get_weather', args: ['{"city": ', '"Seattle"'] }]))
      : turn(textTurn([`The tool said: ${view.lastToolResults[0] ?? ''}`])),
  'fault-big': () => turn(textTurn(bigText(5 * 1024 * 1024, 64 * 1024))),
}

function bigText(total: number, chunk: number): string[] {
  const line = 'The quick brown fox jumps over the lazy dog. 0123456789\n'
  const block = line.repeat(Math.ceil(chunk / line.length)).slice(0, chunk)
  const out: string[] = []
  for (let left = total; left > 0; left -= chunk) out.push(left >= chunk ? block : block.slice(0, left))
  return out
}

/** Every scenario name (for GET /models and the README). */
export const SCENARIO_NAMES: readonly string[] = Object.keys(SCENARIOS)

const COUNTED = /^(fault-[a-z0-9-]+?)x(\d+)-then-([a-z0-9-]+)$/

/**
 * The plan for a request. `fault-<f>x<N>-then-<s>` fails like `fault-<f>` for the first N
 * requests with that model name, then plays `mock-<s>`; `hits` is how many came before.
 */
export function planFor(view: MockRequestView, hits: number): Plan {
  const counted = COUNTED.exec(view.model)
  if (counted) {
    const [, fault, count, then] = counted
    const name = hits < Number(count) ? fault! : `mock-${then!}`
    return (SCENARIOS[name] ?? unknownModel)(view)
  }
  return (SCENARIOS[view.model] ?? unknownModel)(view)
}

function unknownModel(view: MockRequestView): Plan {
  return fail({ status: 404, category: 'not-found', message: `The model '${view.model}' does not exist. Mock models: ${SCENARIO_NAMES.join(', ')}.` })
}
