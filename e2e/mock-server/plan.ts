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

/** How a streamed turn goes wrong after its content, if it does. */
export type TurnEnd = 'normal' | 'cut' | 'stream-error' | 'malformed'

/** One assistant turn. */
export interface MockTurn {
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
  protocol: 'openai' | 'anthropic'
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
}

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
