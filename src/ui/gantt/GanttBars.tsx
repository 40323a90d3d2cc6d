// The bars layer. Each bar is memoised on its span, its lane and the zoom (pixels per ms);
// panning only moves the enclosing group, so a pan re-renders no bar at all.
import { memo } from 'react'
import { barStatus, CRITICAL_COLOR, RETRY_COLOR, STATUS_COLORS, THINKING_COLOR } from './colors.ts'
import { GEOMETRY, type LaidBar } from './layout.ts'

/** Narrowest bar drawn, in px, so instant calls stay visible and hoverable. */
const MIN_BAR_PX = 3
/** Progress ticks closer than this (px) to the previous one are skipped: they'd be one smear. */
const MIN_TICK_GAP_PX = 2

interface BarProps {
  bar: LaidBar
  pxPerMs: number
  tabbable: boolean
  stripesId: string
}

/** One model or tool call: the bar, its TTFT mark or progress ticks, critical outline. */
const Bar = memo(function Bar({ bar, pxPerMs, tabbable, stripesId }: BarProps) {
  const { span, y, projected } = bar
  const color = STATUS_COLORS[barStatus(span)]
  const x = span.startMs * pxPerMs
  const width = Math.max(MIN_BAR_PX, (span.endMs - span.startMs) * pxPerMs)
  const top = y + (GEOMETRY.laneHeight - GEOMETRY.barHeight) / 2
  const bottom = top + GEOMETRY.barHeight
  // A model call that thought: its thinking part (start to last thought) in a lighter shade, the
  // writing part after it in the model colour.
  const thinking = span.kind === 'model' && span.thinkingEndMs !== undefined && span.thinkingEndMs > span.startMs
    ? Math.min(width, (Math.min(span.thinkingEndMs, span.endMs) - span.startMs) * pxPerMs) : 0
  // All progress ticks as one path: one element per bar, however many events a tool sent.
  let ticks = ''
  let lastTick = -Infinity
  for (const t of span.ticks ?? []) {
    const tx = t * pxPerMs
    if (tx - lastTick >= MIN_TICK_GAP_PX) {
      ticks += `M${tx.toFixed(1)} ${top + 1}V${bottom - 1}`
      lastTick = tx
    }
  }
  return (
    <g
      data-run={span.run}
      data-kind={span.kind}
      data-name={span.name}
      data-start-ms={span.startMs}
      data-end-ms={span.endMs}
      data-status={span.running ? 'running' : (span.status ?? 'ok')}
      data-thinking-end-ms={span.thinkingEndMs}
      data-first-thought-ms={span.firstThoughtMs}
      data-ttft-ms={span.ttftMs}
      data-critical={span.critical ? 'true' : 'false'}
      data-index={bar.index}
      tabIndex={tabbable ? 0 : -1}
      className="cursor-pointer outline-none"
    >
      <rect
        x={x}
        y={top}
        width={width}
        height={GEOMETRY.barHeight}
        rx={2}
        fill={color}
        fillOpacity={projected ? 0.35 : 1}
        stroke={span.critical ? CRITICAL_COLOR : projected ? color : 'none'}
        strokeWidth={span.critical ? 2 : 1}
        strokeDasharray={projected ? '4 2' : undefined}
        vectorEffect="non-scaling-stroke"
      />
      {thinking ? <rect x={x} y={top} width={thinking} height={GEOMETRY.barHeight} rx={2} fill={THINKING_COLOR} data-part="thinking" /> : null}
      {span.retries?.map((retry, i) => (
        // Each failed attempt's backoff wait, so the time a dead primary cost is visible on the bar.
        <rect key={i} x={retry.startMs * pxPerMs} y={top} width={Math.max(1, (retry.endMs - retry.startMs) * pxPerMs)} height={GEOMETRY.barHeight} fill={RETRY_COLOR} data-part="retry" data-model={retry.model}>
          <title>{`Retry ${retry.attempt} of ${retry.model}: waited ${Math.round(retry.endMs - retry.startMs)} ms (${retry.reason})`}</title>
        </rect>
      ))}
      {span.running ? <rect x={x} y={top} width={width} height={GEOMETRY.barHeight} rx={2} fill={`url(#${stripesId})`} /> : null}
      {span.kind === 'model' && span.ttftMs !== undefined ? (
        <line x1={span.ttftMs * pxPerMs} x2={span.ttftMs * pxPerMs} y1={top - 2} y2={bottom + 2} stroke="#1e1b4b" strokeWidth={2} vectorEffect="non-scaling-stroke" />
      ) : null}
      {ticks ? <path d={ticks} stroke="#ffffff" strokeOpacity={0.85} strokeWidth={1} vectorEffect="non-scaling-stroke" /> : null}
    </g>
  )
})

/** Props of the bars layer. */
export interface BarsLayerProps {
  bars: readonly LaidBar[]
  pxPerMs: number
  /** The bar in the tab order (roving tabindex: one tab stop for the whole chart). */
  tabbableIndex: number
  stripesId: string
}

/**
 * Every visible bar, at `pxPerMs` (the zoom rounded down to a power of two: the parent scales
 * the rest and translates for pan, so most zoom steps and every pan re-render no bar).
 */
export const BarsLayer = memo(function BarsLayer({ bars, pxPerMs, tabbableIndex, stripesId }: BarsLayerProps) {
  return (
    <>
      {bars.map((bar) => (
        <Bar key={bar.span.key} bar={bar} pxPerMs={pxPerMs} tabbable={bar.index === tabbableIndex} stripesId={stripesId} />
      ))}
    </>
  )
})
