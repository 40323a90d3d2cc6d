// Protocol-neutral shapes of what the mock answers. Scenarios build a Plan; the OpenAI and
// Anthropic renderers turn it into each API's exact wire format, so one script serves both.

/** One tool call the mock model makes; `args` are the argument fragments as streamed. */
export interface MockCall {
  id: string
  name: string
  args: string[]
  /** OpenAI tool-call index; defaults to the call's position (Ollama sends 0 for all). */
  index?: number
}

/**
 * How a streamed turn goes wrong after its content, if it does. 'overloaded-start': an overload
 * error right after the stream opened (before any content); 'start-only': the opening event, then
 * the stream ends with no answer and no terminal event.
 */
export type TurnEnd = 'normal' | 'cut' | 'stream-error' | 'malformed' | 'overloaded-start' | 'start-only'

/** One assistant turn. */
export interface MockTurn {
  /** Thinking, streamed before the answer (Chat reasoning_content, Anthropic thinking, Responses summary). */
  reasoning?: string[]
  text: string[]
  calls: MockCall[]
  end: TurnEnd
  /** Send the headers, then nothing for this long (the body follows if the client waits). */
  stallMs?: number
  /** Pause between frames, to make streaming visible in the UI. */
  frameDelayMs?: number
  usage: { input: number; output: number }
}

/** An HTTP error before any body: status, error category and message. */
export interface MockHttpError {
  status: number
  category: ErrorCategory
  message: string
  headers?: Record<string, string>
}

export type ErrorCategory = 'auth' | 'permission' | 'not-found' | 'rate-limit' | 'server' | 'overloaded' | 'bad-request'

export type Plan = { type: 'turn'; turn: MockTurn } | { type: 'error'; error: MockHttpError }

/** What a scenario needs to know about a request, whatever its protocol. */
export interface MockRequestView {
  protocol: 'openai' | 'anthropic' | 'responses'
  model: string
  stream: boolean
  /** Assistant messages so far: the turn number, counted from 0. */
  assistantTurns: number
  /** Outputs of the tool results in the latest message that holds tool results, in order. */
  lastToolResults: string[]
  /** Text of the latest user message (tool results written as text included). */
  lastUserText: string
  toolNames: string[]
  /** Counts of content parts across all user messages, by kind. */
  parts: { text: number; image: number; file: number; document: number }
  /** The API key the request carried (for scenarios that echo it in an error, as real APIs do). */
  apiKey: string
  /**
   * Earlier thinking the request sends back, as each API requires: Anthropic thinking blocks with
   * the mock's signature, Responses reasoning items with the mock's encrypted content, Chat
   * `reasoning_content`.
   */
  echoedReasoning: number
}

/** The signature / encrypted content the mock gives its thinking, to recognise it when it comes back. */
export const MOCK_SIGNATURE = 'mock-signature-EqQBCgIYAhIM'

/** A plain text turn from the given pieces. */
export function textTurn(pieces: string[], extra: Partial<MockTurn> = {}): MockTurn {
  return { text: pieces, calls: [], end: 'normal', usage: { input: 25, output: pieces.length }, ...extra }
}

/** A turn that only calls tools. */
export function callsTurn(calls: MockCall[]): MockTurn {
  return { text: [], calls, end: 'normal', usage: { input: 40, output: 12 * calls.length } }
}

/** Split a string into pieces of about `size` characters (to fragment tool arguments). */
export function fragments(text: string, size: number): string[] {
  const out: string[] = []
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
  return out.length ? out : ['']
}
