// An MCP tool result, split in two: text for the model, and everything else kept for the tool
// card. Images, audio and binary resources would cost the model thousands of tokens of base64,
// and text-only providers would reject them, so the model gets a note saying they exist and the
// user sees them: they travel as the `data` of one last progress tick (an `McpContentData`),
// which lands in the run's event log like every other tick, so history and links keep them.

/** One content block of a CallToolResult (MCP 2025-06-18), as far as Lanes reads it. */
export type McpContentBlock =
  | { type: 'text'; text: string }
  | { type: 'image'; data: string; mimeType: string }
  | { type: 'audio'; data: string; mimeType: string }
  | { type: 'resource_link'; uri: string; name: string; mimeType?: string; description?: string }
  | { type: 'resource'; resource: { uri: string; mimeType?: string; text?: string; blob?: string } }

/** The `data` of the progress tick that carries a result's non-text content. */
export interface McpContentData {
  kind: 'mcp-content'
  /** Every block that is not plain text, in the server's order. */
  content: McpContentBlock[]
  structuredContent?: unknown
}

export interface SplitResult {
  /** What the model reads. */
  text: string
  /** For the tool card; undefined when the result was text only. */
  display?: McpContentData
}

/** Whether a progress tick's `data` is non-text MCP content (for the tool card). */
export function isMcpContentData(data: unknown): data is McpContentData {
  return typeof data === 'object' && data !== null && (data as { kind?: unknown }).kind === 'mcp-content' && Array.isArray((data as { content?: unknown }).content)
}

/** Split a tool result's content into the model's text and the content kept for display. */
export function splitResult(content: readonly unknown[], structuredContent?: unknown): SplitResult {
  const texts: string[] = []
  const kept: McpContentBlock[] = []
  for (const raw of content) {
    const block = raw as McpContentBlock
    switch (block.type) {
      case 'text':
        texts.push(block.text)
        break
      case 'image':
      case 'audio':
        kept.push(block)
        texts.push(`[${block.type} ${block.mimeType}, ${approxSize(block.data)}: shown to the user, not sent to you]`)
        break
      case 'resource_link':
        kept.push(block)
        texts.push(`[resource link: ${block.name} ${block.uri}]`)
        break
      case 'resource':
        kept.push(block)
        texts.push(block.resource.text !== undefined
          ? `[resource ${block.resource.uri}]\n${block.resource.text}`
          : `[resource ${block.resource.uri}${block.resource.mimeType ? ` (${block.resource.mimeType})` : ''}: shown to the user, not sent to you]`)
        break
      default:
        // A block type newer than this client: keep it whole for the card, tell the model.
        kept.push(block)
        texts.push(`[${String((raw as { type?: unknown }).type)} content: shown to the user]`)
    }
  }
  const hasStructured = structuredContent !== undefined
  // Text is the model's channel; with no text at all, the structured result is the answer.
  if (texts.length === 0 && hasStructured) texts.push(JSON.stringify(structuredContent))
  const text = texts.join('\n')
  if (kept.length === 0 && !hasStructured) return { text }
  return { text, display: { kind: 'mcp-content', content: kept, ...(hasStructured ? { structuredContent } : {}) } }
}

/** "1.2 KB" for a base64 payload. */
function approxSize(base64: string): string {
  const bytes = Math.floor((base64.length * 3) / 4)
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`
}
