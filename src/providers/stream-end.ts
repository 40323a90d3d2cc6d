// The one error for a stream that stopped before the provider said the answer was complete.
import { ProviderError } from './errors.ts'

/**
 * A stream cut short: the run ends in this error with its partial text kept. `what` says what
 * was missing ("before message_stop"), so the message tells what happened, not a CORS guess.
 */
export function streamEndedEarly(provider: string, what: string): ProviderError {
  return new ProviderError(
    `The stream ended early: ${provider} closed the connection ${what}. The partial answer is kept and no tool call from it was run; try again to get the rest.`,
    { kind: 'stream-cut', provider },
  )
}
