import { describe, expect, it } from 'vitest'
import { Agent, DEFAULT_MAX_TOOL_OUTPUT_CHARS } from '../../core/index.ts'
import { createLocalModel } from '../../providers/local/index.ts'
import { createToolPacks, findPack } from '../../tools/index.ts'
import { HUGE_OUTPUT_CHARS } from '../../tools/faults.ts'

// The offline model and the faults pack together (the only layer allowed to import both).
describe('fault drills, offline', () => {
  it('each tool fails its own way, the model sees why, and the run goes on to an answer', async () => {
    const tools = findPack(createToolPacks({ speed: 0.01 }), 'faults')!.tools
    const agent = new Agent({ model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0 }), tools })
    const ends = new Map<string, { status: string; output: string }>()
    let result
    for await (const event of agent.stream('Run the fault drills')) {
      if (event.type === 'tool-end') ends.set(event.name, { status: event.status, output: event.output })
      if (event.type === 'run-end') result = event.result
    }
    expect(result?.stopReason).toBe('done')
    expect(ends.get('flaky_service')).toMatchObject({ status: 'error', output: expect.stringContaining('503') })
    expect(ends.get('stuck_job')).toMatchObject({ status: 'timeout', output: expect.stringContaining('timed out after 1500 ms') })
    expect(ends.get('odd_value')).toMatchObject({ status: 'error', output: expect.stringContaining('cannot be sent to the model') })
    expect(ends.get('huge_output')?.status).toBe('ok')
    expect(ends.get('huge_output')?.output.length).toBe(HUGE_OUTPUT_CHARS) // the event log keeps it whole
    const sent = agent.messages.find((m) => m.role === 'tool')!.content.find((p) => p.type === 'tool-result' && p.name === 'huge_output')
    expect(sent?.type === 'tool-result' && sent.output.length).toBeLessThan(DEFAULT_MAX_TOOL_OUTPUT_CHARS + 200)
    expect(sent?.type === 'tool-result' && sent.output).toContain('[Output truncated for the model')
    expect(result?.text).toContain('flaky_service')
    expect(result?.text).toContain('503')
  }, 10_000)
})
