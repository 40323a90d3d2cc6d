// The tool timeline's public surface.
export { ToolTimeline, type ToolTimelineProps } from './ToolTimeline.tsx'
export { timelineRows, type TimelineCall, type TimelineProgress, type TimelineRow } from './model.ts'
