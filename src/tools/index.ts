// The demo tool packs and the scenario gallery (design.md "tools/").
export { createToolPacks, findPack } from './packs.ts'
export { SCENARIOS, RECEIPT_ANALYZE_SYSTEM, RECEIPT_EXTRACT_SYSTEM } from './scenarios.ts'
export { abortableSleep } from './sleep.ts'
export { evaluate } from './calculator.ts'
export type { Scenario, Sleep, ToolPack, ToolPackId, ToolPackOptions, ToolEnv } from './types.ts'
// Bring your own tools (issue 17). connectMcpServer loads the MCP SDK on first call.
export {
  connectMcpServer, McpConnectError, McpToolError, CORS_HELP, checkServerUrl, classifyConnectError, isMcpContentData,
  type McpConnectOptions, type McpServerConnection, type McpFailureKind, type McpContentBlock, type McpContentData,
} from './mcp/index.ts'
export { withApproval, ToolDeniedError, type ApprovalPolicy, type ApprovalRequest, type Approve } from './approval.ts'
export { mergeToolSets, originalNameOf, renameTool, uniqueToolNames, validToolName, TOOL_NAME_PATTERN, type RenamedTool } from './names.ts'
