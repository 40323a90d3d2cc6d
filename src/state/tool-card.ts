// What a tool card needs beyond its run's view: an open approval prompt for the call, non-text
// MCP content to show, and the tool's own name when the model saw it renamed. Small on purpose:
// the card is in the page's first script.
import type { LiveRun } from './runs.ts'

export { answerApproval, approvalFor, approvalsStore, type PendingApproval } from './approvals.ts'
export { isMcpContentData, type McpContentBlock, type McpContentData } from '../tools/mcp/content.ts'

/** The name its author gave a tool the model saw as `name`, from the records on screen. */
export function originalToolName(runs: readonly LiveRun[], name: string): string | undefined {
  for (const run of runs) {
    const original = run.record.config.toolNames?.[name]
    if (original !== undefined) return original
  }
  return undefined
}
