// The public core API (design.md). Outside checks import these names; change them only with a
// note in the README's changelog.
export { Agent, type AgentOptions, type StreamOptions } from './agent.ts'
export { defineTool, toInputSchema, type Tool, type ToolDefinition, type ToolReturn } from './tool.ts'
export { executorLabel, executorLimit, parseExecutor } from './executor.ts'
/** @deprecated Moved to src/providers (a wire format, not core); this re-export goes in 0.3.0. */
export { parseTextToolCalls, textToolInstructions, type ParsedText, type TextToolCall } from '../providers/text-tool-calls.ts'
export { closeRun, nextClosingEvent, newRunState, trackEvent, resultOf, addUsage, type RunClosing, type RunState } from './run-state.ts'
export { sleep } from './sleep.ts'
export { parseJsonOrRaw } from './json.ts'
export { toMessages, textOf, truncateForModel, DEFAULT_MAX_TOOL_OUTPUT_CHARS, type AgentInput } from './messages.ts'
export { defaultClock, newRunId } from './clock.ts'
export { createTimeSlicer, yieldToEventLoop } from './event-loop.ts'
export { AsyncQueue } from './queue.ts'
export {
  LanesError, AbortedError, UnknownToolError, ToolInputError, ToolTimeoutError, ToolOutputError, describeError,
} from './errors.ts'
export type {
  AgentEvent, AgentEventOf, AgentEventType, AgentHooks, Clock, ContentPart, ExecutorSpec, Message, Model,
  ModelEvent, ModelRequest, Role, RunResult, StopReason, ToolCallRecord, ToolContext, ToolProgress, ToolSpec,
  ToolStatus, Usage,
} from './types.ts'
export { createScriptedModel, toolCallsTurn, textTurn, type ScriptedModel, type ScriptedTurn } from './scripted-model.ts'
