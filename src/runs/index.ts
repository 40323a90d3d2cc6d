// The public API of runs/: records, projections, comparisons and permalinks. The IndexedDB history
// store is imported from './history-store.ts' directly, so pure consumers never load it.
export * from './types.ts'
export { validateRecord, newRecord, appendEvent, toShareable, redactSecrets, titleFromPrompt, runRecordSchema, agentEventSchema, runConfigSchema, runInputSchema } from './record.ts'
export { createRunView, viewOf, type RunView, type RunViewStatus, type TurnView, type TurnNotice, type ToolCard } from './run-view.ts'
export { metricsOf, unionLength } from './metrics.ts'
export { ganttSpansOf, type GanttOptions, type LabelledRecord } from './gantt.ts'
export { compareRuns, median, type Comparison, type ExecutorGroup, type ExecutorSummary, type SpeedupSummary } from './compare.ts'
export { projectExecutor, type ExecutorLabel } from './project.ts'
export { encodePermalink, encodeConfigLink, decodeFragment, MAX_DECODED_BYTES, PermalinkTooLargeError, type DecodeResult, type DecodeFailure } from './permalink.ts'
export { exportHistory, importHistory, EXPORT_FORMAT, type ImportResult } from './history-io.ts'
export { sampleCityRecord, sampleManyToolsRecord, seededRandom } from './samples.ts'
export { encodeRunSet, comparisonOfRecords, MAX_SET_RECORDS, RunSetTooLargeError, type RunSet, type RunSetComparison, type RunSetMeta } from './run-set.ts'
