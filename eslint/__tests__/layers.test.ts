// The layer rule must fail `npm run lint` for any spelling of an import that points up the layers
// (design.md), and must let the allowed ones through: it is run here through ESLint itself, with
// the project's own config, on files that exist only in memory.
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname })

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: new URL(`../../${file}`, import.meta.url).pathname })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/imports').map((m) => m.message)
}

describe('the layer rule checks resolved paths', () => {
  it('fails a ui file that imports the agent straight from core/agent.ts', async () => {
    const errors = await layerErrors('src/ui/chat/Probe.tsx', "import { Agent } from '../../core/agent.ts'\nexport const probe = Agent\n")
    expect(errors).toEqual([expect.stringContaining('src/ui may import only types from src/core')])
  })

  it('is not fooled by a path that wanders through other folders', async () => {
    const errors = await layerErrors('src/ui/chat/Probe.tsx', "import { startRun } from '../../ui/../state/../core/run-loop.ts'\nexport const probe = startRun\n")
    expect(errors).toHaveLength(1)
  })

  it('catches re-exports and dynamic imports, not only import declarations', async () => {
    const errors = await layerErrors('src/runs/probe.ts', "export { createLocalModel } from '../providers/local/index.ts'\nexport const later = () => import('../state/runs.ts')\n")
    expect(errors).toEqual([expect.stringContaining('src/runs may not import src/providers'), expect.stringContaining('src/runs may not import src/state')])
  })

  it('keeps core free of other layers and of SDK packages', async () => {
    const errors = await layerErrors('src/core/probe.ts', "import OpenAI from 'openai'\nimport { z } from 'zod'\nimport { packs } from '../tools/packs.ts'\nexport const probe = [OpenAI, z, packs]\n")
    expect(errors).toEqual([expect.stringContaining('package "openai"'), expect.stringContaining('src/core may not import src/tools')])
  })

  it('keeps IndexedDB code of runs away from ui', async () => {
    const errors = await layerErrors('src/ui/history/Probe.tsx', "import { openHistory } from '../../runs/history-store.ts'\nexport const probe = openHistory\n")
    expect(errors).toEqual([expect.stringContaining('not a pure projection')])
  })

  it('lets ui read core types and the pure projections of runs', async () => {
    const code = "import type { AgentEvent } from '../../core/index.ts'\nimport { ganttSpansOf } from '../../runs/gantt.ts'\nimport { useRuns } from '../../state/runs.ts'\nexport type E = AgentEvent\nexport const probe = [ganttSpansOf, useRuns]\n"
    expect(await layerErrors('src/ui/gantt/Probe.tsx', code)).toEqual([])
  })
})
