// Lesson 5, part 2: three independent 1 s lookups, the concurrent executor's showcase.
import { z } from 'zod'
import { defineTool, type Tool } from '../core/index.ts'
import type { ToolEnv } from './types.ts'

const cityInput = z.object({ city: z.string().min(1).describe('City name, e.g. Seattle') })

/** get_weather, get_time and get_population: 1 s each, the seed's fixed answers. */
export function cityTools(env: ToolEnv): Tool[] {
  const lookup = (name: string, description: string, answer: (city: string) => string): Tool =>
    defineTool({
      name,
      description,
      input: cityInput,
      async run({ city }, ctx) {
        await env.wait(1000, ctx.signal)
        return answer(city)
      },
    })
  return [
    lookup('get_weather', 'Get weather forecast for a city.', (city) => `Weather in ${city}: Sunny, 72°F`),
    lookup('get_time', 'Get current time in a city.', (city) => `Time in ${city}: 2:30 PM`),
    lookup('get_population', 'Get population of a city.', (city) => `Population of ${city}: ~1.5 million`),
  ]
}
