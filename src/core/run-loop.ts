import { newRunId } from './clock.ts'
import { AbortedError, describeError } from './errors.ts'
import { executorLabel, executorLimit } from './executor.ts'
import { AsyncQueue } from './queue.ts'
import type { Tool } from './tool.ts'
import { runToolPhase, type PendingCall } from './tool-phase.ts'
import type {
  AgentEvent, AgentHooks, Clock, ContentPart, ExecutorSpec, Message, Model, ModelEvent, RunResult,
  StopReason, ToolCallRecord, ToolSpec, Usage,
} from './types.ts'

export interface LoopConfig {
  model: Model
  tools: ReadonlyMap<string, Tool>
  system: string | undefined
  executor: ExecutorSpec
  maxTurns: number
  routingOnly: boolean
  toolTimeoutMs: number | undefined
  maxToolOutputChars: number
  hooks: AgentHooks | undefined
  now: Clock
}

type ModelSignal =
  | { kind: 'model-event'; event: ModelEvent }
  | { kind: 'model-done' }
  | { kind: 'model-error'; error: unknown }
  | { kind: 'abort' }

/**
 * The agent loop: model turn, tool phase, repeat. Appends to `conversation` as it goes and yields
 * every event; `run-end` is always the last event, also after an abort or an error.
 */
export async function* runLoop(config: LoopConfig, conversation: Message[], signal: AbortSignal | undefined): AsyncGenerator<AgentEvent, RunResult> {
  const { model, now, hooks } = config
  const origin = now()
  const t = (): number => now() - origin
  const runId = newRunId()
  const controller = new AbortController()
  const specs: ToolSpec[] = [...config.tools.values()].map((tool) => tool.spec)
  const toolNames = specs.map((spec) => spec.name)
  const limit = executorLimit(config.executor)
  let wake: (() => void) | undefined
  const onAbort = (): void => {
    controller.abort(signal?.reason ?? new AbortedError())
    wake?.()
  }
  if (signal?.aborted) onAbort()
  else signal?.addEventListener('abort', onAbort, { once: true })

  const emit = <E extends AgentEvent>(event: E): E => {
    const hook = hooks?.[event.type] as ((e: E) => void) | undefined
    if (hook) {
      try {
        hook(event)
      } catch (error) {
        console.error(`Lanes: the ${event.type} hook threw`, describeError(error).message)
      }
    }
    return event
  }

  const usage: Usage = { inputTokens: 0, outputTokens: 0 }
  const toolCalls: ToolCallRecord[] = []
  const seenIds = new Set<string>()
  let text = ''
  let turns = 0
  let stopReason: StopReason = 'done'
  let error: { name: string; message: string } | undefined
  let lastTool: { name: string; args: unknown } | undefined

  yield emit({ type: 'run-start', t: 0, runId, model: model.id, executor: executorLabel(config.executor) })
  try {
    for (let turn = 1; ; turn++) {
      if (controller.signal.aborted) { stopReason = 'aborted'; break }
      if (turn > config.maxTurns) { stopReason = 'max-turns'; break }
      turns = turn
      yield emit({ type: 'turn-start', t: t(), turn })
      yield emit({ type: 'model-start', t: t(), turn })

      const queue = new AsyncQueue<ModelSignal>()
      wake = () => queue.push({ kind: 'abort' })
      void pump(model, { ...(config.system !== undefined ? { system: config.system } : {}), messages: [...conversation], tools: specs }, controller.signal, queue)
      let turnText = ''
      let finish = 'stop'
      let turnUsage: Usage | undefined
      let failure: unknown
      const calls: PendingCall[] = []
      for (;;) {
        if (controller.signal.aborted) break
        const next = await queue.shift()
        if (next.kind === 'abort' || next.kind === 'model-done') break
        if (next.kind === 'model-error') { failure = next.error; break }
        const event = next.event
        switch (event.type) {
          case 'text-delta':
            turnText += event.text
            yield emit({ type: 'text-delta', t: t(), turn, text: event.text })
            break
          case 'tool-call':
            calls.push({ id: uniqueId(event.id, seenIds, turn, calls.length), name: event.name, args: parseArgs(event.args) })
            break
          case 'usage':
            turnUsage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens }
            usage.inputTokens += event.inputTokens
            usage.outputTokens += event.outputTokens
            break
          case 'finish':
            finish = event.reason
            break
          case 'retry':
            yield emit({ type: 'model-retry', t: t(), turn, model: event.model, attempt: event.attempt, delayMs: event.delayMs, reason: event.reason })
            break
          case 'fallback':
            yield emit({ type: 'model-fallback', t: t(), turn, from: event.from, to: event.to, reason: event.reason })
            break
          default:
            assertNever(event)
        }
      }
      if (turnText) text = turnText
      const aborted = controller.signal.aborted
      if (aborted) finish = 'aborted'
      else if (failure !== undefined) finish = 'error'
      yield emit({ type: 'model-end', t: t(), turn, finish, ...(turnUsage ? { usage: turnUsage } : {}) })

      if (aborted || failure !== undefined) {
        if (turnText) conversation.push({ role: 'assistant', content: [{ type: 'text', text: turnText }] })
        yield emit({ type: 'turn-end', t: t(), turn })
        if (aborted) stopReason = 'aborted'
        else { stopReason = 'error'; error = describeError(failure) }
        break
      }

      const assistant: ContentPart[] = turnText ? [{ type: 'text', text: turnText }] : []
      for (const call of calls) assistant.push({ type: 'tool-call', id: call.id, name: call.name, args: call.args })
      if (assistant.length) conversation.push({ role: 'assistant', content: assistant })

      if (calls.length === 0) {
        yield emit({ type: 'turn-end', t: t(), turn })
        stopReason = 'done'
        break
      }
      if (config.routingOnly) {
        const chosen = calls[0]!
        lastTool = { name: chosen.name, args: chosen.args }
        const at = t()
        for (const call of calls) toolCalls.push({ id: call.id, name: call.name, args: call.args, status: 'routed', startT: at, endT: at })
        yield emit({ type: 'turn-end', t: t(), turn })
        stopReason = 'routed'
        break
      }

      const phase = runToolPhase({
        turn, runId, calls, tools: config.tools, toolNames, limit,
        toolTimeoutMs: config.toolTimeoutMs, maxToolOutputChars: config.maxToolOutputChars,
        runSignal: controller.signal, t,
        onQueue: (phaseQueue) => { wake = () => phaseQueue.push({ kind: 'abort' }) },
      })
      let step = await phase.next()
      while (!step.done) {
        yield emit(step.value)
        step = await phase.next()
      }
      const { results, records } = step.value
      for (const record of records) toolCalls.push(record)
      const last = calls[calls.length - 1]!
      lastTool = { name: last.name, args: last.args }
      conversation.push({ role: 'tool', content: results })
      yield emit({ type: 'turn-end', t: t(), turn })
    }
  } catch (thrown) {
    stopReason = controller.signal.aborted ? 'aborted' : 'error'
    if (stopReason === 'error') error = describeError(thrown)
  } finally {
    signal?.removeEventListener('abort', onAbort)
    // Stop a model stream or tool that is still going when the consumer leaves early.
    if (!controller.signal.aborted) controller.abort(new AbortedError('The run ended.'))
  }

  const result: RunResult = {
    text, turns, durationMs: t(), stopReason, toolCalls, usage,
    ...(error ? { error } : {}),
    ...(lastTool ? { lastTool } : {}),
  }
  yield emit({ type: 'run-end', t: result.durationMs, result })
  return result
}

