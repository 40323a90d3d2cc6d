// The demo tool packs and the scenario gallery (design.md "tools/").
export { createToolPacks, findPack } from './packs.ts'
export { SCENARIOS, RECEIPT_ANALYZE_SYSTEM, RECEIPT_EXTRACT_SYSTEM } from './scenarios.ts'
export { abortableSleep } from './sleep.ts'
export { evaluate } from './calculator.ts'
export type { Scenario, Sleep, ToolPack, ToolPackId, ToolPackOptions, ToolEnv } from './types.ts'
