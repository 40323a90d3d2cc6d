// The compact wire form of a record's event log, for permalinks. Each event becomes an array:
// [type code, time step, ...its fields in a fixed order]. Times are 0.1 ms ticks relative to the
// previous event, which deflate squeezes far better than repeated keys and long decimals. Nothing
// semantic is dropped: expanding gives back every event, with `t` rounded to 0.1 ms.
import type { AgentEvent, RunResult } from '../core/index.ts'

/** Field order of each event type after `type` and `t`; an optional field must come last. */
const FIELDS: Record<AgentEvent['type'], readonly string[]> = {
  'run-start': ['runId', 'model', 'executor'],
  'turn-start': ['turn'],
  'model-start': ['turn'],
  'text-delta': ['turn', 'text'],
  'model-retry': ['turn', 'model', 'attempt', 'delayMs', 'reason'],
  'model-fallback': ['turn', 'from', 'to', 'reason'],
  'model-end': ['turn', 'finish', 'usage'],
  'tool-start': ['turn', 'callId', 'name', 'args'],
  'tool-progress': ['callId', 'progress'],
  'tool-end': ['callId', 'name', 'status', 'output'],
  'turn-end': ['turn'],
  'run-end': ['result'],
  'reasoning-delta': ['turn', 'text'],
}

const CODES: Record<AgentEvent['type'], number> = {
  'run-start': 0, 'turn-start': 1, 'model-start': 2, 'text-delta': 3, 'model-retry': 4, 'model-fallback': 5,
  'model-end': 6, 'tool-start': 7, 'tool-progress': 8, 'tool-end': 9, 'turn-end': 10, 'run-end': 11,
  // Link version 2 adds thinking; codes only ever grow, so every older link reads the same.
  'reasoning-delta': 12,
}
const TYPES: AgentEvent['type'][] = []
for (const [type, code] of Object.entries(CODES) as [AgentEvent['type'], number][]) TYPES[code] = type

/** A time rounded to 0.1 ms, as links keep it. */
export function roundTenth(t: number): number {
  return Math.round(t * 10) / 10
}

function compactResult(result: RunResult): RunResult {
  return {
    ...result,
    durationMs: roundTenth(result.durationMs),
    toolCalls: result.toolCalls.map((call) => ({ ...call, startT: roundTenth(call.startT), endT: roundTenth(call.endT) })),
  }
}

/**
 * Tracks the text of the latest turn that streamed text: the run's answer, which run-end repeats
 * and the compact form therefore leaves out (flag 1 after the result says "rebuild it").
 */
class AnswerText {
  private turn = -1
  private pieces: string[] = []
  add(turn: number, text: string): void {
    if (turn !== this.turn) { this.turn = turn; this.pieces = [] }
    this.pieces.push(text)
  }
  get text(): string {
    return this.pieces.join('')
  }
}

/** The compact form of an event log. */
export function compactEvents(events: readonly AgentEvent[]): unknown[][] {
  let prev = 0
  const answer = new AnswerText()
  return events.map((event) => {
    const tick = Math.round(event.t * 10)
    const row: unknown[] = [CODES[event.type], tick - prev]
    prev = tick
    if (event.type === 'text-delta') answer.add(event.turn, event.text)
    if (event.type === 'run-end') {
      const { text, ...rest } = compactResult(event.result)
      return text === answer.text && text !== '' ? [...row, rest, 1] : [...row, { text, ...rest }]
    }
    const values = event as unknown as Record<string, unknown>
    for (const name of FIELDS[event.type]) row.push(values[name])
    while (row.length > 2 && row[row.length - 1] === undefined) row.pop()
    return row
  })
}

/**
 * Events back from their compact form, as plain objects still to be validated (the input came
 * from a URL). Returns undefined when the shape is not a compact event log at all.
 */
export function expandEvents(rows: unknown): unknown[] | undefined {
  if (!Array.isArray(rows)) return undefined
  const out: unknown[] = []
  let tick = 0
  const answer = new AnswerText()
  for (const row of rows) {
    if (!Array.isArray(row) || typeof row[0] !== 'number' || typeof row[1] !== 'number') return undefined
    const type = TYPES[row[0]]
    if (type === undefined || !Number.isFinite(row[1])) return undefined
    tick += row[1]
    const event: Record<string, unknown> = { type, t: tick / 10 }
    FIELDS[type].forEach((name, i) => {
      const value: unknown = row[i + 2]
      if (value !== undefined) event[name] = value
    })
    if (type === 'text-delta' && typeof event['turn'] === 'number' && typeof event['text'] === 'string') answer.add(event['turn'], event['text'])
    const result: unknown = event['result']
    if (type === 'run-end' && row[3] === 1 && typeof result === 'object' && result !== null) event['result'] = { ...result, text: answer.text }
    out.push(event)
  }
  return out
}
