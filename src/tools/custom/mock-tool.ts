// A mock tool from its definition: waits its delay (fixed, or random in a range) in equal slices,
// one progress step per slice, then fails at its failure rate or answers with its template.
import type { Tool, ToolContext, ToolProgress } from '../../core/index.ts'
import { LanesError } from '../../core/index.ts'
import { toolOf } from './tool-of.ts'
import type { Sleep } from '../types.ts'
import type { CustomToolDefinition, MockImpl } from './definition.ts'
import { renderTemplate } from './template.ts'

export interface MockToolEnv {
  sleep: Sleep
  /** A number in [0, 1): picks random delays and failures. Injected so tests are exact. */
  random: () => number
}

/** The failure a mock tool was told to simulate. */
export class MockToolFailure extends LanesError {
  override name = 'MockToolFailure'
}

/** The delay of one call in ms. */
export function mockDelayMs(impl: MockImpl, random: () => number): number {
  return impl.delay.kind === 'fixed' ? impl.delay.ms : impl.delay.minMs + random() * (impl.delay.maxMs - impl.delay.minMs)
}

/** A core Tool for a mock definition. `name` is the provider-safe name it runs under. */
export function createMockTool(definition: CustomToolDefinition & { impl: MockImpl }, name: string, env: MockToolEnv): Tool {
  const { impl } = definition
  async function* run(args: unknown, ctx: ToolContext): AsyncGenerator<ToolProgress, string, void> {
    const total = mockDelayMs(impl, env.random)
    const steps = impl.steps
    if (steps.length === 0) await env.sleep(total, ctx.signal)
    for (const [index, step] of steps.entries()) {
      // Each step is announced as it starts, so the lane shows what the tool is doing now.
      yield { message: renderTemplate(step, args), fraction: index / steps.length }
      await env.sleep(total / steps.length, ctx.signal)
    }
    if (impl.failureRate > 0 && env.random() < impl.failureRate) {
      throw new MockToolFailure(renderTemplate(impl.failureMessage ?? `${definition.name} failed (simulated, failure rate ${impl.failureRate}).`, args))
    }
    return renderTemplate(impl.output, args)
  }
  return toolOf(definition, name, run)
}
