// Lesson 5, part 4 (fetch_data), the selectools examples (search, slow_api) and the exercise
// tools with their own delays (call_api).
import { z } from 'zod'
import { defineTool, type Tool } from '../core/index.ts'
import type { ToolEnv } from './types.ts'

/** fetch_data(source): 1 s, the seed's sample answer. */
export function fetchDataTool(env: ToolEnv): Tool {
  return defineTool({
    name: 'fetch_data',
    description: 'Fetch data from a source (simulated).',
    input: z.object({ source: z.string().min(1).describe('Source name, e.g. API-A') }),
    async run({ source }, ctx) {
      await env.wait(1000, ctx.signal)
      return `Data from ${source}: [sample data]`
    },
  })
}

/** search(query): selectools' example search, instant. */
export function searchTool(): Tool {
  return defineTool({
    name: 'search',
    description: 'Search the web',
    input: z.object({ query: z.string().min(1).describe('What to search for') }),
    run: ({ query }) => `Results for '${query}': Python is a popular programming language.`,
  })
}

/** slow_api(delay): selectools' performance example; waits `delay` seconds. */
export function slowApiTool(env: ToolEnv): Tool {
  return defineTool({
    name: 'slow_api',
    description: 'Simulate slow API',
    input: z.object({ delay: z.number().min(0).max(60).describe('Seconds to wait') }),
    async run({ delay }, ctx) {
      await env.wait(delay * 1000, ctx.signal)
      return `Done after ${delay}s`
    },
  })
}

/** call_api(name, delay_s): exercise 2's variable delays (0.5 s, 1 s, 2 s …). */
export function callApiTool(env: ToolEnv): Tool {
  return defineTool({
    name: 'call_api',
    description: 'Call a named API that takes delay_s seconds to answer (simulated).',
    input: z.object({
      name: z.string().min(1).describe('API name'),
      delay_s: z.number().min(0).max(60).describe('How long the API takes, in seconds'),
    }),
    async run({ name, delay_s }, ctx) {
      await env.wait(delay_s * 1000, ctx.signal)
      return `${name} responded after ${delay_s}s: {"status": "ok"}`
    },
  })
}
