// An approval gate in front of a tool: run it, ask the user each time, or never run it. A denial
// is an ordinary tool error, so the model reads why and the run goes on.
import { LanesError, type Tool, type ToolContext, type ToolProgress } from '../core/index.ts'
import { isAsyncGenerator } from '../core/tool.ts'
import { originalNameOf } from './names.ts'

export type ApprovalPolicy = 'run' | 'ask' | 'never'

/** What the user is asked to approve: the call as the model made it. */
export interface ApprovalRequest {
  callId: string
  runId: string
  /** The name the model used. */
  tool: string
  /** The tool's own name, when it was renamed to fit provider rules. */
  originalName: string
  /** Where the tool comes from (an MCP server's name), for the prompt. */
  source?: string
  args: unknown
}

/** Resolves true to run the call, false to deny it. `signal` aborts when the run stops. */
export type Approve = (request: ApprovalRequest, signal: AbortSignal) => Promise<boolean>

/** A call the user (or the policy) did not allow. */
export class ToolDeniedError extends LanesError {
  override name = 'ToolDeniedError'
  constructor(readonly toolName: string, readonly byPolicy: boolean) {
    super(
      byPolicy
        ? `The user does not allow ${toolName} to run. Do not call it again; answer without it.`
        : `The user denied this call to ${toolName}. Do not repeat it unchanged; ask the user or answer without it.`,
    )
  }
}

export interface ApprovalOptions {
  policy: ApprovalPolicy
  /** Required for 'ask'. */
  approve?: Approve
  source?: string
}

/** The tool behind its approval policy. 'run' returns the tool itself. */
export function withApproval(tool: Tool, options: ApprovalOptions): Tool {
  if (options.policy === 'run') return tool
  const { policy, approve, source } = options
  if (policy === 'ask' && !approve) throw new TypeError(`withApproval: policy "ask" needs an approve function (${tool.name}).`)
  async function* gated(args: unknown, ctx: ToolContext): AsyncGenerator<ToolProgress, unknown, void> {
    if (policy === 'never' || !approve) throw new ToolDeniedError(tool.name, true)
    // Shown on the tool's lane while the prompt is open, so the wait is visible and explained.
    yield { message: 'Waiting for your approval…' }
    const request: ApprovalRequest = {
      callId: ctx.callId, runId: ctx.runId, tool: tool.name, originalName: originalNameOf(tool), args,
      ...(source !== undefined ? { source } : {}),
    }
    const allowed = await approve(request, ctx.signal)
    if (!allowed) throw new ToolDeniedError(tool.name, false)
    const returned = tool.run(args, ctx)
    if (!isAsyncGenerator(returned)) return await returned
    return yield* returned
  }
  return { ...tool, run: gated }
}
