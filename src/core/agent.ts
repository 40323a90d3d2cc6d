import { defaultClock } from './clock.ts'
import { LanesError } from './errors.ts'
import { checkAgentOptions } from './options.ts'
import { DEFAULT_MAX_TOOL_OUTPUT_CHARS, toMessages, type AgentInput } from './messages.ts'
import { startRun } from './run-loop.ts'
import type { Tool } from './tool.ts'
import type { AgentEvent, AgentHooks, Clock, ExecutorSpec, Message, Model, RunResult } from './types.ts'

export interface AgentOptions {
  model: Model
  tools?: readonly Tool[]
  system?: string
  /** How the tool calls of one model turn run. Default 'concurrent'. */
  executor?: ExecutorSpec
  /** Most model calls in one run. Default 10. */
  maxTurns?: number
  /** One model call; report the chosen tool and its arguments, run nothing. */
  routingOnly?: boolean
  /** Time limit for every tool without its own `timeoutMs`. */
  toolTimeoutMs?: number
  hooks?: AgentHooks
  /** Injectable clock in ms; default performance.now. */
  now?: Clock
  /** Cap on one tool result sent to the model (the event log keeps it whole). Default 100,000. */
  maxToolOutputChars?: number
}

export interface StreamOptions {
  signal?: AbortSignal
}

/** A tool-using agent. It keeps the conversation between calls until `reset()`. */
export class Agent {
  readonly model: Model
  readonly tools: readonly Tool[]
  private readonly options: AgentOptions
  private readonly toolMap: ReadonlyMap<string, Tool>
  private conversation: Message[] = []
  private running = false

  /** Checks every option here, so a bad one fails now with a message that names it. */
  constructor(options: AgentOptions) {
    checkAgentOptions(options)
    this.options = options
    this.model = options.model
    this.tools = options.tools ?? []
    this.toolMap = new Map(this.tools.map((tool) => [tool.name, tool]))
  }

  /** The conversation so far. */
  get messages(): readonly Message[] {
    return this.conversation
  }

  /**
   * Run the agent on new input. The run starts at once; iterate the result for every event as it
   * happens (`run-end` comes last, and the generator returns the RunResult). Leaving the loop
   * early stops the run.
   */
  stream(input: AgentInput, opts: StreamOptions = {}): AsyncGenerator<AgentEvent, RunResult, undefined> {
    if (this.running) throw new LanesError('This agent is already running; wait for run-end or use another Agent.')
    const added = toMessages(input) // throws on bad input, before anything changes
    const o = this.options
    this.running = true
    const before = this.conversation.length
    try {
      for (const message of added) this.conversation.push(message)
      return startRun(
        {
          model: this.model,
          tools: this.toolMap,
          system: o.system,
          executor: o.executor ?? 'concurrent',
          maxTurns: o.maxTurns ?? 10,
          routingOnly: o.routingOnly ?? false,
          toolTimeoutMs: o.toolTimeoutMs,
          maxToolOutputChars: o.maxToolOutputChars ?? DEFAULT_MAX_TOOL_OUTPUT_CHARS,
          hooks: o.hooks,
          now: o.now ?? defaultClock,
        },
        this.conversation,
        opts.signal,
        () => {
          this.running = false
        },
      )
    } catch (error) {
      // A run that could not start leaves the agent as it was: unlocked, conversation unchanged.
      this.conversation.length = before
      this.running = false
      throw error
    }
  }

  /** Run to the end and return the result. */
  async invoke(input: AgentInput, opts: StreamOptions = {}): Promise<RunResult> {
    const run = this.stream(input, opts)
    let step = await run.next()
    while (!step.done) step = await run.next()
    return step.value
  }

  /** Forget the conversation, so the agent can serve a new request. */
  reset(): void {
    this.conversation = []
  }
}
