// Payloads an adapter keeps in a reasoning part's `data` for itself: each starts with its mark,
// so another adapter (a fallback to another provider) can tell them from Anthropic's redacted
// thinking and leave them out.

/** A Responses API reasoning item (id + encrypted content). */
export const RESPONSES_MARK = 'openai-responses:'
/** Chat tool calls' `extra_content` by call id (Gemini's thought signatures). */
export const CHAT_EXTRA_MARK = 'openai-chat-extra:'

/** True when `data` belongs to one of Lanes' own adapters rather than to Anthropic. */
export function isAdapterPayload(data: string | undefined): boolean {
  return data !== undefined && (data.startsWith(RESPONSES_MARK) || data.startsWith(CHAT_EXTRA_MARK))
}

/** Tool calls' `extra_content` as the `data` of a reasoning part. */
export function encodeCallExtras(extras: Readonly<Record<string, unknown>>): string {
  return CHAT_EXTRA_MARK + JSON.stringify(extras)
}

/** The `extra_content` by call id in a part's `data`, when it holds them. */
export function decodeCallExtras(data: string | undefined): Record<string, unknown> | undefined {
  if (!data?.startsWith(CHAT_EXTRA_MARK)) return undefined
  try {
    const value = JSON.parse(data.slice(CHAT_EXTRA_MARK.length)) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
