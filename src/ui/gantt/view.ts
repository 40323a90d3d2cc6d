// The visible time window of the chart and the pure moves on it: zoom around a point, pan,
// clamp. The chart renders only spans that intersect the window, so every interaction is a
// cheap state change rather than a re-layout.

/** A visible time range in ms, start < end. */
export interface ViewWindow {
  start: number
  end: number
}

/** How far one can zoom in: the window never gets narrower than this share of the domain. */
export const MIN_VIEW_FRACTION = 1 / 2000
/** Nor narrower than this, in ms, so short runs can still be zoomed meaningfully. */
export const MIN_VIEW_MS = 0.5

/** The narrowest window allowed over a domain [0, domainEnd]. */
export function minViewWidth(domainEnd: number): number {
  return Math.min(domainEnd, Math.max(MIN_VIEW_MS, domainEnd * MIN_VIEW_FRACTION))
}

/** Keep a window inside [0, domainEnd], at least the minimum width, at most the domain. */
export function clampView(view: ViewWindow, domainEnd: number): ViewWindow {
  const width = Math.min(domainEnd, Math.max(minViewWidth(domainEnd), view.end - view.start))
  const start = Math.min(Math.max(0, view.start), domainEnd - width)
  return { start, end: start + width }
}

/** Zoom by `factor` (> 1 zooms in) keeping the time under `anchorMs` where it is on screen. */
export function zoomView(view: ViewWindow, factor: number, anchorMs: number, domainEnd: number): ViewWindow {
  const width = view.end - view.start
  const anchor = Math.min(view.end, Math.max(view.start, anchorMs))
  const ratio = width > 0 ? (anchor - view.start) / width : 0.5
  const targetWidth = Math.min(domainEnd, Math.max(minViewWidth(domainEnd), width / factor))
  const start = anchor - ratio * targetWidth
  return clampView({ start, end: start + targetWidth }, domainEnd)
}

/** Move the window by `deltaMs` (positive moves later in time). */
export function panView(view: ViewWindow, deltaMs: number, domainEnd: number): ViewWindow {
  return clampView({ start: view.start + deltaMs, end: view.end + deltaMs }, domainEnd)
}

/** Whether a window shows the whole domain (then the chart follows the domain as it grows). */
export function isFullView(view: ViewWindow, domainEnd: number): boolean {
  return view.start <= 0 && view.end >= domainEnd
}

/** The smallest window containing [startMs, endMs] reached by panning only (no zoom change). */
export function revealRange(view: ViewWindow, startMs: number, endMs: number, domainEnd: number): ViewWindow {
  const width = view.end - view.start
  if (startMs >= view.start && endMs <= view.end) return view
  if (endMs - startMs >= width || startMs < view.start) return clampView({ start: startMs - width * 0.05, end: startMs - width * 0.05 + width }, domainEnd)
  return clampView({ start: endMs + width * 0.05 - width, end: endMs + width * 0.05 }, domainEnd)
}
