// Shapes shared by the planner and its intents.
import type { ToolResultView } from './conversation.ts'

/** A tool call the model will make. */
export interface PlannedCall {
  name: string
  args: Record<string, unknown>
}

/** One model turn: a short line and some tool calls, or the answer. */
export type Step =
  | { kind: 'calls'; preface?: string; calls: PlannedCall[] }
  | { kind: 'answer'; text: string }

/** What every intent sees. */
export interface PlanContext {
  prompt: string
  /** The prompt in lower case, for keyword tests. */
  lower: string
  system: string
  results: ToolResultView[]
  /** Names of the tools offered in this request. */
  offered: ReadonlySet<string>
}

/** A scenario the offline model knows how to play. */
export interface Intent {
  id: string
  /** The tools it uses; it is chosen only when at least one of them is offered. */
  tools: readonly string[]
  match(ctx: PlanContext): boolean
  next(ctx: PlanContext): Step
}
