// Where a recorded stream may be cut so that it is incomplete: byte offsets of its SSE frames,
// and the frame at which the provider said the answer was complete.
import type { Fixture } from './fixtures.ts'

/** One SSE frame: its bytes [start, end) and its parsed JSON, if any. */
export interface Frame { start: number; end: number; data: string; json?: Record<string, unknown> }

/** The frames of an SSE body, with byte offsets (frames end at a blank line, LF or CRLF). */
export function framesOf(bytes: Uint8Array): Frame[] {
  const frames: Frame[] = []
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    const lf = bytes[i] === 10 && bytes[i + 1] === 10
    const crlf = bytes[i] === 13 && bytes[i + 1] === 10 && bytes[i + 2] === 13 && bytes[i + 3] === 10
    if (!lf && !crlf) continue
    const end = i + (lf ? 2 : 4)
    frames.push(frameAt(bytes, start, end))
    start = end
    i = end - 1
  }
  if (start < bytes.length) frames.push(frameAt(bytes, start, bytes.length))
  return frames
}

function frameAt(bytes: Uint8Array, start: number, end: number): Frame {
  const text = new TextDecoder().decode(bytes.subarray(start, end))
  const data = text.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n')
  try {
    const json = JSON.parse(data) as unknown
    if (typeof json === 'object' && json !== null) return { start, end, data, json: json as Record<string, unknown> }
  } catch {
    // [DONE], comments and keep-alives
  }
  return { start, end, data }
}

/** True when this frame tells the reader the answer is complete (README: "A stream counts as complete"). */
function completes(kind: Fixture['kind'], frame: Frame): boolean {
  if (kind === 'chat') {
    if (frame.data.startsWith('[DONE]')) return true
    const choices = frame.json?.['choices']
    return Array.isArray(choices) && choices.some((c: unknown) => {
      const choice = c as { index?: unknown; finish_reason?: unknown }
      return (choice.index ?? 0) === 0 && typeof choice.finish_reason === 'string' && choice.finish_reason !== ''
    })
  }
  const type = frame.json?.['type']
  if (kind === 'anthropic') return type === 'message_stop'
  return type === 'response.completed' || type === 'response.incomplete' || type === 'response.failed'
}

/**
 * The first completing frame's last line before its line break: until that line is whole the
 * reader cannot know the answer is complete, so any cut up to here leaves the stream incomplete.
 */
export function completionOffset(fixture: Fixture): number {
  const frame = framesOf(fixture.bytes).find((f) => completes(fixture.kind, f))
  if (!frame) throw new Error(`${fixture.id}: no completing frame`)
  const text = fixture.bytes.subarray(frame.start, frame.end)
  const dataAt = new TextDecoder().decode(text).indexOf('data:')
  const lineEnd = text.findIndex((byte, i) => i > dataAt && (byte === 10 || byte === 13))
  return frame.start + (lineEnd < 0 ? text.length : lineEnd)
}

/** Three cuts before completion: a third of the way, two thirds, and just short of the completing line's end. */
export function cutPoints(fixture: Fixture): number[] {
  const end = completionOffset(fixture)
  return [Math.floor(end / 3), Math.floor((2 * end) / 3), end]
}
