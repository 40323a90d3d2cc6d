// A ReadableStream body played from a list of steps: bytes, pauses, and a deliberate cut. Pauses
// are cancellable, so a client that gives up (an idle watchdog, Stop) frees the server at once.

/** One step of a streamed body. */
export type BodyStep = { kind: 'bytes'; text: string } | { kind: 'wait'; ms: number } | { kind: 'cut' }

/** An SSE frame: optional `event:` line, one `data:` line, blank line. */
export function frame(data: unknown, event?: string): BodyStep {
  const json = typeof data === 'string' ? data : JSON.stringify(data)
  return { kind: 'bytes', text: `${event ? `event: ${event}\n` : ''}data: ${json}\n\n` }
}

/** Why a body errored on purpose, so the HTTP adapter can destroy the socket. */
export class MockCut extends Error {
  override name = 'MockCut'
}

/** Play steps as a byte stream; a `cut` step errors the stream (the connection drops). */
export function playSteps(steps: readonly BodyStep[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let index = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let wake: (() => void) | undefined
  let cancelled = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      // One pull writes the frames up to the next pause, then returns, so back-pressure and cancel work.
      while (index < steps.length && !cancelled) {
        const step = steps[index++]!
        if (step.kind === 'bytes') {
          controller.enqueue(encoder.encode(step.text))
          if (steps[index]?.kind !== 'bytes') return
          continue
        }
        if (step.kind === 'cut') {
          controller.error(new MockCut('The mock server cut the stream on purpose.'))
          return
        }
        await new Promise<void>((resolve) => {
          wake = resolve
          timer = setTimeout(resolve, step.ms)
        })
        // Go on to the next bytes within this pull: a pull that resolves without enqueuing is
        // not called again while the reader waits, and the stream would stall after a pause.
      }
      if (!cancelled) controller.close()
    },
    cancel() {
      cancelled = true
      if (timer) clearTimeout(timer)
      wake?.()
    },
  })
}

/** Interleave a pause between byte steps. */
export function withDelays(steps: BodyStep[], ms: number | undefined): BodyStep[] {
  if (!ms) return steps
  return steps.flatMap((step, i) => (i === 0 ? [step] : [{ kind: 'wait', ms } as const, step]))
}
