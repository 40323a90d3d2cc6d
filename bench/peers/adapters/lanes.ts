// Lanes core, through the same workload code as bench/core.bench.ts.
import { lanesStream, lanesTools } from '../../lanes-workloads.ts'
import type { PeerAdapter } from '../types.ts'

/** Lanes: concurrent, sequential and bounded executors; the scripted model of src/core. */
export const adapter: PeerAdapter = {
  name: 'lanes',
  executors: ['concurrent', 'sequential'],
  note: 'Lanes: concurrent, sequential and { concurrency: n } executors.',
  runTools: (n, delayMs, executor) => lanesTools(n, delayMs, executor),
  streamDeltas: (count) => lanesStream(count),
}
