// Shared by the adapter-against-mock tests: tools with async-generator progress, and an agent
// run that collects every event.
import { z } from 'zod'
import { Agent, defineTool, type AgentEvent, type AgentInput, type Model, type RunResult, type Tool } from '../../../src/core/index.ts'

/** The three city tools; each yields two progress ticks before its result. */
export function cityTools(): Tool[] {
  const city = z.object({ city: z.string() })
  const make = (name: string, result: (c: string) => string): Tool =>
    defineTool({
      name,
      description: `${name} for a city`,
      input: city,
      async *run({ city: c }) {
        yield `looking up ${c}`
        yield { message: 'halfway', fraction: 0.5 }
        return result(c)
      },
    })
  return [
    make('get_weather', (c) => `${c}: 12°C, light rain`),
    make('get_time', (c) => `${c}: 09:41`),
    make('get_population', (c) => `${c}: 755,078`),
  ]
}

/** The three tools of the multi-turn scenario; each result feeds the next call. */
export function pipelineTools(): Tool[] {
  return [
    defineTool({ name: 'take_screenshot', description: 'Capture the screen', input: z.object({ region: z.string() }), run: () => '/tmp/shot.png' }),
    defineTool({ name: 'compress_file', description: 'Compress a file', input: z.object({ path: z.string() }), run: ({ path }) => `${path}.zip` }),
    defineTool({ name: 'send_email', description: 'Send an email', input: z.object({ to: z.string(), attachment: z.string() }), run: ({ to, attachment }) => `sent ${attachment} to ${to}` }),
  ]
}

/** Run an agent to the end, returning its events and result. */
export async function runAgent(model: Model, input: AgentInput, tools: readonly Tool[] = [], options: { executor?: 'concurrent' | 'sequential'; signal?: AbortSignal } = {}): Promise<{ events: AgentEvent[]; result: RunResult }> {
  const agent = new Agent({ model, tools, executor: options.executor ?? 'concurrent' })
  const events: AgentEvent[] = []
  const run = agent.stream(input, options.signal ? { signal: options.signal } : {})
  let step = await run.next()
  while (!step.done) {
    events.push(step.value)
    step = await run.next()
  }
  return { events, result: step.value }
}

/** A 1×1 PNG and a minimal PDF, base64. */
export const PNG_1PX = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='
export const PDF_MIN = 'JVBERi0xLjQKJcOkw7zDtsOfCjEgMCBvYmoKPDw+PgplbmRvYmoKdHJhaWxlcgo8PC9Sb290IDEgMCBSPj4KJSVFT0YK'
