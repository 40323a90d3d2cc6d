// Shapes shared by the planner and its intents.
import type { ToolSpec } from '../../core/index.ts'
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
  /** The prompt as written. */
  original: string
  /** The prompt read for slots: keyword typos fixed, numbers in digits (nlu/lexicon.ts). */
  prompt: string
  /** `prompt` in lower case with tool-name underscores as spaces, for keyword tests. */
  lower: string
  system: string
  results: ToolResultView[]
  /** Names of the tools offered in this request. */
  offered: ReadonlySet<string>
  /** The offered tools' specs (names, descriptions, JSON Schemas). */
  specs: readonly ToolSpec[]
  /** Every tool some scenario intent plays; a prompt naming another tool is read by its schema. */
  scenarioTools: ReadonlySet<string>
}

/** A scenario the offline model knows how to play. */
export interface Intent {
  id: string
  /** The tools it may use; none means it answers without tools (e.g. "attach a receipt"). */
  tools: readonly string[]
  /**
   * How well the prompt fits, 0 for not at all. Keyword cues score 2 to 4, explicit naming of a
   * tool 6; slot values the intent can use add a point. The best fit among the intents whose
   * tools are on offer is played.
   */
  score(ctx: PlanContext): number
  /** The tools this prompt needs (a subset of `tools`); all of them when absent. */
  wants?(ctx: PlanContext): readonly string[]
  next(ctx: PlanContext): Step
}

/** A one-sentence question back to the user instead of a guess. */
export function ask(question: string): Step {
  return { kind: 'answer', text: question }
}