/** Read a model stream into the queue, so the loop can stop waiting the moment it is aborted. */
async function pump(model: Model, request: Parameters<Model['stream']>[0], signal: AbortSignal, queue: AsyncQueue<ModelSignal>): Promise<void> {
  try {
    for await (const event of model.stream(request, { signal })) {
      if (signal.aborted) return
      queue.push({ kind: 'model-event', event })
    }
    queue.push({ kind: 'model-done' })
  } catch (error) {
    queue.push({ kind: 'model-error', error })
  }
}

/** Call ids must be unique within a run: the timeline and the Gantt key on them. */
function uniqueId(id: string, seen: Set<string>, turn: number, index: number): string {
  let candidate = id || `call_${turn}_${index}`
  for (let n = 2; seen.has(candidate); n++) candidate = `${id || `call_${turn}_${index}`}#${n}`
  seen.add(candidate)
  return candidate
}

/** Adapters pass unparsed argument strings through; parse them once here when they are JSON. */
function parseArgs(args: unknown): unknown {
  if (typeof args !== 'string') return args
  if (args.trim() === '') return {}
  try {
    return JSON.parse(args) as unknown
  } catch {
    return args // left as text: the tool phase reports the parse error to the model
  }
}

function assertNever(value: never): never {
  throw new TypeError(`Unhandled model event: ${JSON.stringify(value)}`)
}
