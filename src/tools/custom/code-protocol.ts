// Messages between a code tool and its worker (one worker per call).
import type { ToolProgress } from '../../core/index.ts'

/** Page -> worker: the only message; the worker runs it once. */
export interface CodeRunRequest {
  type: 'run'
  body: string
  args: unknown
}

/** Worker -> page. */
export type CodeWorkerMessage =
  | { type: 'progress'; progress: ToolProgress }
  | { type: 'result'; value: unknown }
  | { type: 'error'; name: string; message: string }

export function isCodeWorkerMessage(value: unknown): value is CodeWorkerMessage {
  if (typeof value !== 'object' || value === null) return false
  const type = (value as { type?: unknown }).type
  return type === 'progress' || type === 'result' || type === 'error'
}
