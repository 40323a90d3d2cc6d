import type { ToolSpec } from '../core/index.ts'
import { createToolPacks, SCENARIOS, type Scenario } from '../tools/index.ts'
import { setPrompt } from './composer.ts'
import { newChat } from './conversation.ts'
import { clearAttachments, addSample } from './attachments.ts'
import { updateSettings, type Settings } from './settings.ts'
import { parseExecutor } from '../core/index.ts'

/** A tool pack as the settings panel shows it: names, descriptions and JSON Schemas. */
export interface PackInfo {
  id: string
  label: string
  description: string
  tools: ToolSpec[]
}

/** The demo tool packs, described once for the UI (the run controller builds fresh tools). */
export const PACKS: readonly PackInfo[] = createToolPacks().map((pack) => ({
  id: pack.id,
  label: pack.label,
  description: pack.description,
  tools: pack.tools.map((tool) => tool.spec),
}))

export { SCENARIOS, type Scenario }

/** Load a scenario: its prompt, tools and settings (and sample files), in a new chat. */
export function loadScenario(scenario: Scenario): void {
  newChat()
  const executor = parseExecutor(typeof scenario.executor === 'string' ? scenario.executor : `concurrency:${scenario.executor.concurrency}`)
  const patch: Partial<Settings> = {
    toolPack: scenario.toolPack,
    disabledTools: [],
    system: scenario.system ?? '',
    routingOnly: scenario.routingOnly ?? false,
    maxTurns: scenario.maxTurns ?? 10,
    ...(typeof executor === 'string' ? { executor } : { executor: 'limit' as const, concurrency: executor.concurrency }),
  }
  updateSettings(patch)
  setPrompt(scenario.prompt)
  clearAttachments()
  for (const path of scenario.attachments ?? []) void addSample(path)
  // Its own tools (mocks) join the user's, switched on; a tool of the user's is never replaced.
  if (scenario.customTools) {
    const tools = scenario.customTools
    void import('./custom-tools.ts').then(({ mergeCustomTools }) => mergeCustomTools(tools))
  }
}
