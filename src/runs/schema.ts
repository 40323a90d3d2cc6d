// The zod schema of RunRecord v1 (reasoning events and usage details are optional additions). Every record that enters the app from outside (a permalink, an
// import, IndexedDB written by an older build) passes through it; unknown keys are stripped, so a
// crafted link cannot smuggle extra fields into state.
import { z } from 'zod'
import type { AgentEvent, RunResult } from '../core/index.ts'
import type { RunConfig, RunInput, RunRecord } from './types.ts'

const time = z.number().nonnegative()
const count = z.number().int().nonnegative()
const turn = z.number().int().nonnegative()
const usage = z.object({
  inputTokens: z.number().nonnegative(),
  outputTokens: z.number().nonnegative(),
  reasoningTokens: z.number().nonnegative().exactOptional(),
  cacheReadTokens: z.number().nonnegative().exactOptional(),
  cacheWriteTokens: z.number().nonnegative().exactOptional(),
})
const toolStatus = z.enum(['ok', 'error', 'timeout', 'aborted'])
const errorShape = z.object({ name: z.string(), message: z.string() })

const progress = z.union([
  z.string(),
  z.object({
    message: z.string().exactOptional(),
    fraction: z.number().exactOptional(),
    data: z.unknown().exactOptional(),
  }),
])

const toolCallRecord = z.object({
  id: z.string(), name: z.string(), args: z.unknown().default({}), status: z.string(), startT: time, endT: time,
})

const runResult = z.object({
  text: z.string(),
  turns: count,
  durationMs: time,
  stopReason: z.enum(['done', 'max-turns', 'aborted', 'error', 'routed']),
  error: errorShape.exactOptional(),
  toolCalls: z.array(toolCallRecord),
  lastTool: z.object({ name: z.string(), args: z.unknown().default({}) }).exactOptional(),
  usage,
})

/** One schema per AgentEvent variant, discriminated on `type`. */
export const agentEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-start'), t: time, runId: z.string(), model: z.string(), executor: z.string() }),
  z.object({ type: z.literal('turn-start'), t: time, turn }),
  z.object({ type: z.literal('model-start'), t: time, turn }),
  z.object({ type: z.literal('text-delta'), t: time, turn, text: z.string() }),
  z.object({ type: z.literal('reasoning-delta'), t: time, turn, text: z.string() }),
  z.object({
    type: z.literal('model-retry'), t: time, turn, model: z.string(), attempt: count, delayMs: time, reason: z.string(),
  }),
  z.object({ type: z.literal('model-fallback'), t: time, turn, from: z.string(), to: z.string(), reason: z.string() }),
  z.object({ type: z.literal('model-end'), t: time, turn, finish: z.string(), usage: usage.exactOptional() }),
  z.object({ type: z.literal('tool-start'), t: time, turn, callId: z.string(), name: z.string(), args: z.unknown().default({}) }),
  z.object({ type: z.literal('tool-progress'), t: time, callId: z.string(), progress }),
  z.object({ type: z.literal('tool-end'), t: time, callId: z.string(), name: z.string(), status: toolStatus, output: z.string() }),
  z.object({ type: z.literal('turn-end'), t: time, turn }),
  z.object({ type: z.literal('run-end'), t: time, result: runResult }),
])

const attachmentRef = z.object({
  name: z.string(),
  mediaType: z.string(),
  size: count,
  hash: z.string().regex(/^[\w-]{1,128}$/, 'a hex hash'),
  pages: count.exactOptional(),
  thumbnail: z.string().startsWith('data:image/').exactOptional(),
})

/** The schema of RunConfig: provider settings and tools, never a key (unknown keys are dropped). */
export const runConfigSchema = z.object({
  provider: z.string().min(1),
  model: z.string(),
  baseURL: z.string().exactOptional(),
  executor: z.string().regex(/^(concurrent|sequential|concurrency:[1-9]\d*)$/, "'concurrent', 'sequential' or 'concurrency:N'"),
  system: z.string().exactOptional(),
  toolPack: z.string(),
  tools: z.array(z.string()),
  maxTurns: z.number().int().positive(),
  routingOnly: z.boolean(),
  toolTimeoutMs: z.number().positive().exactOptional(),
  local: z.object({ ttftMs: time, tokensPerSecond: z.number().nonnegative(), toolSpeed: z.number().nonnegative() }).exactOptional(),
  retries: z.number().int().nonnegative().exactOptional(),
  fallbackProvider: z.string().min(1).exactOptional(),
  mcpServers: z.array(z.object({ url: z.string().max(2000), name: z.string().max(200) })).max(50).exactOptional(),
  customTools: z.array(z.record(z.string(), z.unknown())).max(200).exactOptional(),
  toolNames: z.record(z.string().max(200), z.string().max(200)).exactOptional(),
})

/** The schema of RunInput: the user's text and attachments by reference. */
export const runInputSchema = z.object({ text: z.string(), attachments: z.array(attachmentRef) })

const importedFrom = z.object({
  framework: z.string().max(40),
  format: z.enum(['otlp', 'jaeger']),
  traceId: z.string().max(200),
  executorNote: z.string().max(300),
  executorInferred: z.boolean(),
})

/** The schema of a whole RunRecord v1. */
export const runRecordSchema = z.object({
  v: z.literal(1),
  id: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
  title: z.string().exactOptional(),
  label: z.string().exactOptional(),
  status: z.enum(['running', 'done', 'interrupted']).exactOptional(),
  config: runConfigSchema,
  input: runInputSchema,
  events: z.array(agentEventSchema),
  projected: z.boolean().exactOptional(),
  imported: importedFrom.exactOptional(),
  conversation: z.object({ id: z.string().min(1).max(100), index: z.number().int().min(0).max(10_000), rerun: z.literal(true).exactOptional() }).exactOptional(),
  comparison: z.object({ id: z.string().min(1).max(100), variant: z.string().min(1).max(80), trial: z.number().int().min(1).max(100) }).exactOptional(),
})

// Compile-time proof that the schemas' outputs are exactly the public types; a drift between
// them fails the type check instead of letting bad data through.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const proofs: [
  Same<z.output<typeof runRecordSchema>, RunRecord>,
  Same<z.output<typeof agentEventSchema>, AgentEvent>,
  Same<z.output<typeof runResult>, RunResult>,
  Same<z.output<typeof runConfigSchema>, RunConfig>,
  Same<z.output<typeof runInputSchema>, RunInput>,
] = [true, true, true, true, true]
void proofs
