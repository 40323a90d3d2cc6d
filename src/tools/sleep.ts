import { sleep } from '../core/index.ts'
import type { Sleep, ToolEnv, ToolPackOptions } from './types.ts'

/** The core's abortable sleep, as the tool packs take it. */
export const abortableSleep: Sleep = sleep

/** Resolve pack options into the environment the tool factories share. */
export function toolEnv(options: ToolPackOptions = {}): ToolEnv {
  const speed = options.speed ?? 1
  if (!Number.isFinite(speed) || speed < 0) throw new RangeError(`Tool speed must be a number ≥ 0, got ${speed}.`)
  const sleep = options.sleep ?? abortableSleep
  return {
    wait: (seedMs, signal) => sleep(seedMs * speed, signal),
    block: (seedMs) => {
      // A synchronous loop on purpose: no await, no signal, nothing else runs on this thread.
      const end = Date.now() + seedMs * speed
      while (Date.now() < end) { /* blocking */ }
    },
    now: options.now ?? (() => performance.now()),
  }
}

/** Seconds since `start` on the env clock, one decimal, as the seeds print them. */
export function elapsedSeconds(env: ToolEnv, start: number): string {
  return ((env.now() - start) / 1000).toFixed(1)
}
