// One error base class for the whole app; subclasses set `name` and carry typed fields. Messages
// are written for the person (or model) reading them: what happened, and what to do.

export class LanesError extends Error {
  override name = 'LanesError'
}

/** The run was aborted by its signal (Stop, or a caller's AbortController). */
export class AbortedError extends LanesError {
  override name = 'AbortedError'
  constructor(message = 'The run was stopped.') {
    super(message)
  }
}

/** A tool call named a tool the agent does not have. */
export class UnknownToolError extends LanesError {
  override name = 'UnknownToolError'
  constructor(readonly toolName: string, readonly available: readonly string[]) {
    super(`Unknown tool "${toolName}". Available tools: ${available.length ? available.join(', ') : 'none'}.`)
  }
}

/** A tool call whose arguments are not JSON or do not match the tool's schema. */
export class ToolInputError extends LanesError {
  override name = 'ToolInputError'
  constructor(readonly toolName: string, detail: string) {
    super(`Invalid arguments for ${toolName}: ${detail}`)
  }
}

/** A tool that ran past its time limit. */
export class ToolTimeoutError extends LanesError {
  override name = 'ToolTimeoutError'
  constructor(readonly toolName: string, readonly timeoutMs: number) {
    super(`${toolName} timed out after ${timeoutMs} ms and was cancelled.`)
  }
}

/** A tool result that cannot be turned into text for the model. */
export class ToolOutputError extends LanesError {
  override name = 'ToolOutputError'
  constructor(readonly toolName: string, detail: string) {
    super(`${toolName} returned a value that cannot be sent to the model: ${detail}`)
  }
}

/** Plain `{ name, message }` of any thrown value, for run records (which must survive JSON). */
export function describeError(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message }
  return { name: 'Error', message: typeof error === 'string' ? error : safeString(error) }
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value)
  } catch {
    return String(value)
  }
}
