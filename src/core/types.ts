// Public shapes of the core runtime (design.md "The core API"). Everything here is a plain
// object with a `type` tag, so it survives JSON and structuredClone: run records, permalinks and
// history are all made of these.

/** A content part of a message. Binary data is base64 without a data: prefix. */
export type ContentPart =
  | { type: 'text'; text: string }
  | { type: 'image'; mediaType: string; data: string; name?: string }
  | { type: 'document'; mediaType: 'application/pdf'; data: string; name: string; text?: string[] }
  | { type: 'tool-call'; id: string; name: string; args: unknown }
  | { type: 'tool-result'; callId: string; name: string; output: string; isError: boolean }
  /**
   * A model's thinking, kept in the assistant message so an adapter can send it back as its API
   * requires (Anthropic's signed thinking blocks, OpenAI's encrypted reasoning items, DeepSeek's
   * reasoning_content). `data` holds a redacted or encrypted payload; `provider` names the adapter
   * family that made it, so another provider (a fallback) can leave it out.
   */
  | { type: 'reasoning'; text: string; signature?: string; data?: string; provider?: string }

export type Role = 'user' | 'assistant' | 'tool'

export interface Message {
  role: Role
  content: ContentPart[]
}

/** What a tool may yield as progress: a line of text, or a structured tick. */
export type ToolProgress = string | { message?: string; fraction?: number; data?: unknown }

/** Handed to every tool run. `signal` aborts on run abort and on the tool's own timeout. */
export interface ToolContext {
  signal: AbortSignal
  callId: string
  runId: string
}

/** A tool as a provider sees it: name, description and JSON Schema of its input. */
export interface ToolSpec {
  name: string
  description: string
  inputSchema: object
}

export interface ModelRequest {
  system?: string
  messages: Message[]
  tools: ToolSpec[]
}

/**
 * Token counts of a model call. `outputTokens` counts every billed output token, reasoning
 * included, and `reasoningTokens` says how many were reasoning. `inputTokens` counts every input
 * token, cached ones included; `cacheReadTokens` / `cacheWriteTokens` say how many of them were
 * read from or written to the provider's cache.
 */
export interface Usage {
  inputTokens: number
  outputTokens: number
  reasoningTokens?: number
  cacheReadTokens?: number
  cacheWriteTokens?: number
}

/**
 * What a model adapter yields. Tool calls arrive whole: the adapter accumulates argument
 * fragments. When the arguments cannot be parsed, the adapter passes the raw string as `args`
 * and the agent reports the parse error to the model.
 *
 * `retry` and `fallback` are additions to design.md (see the README changelog): the fallback
 * chain reports each retry and each switch so the run shows them.
 */
export type ModelEvent =
  | { type: 'text-delta'; text: string }
  | { type: 'tool-call'; id: string; name: string; args: unknown }
  | ({ type: 'usage' } & Usage)
  | { type: 'finish'; reason: string }
  /** Thinking text as it streams. */
  | { type: 'reasoning-delta'; text: string }
  /** Closes one thinking block: Anthropic's signature, a redacted or encrypted payload in `data`. */
  | { type: 'reasoning-end'; signature?: string; data?: string }
  | { type: 'retry'; model: string; attempt: number; delayMs: number; reason: string }
  | { type: 'fallback'; from: string; to: string; reason: string }

export interface Model {
  readonly id: string
  stream(req: ModelRequest, opts: { signal: AbortSignal }): AsyncIterable<ModelEvent>
}

export type ToolStatus = 'ok' | 'error' | 'timeout' | 'aborted'

export type StopReason = 'done' | 'max-turns' | 'aborted' | 'error' | 'routed'

export interface ToolCallRecord {
  id: string
  name: string
  args: unknown
  /** A ToolStatus, or 'routed' for a call chosen in routing-only mode and never run. */
  status: string
  startT: number
  endT: number
}

export interface RunResult {
  /** The text of the latest model turn that produced text (the answer, or the partial answer). */
  text: string
  turns: number
  durationMs: number
  stopReason: StopReason
  error?: { name: string; message: string }
  toolCalls: ToolCallRecord[]
  lastTool?: { name: string; args: unknown }
  usage: Usage
}

/** Every agent event carries `t`: milliseconds since the run started, on the agent's clock. */
export type AgentEvent =
  | { type: 'run-start'; t: number; runId: string; model: string; executor: string }
  | { type: 'turn-start'; t: number; turn: number }
  | { type: 'model-start'; t: number; turn: number }
  | { type: 'text-delta'; t: number; turn: number; text: string }
  | { type: 'reasoning-delta'; t: number; turn: number; text: string }
  | { type: 'model-retry'; t: number; turn: number; model: string; attempt: number; delayMs: number; reason: string }
  | { type: 'model-fallback'; t: number; turn: number; from: string; to: string; reason: string }
  | { type: 'model-end'; t: number; turn: number; finish: string; usage?: Usage }
  | { type: 'tool-start'; t: number; turn: number; callId: string; name: string; args: unknown }
  | { type: 'tool-progress'; t: number; callId: string; progress: ToolProgress }
  | { type: 'tool-end'; t: number; callId: string; name: string; status: ToolStatus; output: string }
  | { type: 'turn-end'; t: number; turn: number }
  | { type: 'run-end'; t: number; result: RunResult }

export type AgentEventType = AgentEvent['type']

/** The agent event of one type. */
export type AgentEventOf<K extends AgentEventType> = Extract<AgentEvent, { type: K }>

/** Hooks keyed by event type; each is called synchronously as its event is emitted. */
export type AgentHooks = { [K in AgentEventType]?: (event: AgentEventOf<K>) => void }

export type ExecutorSpec = 'concurrent' | 'sequential' | { concurrency: number }

/** Milliseconds from an arbitrary origin; only differences matter. */
export type Clock = () => number
