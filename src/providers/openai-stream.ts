// For models that call tools as text (native tools off): the filter that keeps call syntax out of
// the transcript. Chunk accumulation lives in chat-chunks.ts.
import { parseTextToolCalls, type ModelEvent } from '../core/index.ts'

let textCallCounter = 0

/**
 * For models that call tools as text: streams ordinary lines at once, but holds back everything
 * from the first TOOL_CALL line or code fence on, so call syntax never flashes in the transcript.
 */
export class TextToolFilter {
  private pending = ''
  private atLineStart = true
  private holding = false

  constructor(private readonly toolNames: readonly string[]) {}

  push(text: string): string {
    this.pending += text
    if (this.holding) return ''
    let out = ''
    while (this.pending) {
      if (!this.atLineStart) {
        const newline = this.pending.indexOf('\n')
        if (newline < 0) { out += this.pending; this.pending = ''; break }
        out += this.pending.slice(0, newline + 1)
        this.pending = this.pending.slice(newline + 1)
        this.atLineStart = true
        continue
      }
      const head = this.pending.replace(/^[ \t]+/, '')
      if (/^(TOOL_CALL|```)/.test(head)) { this.holding = true; break }
      // Too short to tell whether this line starts a call: wait for more text.
      if (head === '' || 'TOOL_CALL'.startsWith(head) || '```'.startsWith(head)) break
      this.atLineStart = false
    }
    return out
  }

  /** The text left to show and the calls found in the held part. */
  finish(): { text: string; calls: ModelEvent[] } {
    const rest = this.pending
    const parsed = parseTextToolCalls(rest, this.toolNames)
    const calls: ModelEvent[] = parsed.calls.map((call) => ({ type: 'tool-call', id: `text_call_${++textCallCounter}`, name: call.name, args: call.args }))
    return { text: calls.length ? parsed.text : rest, calls }
  }
}
