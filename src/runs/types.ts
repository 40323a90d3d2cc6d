// Shapes of run records and of the views derived from them. A run record is the single source of
// truth: the transcript, timelines, Gantt, metrics and permalinks are pure functions of records.
import type { AgentEvent } from '../core/index.ts'

export const RECORD_VERSION = 1

/** An attachment as a record keeps it when it leaves the machine: by reference, never a key. */
export interface AttachmentRef {
  name: string
  mediaType: string
  size: number
  /** SHA-256 of the bytes, hex. */
  hash: string
  pages?: number
  /** A small data: URL thumbnail, only when the user chose to inline thumbnails. */
  thumbnail?: string
}

export interface LocalModelSettings {
  ttftMs: number
  /** 0 means unlimited. */
  tokensPerSecond: number
  /** Multiplies every demo tool delay; 1 is the seeds' timing. */
  toolSpeed: number
}

/** Everything needed to run the same thing again. Never holds a key. */
export interface RunConfig {
  /** 'local' | 'openai' | 'anthropic' | a compatible preset id ('ollama', 'openrouter', …). */
  provider: string
  model: string
  baseURL?: string
  /** 'concurrent' | 'sequential' | 'concurrency:N' */
  executor: string
  system?: string
  /** Tool pack id and the names of the tools that were switched on. */
  toolPack: string
  tools: string[]
  maxTurns: number
  routingOnly: boolean
  toolTimeoutMs?: number
  local?: LocalModelSettings
  /** Live providers: retries before falling back, and the provider fallen back to. */
  retries?: number
  fallbackProvider?: string
  /** The MCP servers the run could call (issue 17): URL without its query, and name; never a header. */
  mcpServers?: { url: string; name: string }[]
  /** The custom tool definitions it ran with (JSON; checked, code disabled, when opened). */
  customTools?: Record<string, unknown>[]
  /** The tool names the model saw that differ from their author's (model name → original), for the card. */
  toolNames?: Record<string, string>
}

export interface RunInput {
  text: string
  attachments: AttachmentRef[]
}

export type RunStatus = 'running' | 'done' | 'interrupted'

/** Where an imported run came from: a trace written by another agent framework (or by Lanes). */
export interface ImportedFrom {
  /** 'strands' | 'ai-sdk' | 'openinference' | 'genai' | 'lanes'. */
  framework: string
  /** The file's format. */
  format: 'otlp' | 'jaeger'
  traceId: string
  /** How the executor was found, shown beside it: "concurrent: 3 calls overlapped in turn 1". */
  executorNote: string
  /** True when the executor was inferred from the overlap of tool spans, not recorded. */
  executorInferred: boolean
}

export interface RunRecord {
  v: typeof RECORD_VERSION
  id: string
  /** ISO 8601. */
  createdAt: string
  /** A user-facing name (rename in history); defaults from the prompt. */
  title?: string
  /** What the Gantt calls this run, e.g. "concurrent #1". */
  label?: string
  status?: RunStatus
  config: RunConfig
  input: RunInput
  events: AgentEvent[]
  /** A what-if re-timing (projectExecutor), not a recorded run: no API call made it. */
  projected?: boolean
  /** Made from a trace (runsFromOtlp): read-only, and not something Lanes can run again. */
  imported?: ImportedFrom
  /**
   * An exchange of a conversation: which one, and its place in it (0 for the first prompt).
   * `rerun`: a re-run of exchange `index` (another executor or model) drawn beside it on the time
   * axis, not part of the thread.
   */
  conversation?: { id: string; index: number; rerun?: true }
  /** A run of a comparison (issue 19): which one, the variant's label, and the trial (1-based). */
  comparison?: { id: string; variant: string; trial: number }
}

/** A value, or why there is none (a message written for the person reading it). */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string }

/** One bar of the Gantt chart. */
export interface GanttSpan {
  /** The run's label (data-run). */
  run: string
  kind: 'model' | 'tool'
  /** Tool name, or "model" / the model id for model calls (data-name). */
  name: string
  /** A stable key: `${run}/${callId}` or `${run}/model/${turn}`. */
  key: string
  turn: number
  callId?: string
  startMs: number
  /** For spans still running, the time of the last event seen. */
  endMs: number
  running: boolean
  /** Model calls: time of the first token, ms on the same axis. */
  ttftMs?: number
  /** Model calls that thought: time of the first thought, ms on the same axis. */
  firstThoughtMs?: number
  /**
   * Model calls that thought: time of the last thought. The bar's thinking part runs from its
   * start to here, its writing part (text, tool-call arguments) from here to its end.
   */
  thinkingEndMs?: number
  /**
   * Model calls the fallback chain retried: each backoff wait, from the failed attempt's
   * model-retry event to the next attempt (startMs + delayMs, cut at the call's end), so the bar
   * can show the retries as spans (or ticks at startMs) inside the model bar.
   */
  retries?: { startMs: number; endMs: number; attempt: number; model: string; reason: string }[]
  /** Tool calls: ms of each progress event. */
  ticks?: number[]
  status?: string
  args?: unknown
  output?: string
  /** On the critical path: the spans the wall time actually waited on. */
  critical: boolean
}

export interface RunMetrics {
  makespanMs: number
  /** First text token since run start; undefined when no text came. */
  ttftMs?: number
  /** Every billed output token, reasoning included. */
  outputTokens: number
  /** Every input token, cached ones included. */
  inputTokens: number
  /** How many of the output tokens were reasoning (0 when none were reported). */
  reasoningTokens: number
  /** How many input tokens were read from / written to the provider's prompt cache. */
  cacheReadTokens: number
  cacheWriteTokens: number
  /** First thought since run start; undefined when the model showed no thinking. */
  firstThoughtMs?: number
  /** Sum over model calls of the time from the call's start to its last thought. */
  thinkingMs: number
  /** Output tokens (or text deltas when no usage is reported) per second of model streaming. */
  tokensPerSecond?: number
  /** Sum of model-call durations. */
  modelTimeMs: number
  /** Sum of tool-call durations. */
  toolTimeMs: number
  /** Wall time during which at least one tool ran. */
  toolPhaseMs: number
  /** toolTimeMs / toolPhaseMs: 1 means no overlap, 3 means three tools at once on average. */
  overlap: number
  toolCalls: number
  turns: number
}
