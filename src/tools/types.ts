import type { ExecutorSpec, Tool } from '../core/index.ts'
import type { CustomToolDefinition } from './custom/definition.ts'

/**
 * Waits `ms` milliseconds; rejects with the signal's reason as soon as it aborts, so Stop is
 * instant. Injectable so tests control time.
 */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>

/** How the demo tools are built: `speed` multiplies every delay (1 = the seeds' timing). */
export interface ToolPackOptions {
  speed?: number
  sleep?: Sleep
  /** Clock in ms for the elapsed times tools report; default performance.now. */
  now?: () => number
}

/** The resolved environment every tool factory receives. */
export interface ToolEnv {
  /** Wait the given seed delay in ms, scaled by the speed factor. */
  wait: (seedMs: number, signal: AbortSignal) => Promise<void>
  /** Block the thread in a synchronous loop for the given seed delay, scaled (the frozen tool). */
  block: (seedMs: number) => void
  now: () => number
}

/** A named set of demo tools, as the tool picker shows it. */
export interface ToolPack {
  id: ToolPackId
  label: string
  description: string
  tools: Tool[]
}

export type ToolPackId =
  | 'streaming' | 'city' | 'workflow' | 'fetch' | 'routing' | 'pipeline' | 'selectools' | 'exercises' | 'faults' | 'none' | 'all'

/** One entry of the scenario gallery: a seed prompt with the setup it needs. */
export interface Scenario {
  id: string
  title: string
  prompt: string
  toolPack: ToolPackId
  executor: ExecutorSpec
  system?: string
  routingOnly?: boolean
  maxTurns?: number
  /** Sample attachments the scenario expects, as paths under public/ (e.g. 'samples/receipt.png'). */
  attachments?: string[]
  /** What to watch for when it runs. */
  note: string
  /** Tools made in the page that the scenario adds (mocks), beside the pack's. */
  customTools?: CustomToolDefinition[]
}
