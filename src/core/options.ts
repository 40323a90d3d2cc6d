import { LanesError } from './errors.ts'
import type { Tool } from './tool.ts'
import type { ExecutorSpec, Model } from './types.ts'

/** What the Agent constructor checks, so a bad option fails there with a clear message, not in a run. */
export interface CheckedOptions {
  model: Model
  tools?: readonly Tool[] | undefined
  executor?: ExecutorSpec | undefined
  maxTurns?: number | undefined
  toolTimeoutMs?: number | undefined
  maxToolOutputChars?: number | undefined
}

/** Throw a LanesError naming the first bad option and what it should be. */
export function checkAgentOptions(options: CheckedOptions): void {
  const model = options.model as Partial<Model> | undefined
  if (!model || typeof model.stream !== 'function' || typeof model.id !== 'string') {
    throw new LanesError('Agent needs a model: an object with an `id` string and a `stream(request, { signal })` method.')
  }
  checkExecutor(options.executor)
  checkWhole('maxTurns', options.maxTurns, 1)
  checkWhole('maxToolOutputChars', options.maxToolOutputChars, 0)
  const timeout = options.toolTimeoutMs
  if (timeout !== undefined && (typeof timeout !== 'number' || Number.isNaN(timeout) || timeout <= 0)) {
    throw new LanesError(`toolTimeoutMs must be a number of milliseconds > 0 (or left out for no limit), got ${String(timeout)}.`)
  }
  const names = new Set<string>()
  for (const tool of options.tools ?? []) {
    if (!tool || typeof tool.name !== 'string' || typeof tool.run !== 'function') {
      throw new LanesError('Every tool must come from defineTool(): an object with a name and a run function.')
    }
    if (names.has(tool.name)) throw new LanesError(`Two tools are named "${tool.name}"; tool names must be unique.`)
    names.add(tool.name)
  }
}

function checkExecutor(executor: unknown): void {
  if (executor === undefined || executor === 'concurrent' || executor === 'sequential') return
  const concurrency = typeof executor === 'object' && executor !== null ? (executor as { concurrency?: unknown }).concurrency : undefined
  if (typeof concurrency === 'number' && Number.isInteger(concurrency) && concurrency >= 1) return
  const shown = typeof executor === 'object' ? JSON.stringify(executor) : String(executor)
  throw new LanesError(`executor must be 'concurrent', 'sequential' or { concurrency: N } with N a whole number ≥ 1, got ${shown}.`)
}

function checkWhole(name: string, value: number | undefined, min: number): void {
  if (value === undefined) return
  if (!Number.isInteger(value) || value < min) throw new LanesError(`${name} must be a whole number ≥ ${min}, got ${String(value)}.`)
}
