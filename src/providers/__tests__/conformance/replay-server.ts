// A loopback HTTP server that replays recorded provider streams byte for byte, in a chosen
// chunking, and records every request body. Each request takes the next queued body; when the
// queue is empty it answers with a short final text in the provider's own format.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WireKind } from './fixtures.ts'

/** One queued answer: the bytes to send and how to send them. */
export interface Replay {
  bytes: Uint8Array
  /** Bytes per write. */
  chunk: number
  /** Send only the first `cutAt` bytes, then end the response. */
  cutAt?: number
}

/** A running replay server. */
export interface ReplayServer {
  url: string
  /** Answer the next requests with these, in order. */
  queue(kind: WireKind, ...replays: Replay[]): void
  /** JSON bodies of the requests since the last `queue`. */
  bodies(): unknown[]
  close(): Promise<void>
}

/** Start a server on 127.0.0.1 with a free port. */
export async function startReplayServer(): Promise<ReplayServer> {
  let pending: Replay[] = []
  let kind: WireKind = 'chat'
  let bodies: unknown[] = []
  const server: Server = createServer((req, res) => {
    void handle(req, res)
  })
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const raw: Buffer[] = []
    for await (const piece of req) raw.push(piece as Buffer)
    const text = Buffer.concat(raw).toString('utf8')
    bodies.push(text ? (JSON.parse(text) as unknown) : undefined)
    const replay = pending.shift() ?? { bytes: new TextEncoder().encode(finalText(kind)), chunk: 4096 }
    const end = Math.min(replay.cutAt ?? replay.bytes.length, replay.bytes.length)
    res.socket?.setNoDelay(true)
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'content-length': String(end) })
    for (let at = 0; at < end; at += replay.chunk) {
      const ok = res.write(replay.bytes.subarray(at, Math.min(at + replay.chunk, end)))
      if (!ok) await new Promise<void>((resolve) => res.once('drain', () => resolve()))
    }
    res.end()
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    queue(next, ...replays) {
      kind = next
      pending = replays
      bodies = []
    },
    bodies: () => bodies,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

/** The short final answer ("Done.") in each wire format, for a second request with no recording. */
export function finalText(kind: WireKind): string {
  const sse = (event: string | undefined, data: object): string => `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`
  if (kind === 'chat') {
    return sse(undefined, { id: 'r', object: 'chat.completion.chunk', created: 0, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: 'Done.' }, finish_reason: 'stop' }] }) + 'data: [DONE]\n\n'
  }
  if (kind === 'anthropic') {
    return [
      sse('message_start', { type: 'message_start', message: { id: 'msg_r', type: 'message', role: 'assistant', model: 'm', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } }),
      sse('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }),
      sse('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Done.' } }),
      sse('content_block_stop', { type: 'content_block_stop', index: 0 }),
      sse('message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 2 } }),
      sse('message_stop', { type: 'message_stop' }),
    ].join('')
  }
  const response = { id: 'resp_r', object: 'response', status: 'completed', model: 'm', output: [], usage: { input_tokens: 1, output_tokens: 2, total_tokens: 3 } }
  return [
    sse('response.created', { type: 'response.created', sequence_number: 0, response: { ...response, status: 'in_progress', usage: null } }),
    sse('response.output_text.delta', { type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_r', output_index: 0, content_index: 0, delta: 'Done.' }),
    sse('response.completed', { type: 'response.completed', sequence_number: 2, response }),
  ].join('')
}
