// Chat Completions ends a stream with `data: [DONE]`, but the OpenAI SDK swallows that line, so a
// stream cut before it looks the same as a finished one. This fetch watches the bytes go by (in
// any chunking, down to one byte) and remembers whether the terminator arrived.

/** A fetch that passes everything through and records whether a `data: [DONE]` line went by. */
export interface DoneTap {
  fetch: typeof fetch
  /** True once the response body carried a `data: [DONE]` line. */
  readonly done: boolean
}

/** The terminator line, whole: a cut inside it leaves the stream incomplete. */
const DONE_LINE = /(?:^|[\r\n])data: ?\[DONE\][\r\n]/
/** Enough of the previous text to match a terminator split across chunks. */
const TAIL = 16

/** Wrap `base` (default: the global fetch) so that event-stream bodies are watched for `[DONE]`. */
export function tapDone(base?: typeof fetch): DoneTap {
  let done = false
  const call: typeof fetch = base ?? ((input, init) => globalThis.fetch(input, init))
  const tapped: typeof fetch = async (input, init) => {
    const response = await call(input, init)
    const type = response.headers.get('content-type') ?? ''
    if (!response.body || !type.includes('text/event-stream')) return response
    const decoder = new TextDecoder()
    // A stream starts at the beginning of a line.
    let tail = '\n'
    const watch = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        if (!done) {
          const text = tail + decoder.decode(chunk, { stream: true })
          if (DONE_LINE.test(text)) done = true
          tail = text.slice(-TAIL)
        }
        controller.enqueue(chunk)
      },
    })
    return new Response(response.body.pipeThrough(watch), { status: response.status, statusText: response.statusText, headers: response.headers })
  }
  return {
    fetch: tapped,
    get done() {
      return done
    },
  }
}
