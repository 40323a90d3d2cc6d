// "Run the fault drills": call every fault tool in one turn, then report how each one failed.
// "Freeze a tool": call frozen_loop, the one that blocks its thread (it is not a drill: Stop is).
import type { Intent } from './plan-types.ts'
import { code, paragraphs } from './text.ts'

const FAULT_TOOLS = ['flaky_service', 'stuck_job', 'odd_value', 'huge_output'] as const

export const faultsIntent: Intent = {
  id: 'faults',
  tools: FAULT_TOOLS,
  score: (ctx) => (/\bfault|\bdrill|\bfail(?:ure|ing)?s?\b|\bbreak\b/.test(ctx.lower) ? 3 : 0),
  next(ctx) {
    const offered = FAULT_TOOLS.filter((name) => ctx.offered.has(name))
    const results = ctx.results.filter((r) => (FAULT_TOOLS as readonly string[]).includes(r.name))
    if (results.length === 0) {
      return {
        kind: 'calls',
        preface: `Running ${offered.length} fault drills at once: ${offered.map(code).join(', ')}.`,
        calls: offered.map((name) => ({ name, args: name === 'odd_value' ? {} : name === 'huge_output' ? { label: 'drill' } : name === 'stuck_job' ? { job: 'drill-1' } : { request: 'status' } })),
      }
    }
    const lines = results.map((r) => {
      const size = r.output.length.toLocaleString('en-US')
      if (!r.isError) return `- ${code(r.name)} worked and returned ${size} characters${/truncated for the model/.test(r.output) ? ' (I was sent only the first part; the full output is in its tool card)' : ''}.`
      return `- ${code(r.name)} failed: ${r.output.replace(/^Error:\s*/, '')}`
    })
    return { kind: 'answer', text: paragraphs('Here is how each drill ended. The run went on after every failure:', lines.join('\n')) }
  },
}

export const frozenIntent: Intent = {
  id: 'frozen',
  tools: ['frozen_loop'],
  score: (ctx) => (/\bfr(?:ee|o)zen?\b|\bfreeze\b/.test(ctx.lower) ? 4 : 0),
  next(ctx) {
    const result = ctx.results.find((r) => r.name === 'frozen_loop')
    if (!result) {
      return { kind: 'calls', preface: `Calling ${code('frozen_loop')}: it blocks its thread in a synchronous loop. Press Stop.`, calls: [{ name: 'frozen_loop', args: {} }] }
    }
    return { kind: 'answer', text: `${code('frozen_loop')} came back: ${result.output}` }
  },
}
