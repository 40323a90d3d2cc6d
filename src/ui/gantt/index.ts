// The Gantt feature's public surface.
export { GanttChart, type GanttChartProps, type GanttExportFormat } from './GanttChart.tsx'
export type { GanttRunSummary } from './layout.ts'
export { ganttToSvgString, toPngBlob, spansToCsv } from './export.ts'
export { downloadBlob } from './download.ts'
export { benchGantt } from './bench.ts'
