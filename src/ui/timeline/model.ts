// The per-tool timeline as plain numbers: where each call's bar sits on a shared scale, its
// progress ticks, its latest message and fraction. Pure, so it is tested in Node.

/** One progress event of a tool call, ms since the run started. */
export interface TimelineProgress {
  t: number
  message?: string
  fraction?: number
}

/** One tool call as the timeline shows it. `endMs` is absent while it runs. */
export interface TimelineCall {
  callId: string
  name: string
  startMs: number
  endMs?: number
  /** 'running', a ToolStatus ('ok' | 'error' | 'timeout' | 'aborted') or 'routed'. */
  status: string
  progress: TimelineProgress[]
}

/** A lane ready to draw: positions are percentages of the shared scale. */
export interface TimelineRow {
  callId: string
  name: string
  status: string
  running: boolean
  leftPct: number
  widthPct: number
  ticksPct: number[]
  durationMs: number
  message?: string
  /** 0..1, from the latest progress event that carried one. */
  fraction?: number
}

/** Lanes for `calls` on one scale from 0 to the latest of `nowMs` and every end. */
export function timelineRows(calls: readonly TimelineCall[], nowMs: number): { scaleEndMs: number; rows: TimelineRow[] } {
  let scaleEndMs = Math.max(1, nowMs)
  for (const call of calls) scaleEndMs = Math.max(scaleEndMs, call.endMs ?? call.startMs, call.startMs)
  const pct = (ms: number): number => Math.min(100, Math.max(0, (ms / scaleEndMs) * 100))
  const rows = calls.map((call): TimelineRow => {
    const running = call.endMs === undefined
    const end = Math.max(call.startMs, call.endMs ?? nowMs)
    let message: string | undefined
    let fraction: number | undefined
    for (const p of call.progress) {
      if (p.message !== undefined && p.message !== '') message = p.message
      if (p.fraction !== undefined && Number.isFinite(p.fraction)) fraction = Math.min(1, Math.max(0, p.fraction))
    }
    const row: TimelineRow = {
      callId: call.callId,
      name: call.name,
      status: running ? 'running' : call.status,
      running,
      leftPct: pct(call.startMs),
      widthPct: Math.max(0, pct(end) - pct(call.startMs)),
      ticksPct: call.progress.map((p) => pct(p.t)),
      durationMs: end - call.startMs,
    }
    if (message !== undefined) row.message = message
    if (fraction !== undefined) row.fraction = fraction
    return row
  })
  return { scaleEndMs, rows }
}
