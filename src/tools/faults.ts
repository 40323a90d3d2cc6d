import { z } from 'zod'
import { defineTool, type Tool } from '../core/index.ts'
import type { ToolEnv } from './types.ts'

/** How long `frozen_loop` blocks its thread at speed 1: far past the 3 s the page waits after Stop. */
export const FROZEN_MS = 20_000

/** How much text `huge_output` returns: 1 MiB, ten times what the model is sent. */
export const HUGE_OUTPUT_CHARS = 1024 * 1024

/**
 * Tools that fail on purpose, one per way a tool can go wrong, so the page can show what each
 * failure looks like: a throw, a hang past the time limit, a result with no JSON form, an
 * output too big to send to the model, and a synchronous loop that no signal can stop.
 */
export function faultTools(env: ToolEnv): Tool[] {
  return [
    defineTool({
      name: 'flaky_service',
      description: 'Call an upstream service that is currently failing (throws an error).',
      input: z.object({ request: z.string().describe('What to ask the service') }),
      async *run({ request }, { signal }) {
        yield `Calling the upstream service for "${request}"…`
        await env.wait(300, signal)
        throw new Error('The upstream service answered 503 Service Unavailable. Try again later.')
      },
    }),
    defineTool({
      name: 'stuck_job',
      description: 'Start a job that never finishes and ignores cancellation (ends by its 1.5 s time limit).',
      input: z.object({ job: z.string() }),
      timeoutMs: 1500,
      async *run({ job }) {
        yield `Job ${job} started; it will never report back.`
        // Deliberately ignores the abort signal: the agent must not wait for it.
        return new Promise<string>(() => undefined)
      },
    }),
    defineTool({
      name: 'odd_value',
      description: 'Return a value that has no JSON form (a BigInt).',
      input: z.object({}),
      async run(_args, { signal }) {
        await env.wait(100, signal)
        return { total: 12345678901234567890n }
      },
    }),
    defineTool({
      name: 'frozen_loop',
      description: 'Block its thread in a synchronous loop for 20 s, deaf to Stop and to time limits (the page shuts its worker down).',
      input: z.object({}),
      async *run() {
        yield 'Entering a synchronous loop: nothing on this thread runs until it ends.'
        env.block(FROZEN_MS)
        return `Out of the loop after ${FROZEN_MS / 1000} s (scaled by the tool speed).`
      },
    }),
    defineTool({
      name: 'huge_output',
      description: 'Return 1 MiB of text: more than the model is sent.',
      input: z.object({ label: z.string().optional() }),
      async *run({ label }, { signal }) {
        yield { message: 'Generating 1 MiB of log lines…', fraction: 0 }
        await env.wait(200, signal)
        const line = `${label ?? 'log'}: 2026-11-21T12:00:00Z INFO request served in 12 ms by worker-7\n`
        yield { message: 'Done generating', fraction: 1 }
        return line.repeat(Math.ceil(HUGE_OUTPUT_CHARS / line.length)).slice(0, HUGE_OUTPUT_CHARS)
      },
    }),
  ]
}
