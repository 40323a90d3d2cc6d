// A run as plain data: what the agent worker needs to execute it, and the one function both the
// worker and the in-page fallback use to turn it into an agent. Nothing here touches a store or
// the DOM, so it loads in a worker.
import { Agent, parseExecutor, type AgentEvent, type ContentPart, type Message } from '../core/index.ts'
import { toolsFor } from './tools-for.ts'
import { buildTools, type ToolSourcesJob } from './tool-sources.ts'
import type { Approve } from '../tools/approval.ts'
import type { PackedEvents } from '../runs/packed-events.ts'
import { createEventBatcher } from './event-batcher.ts'
import { loadModelFor, type ModelDeps } from './model-factory.ts'
import type { Settings } from './settings.ts'

export interface AgentJob {
  settings: Settings
  /** Executor label: 'concurrent', 'sequential' or 'concurrency:N'. */
  executor: string
  /** The user's message: the prompt and the attachments' content parts. */
  parts: ContentPart[]
  /** The conversation so far (a follow-up's earlier exchanges), sent before the user's message. */
  history?: Message[]
  /** Keys of the providers this run may call (its provider and its fallback), nothing more. */
  keys: Record<string, string>
  /** The user's MCP servers (headers as secrets, like keys) and custom tool definitions. */
  toolSources?: ToolSourcesJob
}

type ImagePart = Extract<ContentPart, { type: 'image' }>
/** OCR for the offline model; in the worker it is a request to the page. */
export type Ocr = (part: ImagePart) => Promise<string>

/** Load the model and build the agent for a job. Rejects when the model can't be loaded or a tool server can't be reached. */
async function agentFor(job: AgentJob, ocr: Ocr | undefined, approve: Approve | undefined, signal: AbortSignal | undefined): Promise<{ agent: Agent; close: () => Promise<void> }> {
  const { settings } = job
  const deps: ModelDeps = { keyFor: (provider) => job.keys[provider], ...(ocr ? { ocr } : {}) }
  const [model, built] = await Promise.all([loadModelFor(settings, deps), buildTools(toolsFor(settings), job.toolSources, approve, signal)])
  const agent = new Agent({
    model,
    tools: built.tools,
    ...(settings.system ? { system: settings.system } : {}),
    executor: parseExecutor(job.executor),
    maxTurns: settings.maxTurns,
    routingOnly: settings.routingOnly,
    ...(settings.toolTimeoutMs > 0 ? { toolTimeoutMs: settings.toolTimeoutMs } : {}),
  })
  return { agent, close: built.close }
}

/**
 * Run a job: build its agent, say `onReady` once the model has loaded, then hand over every
 * event. Resolves to the conversation at the end (what a follow-up sends), as plain JSON data.
 * Rejects when the model can't load or (a bug) the stream throws. The agent worker and the
 * page's own fallback both run jobs through this, so they can't drift apart.
 */
export async function runJob(job: AgentJob, signal: AbortSignal | undefined, ocr: Ocr | undefined, onReady: () => void, onEvent: (event: AgentEvent) => void, approve?: Approve): Promise<Message[] | undefined> {
  const { agent, close } = await agentFor(job, ocr, approve, signal)
  try {
    onReady()
    const input: Message[] | ContentPart[] = job.history?.length ? [...job.history, { role: 'user', content: job.parts }] : job.parts
    for await (const event of agent.stream(input, signal ? { signal } : {})) onEvent(event)
    return plainMessages(agent.messages)
  } finally {
    // MCP sessions end with the run (a DELETE to each server); a server gone by then is no matter.
    void close()
  }
}

/** The conversation as JSON data (tool arguments may hold anything); undefined when it has no JSON form. */
function plainMessages(messages: readonly Message[]): Message[] | undefined {
  try {
    return JSON.parse(JSON.stringify(messages)) as Message[]
  } catch {
    return undefined
  }
}

/**
 * Run a job and hand its events over packed, in batches (state/event-batcher.ts); what is left
 * goes out when the run ends, even if it failed. `prepare` adapts each event before it is packed.
 */
export async function runJobInBatches(job: AgentJob, signal: AbortSignal | undefined, ocr: Ocr | undefined, onReady: () => void, send: (packed: PackedEvents) => void, prepare: (event: AgentEvent) => AgentEvent = (event) => event, approve?: Approve): Promise<Message[] | undefined> {
  const batcher = createEventBatcher(send)
  try {
    return await runJob(job, signal, ocr, onReady, (event) => batcher.push(prepare(event)), approve)
  } finally {
    batcher.close()
  }
}
