// Lanes beside its peers (strands, ai, openai-agents) on the same workloads. Each framework runs
// in its own worker process (bench/peers/worker.ts); trials are interleaved round-robin, each
// figure is the median of RUNS after a warm-up, and a trial past CAP_MS is killed and recorded as
// a timeout. `--json <file>` writes the results for bench/run.ts.
import { fork, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fmt, median } from './stats.ts'

const RUNS = 5
const CAP_MS = 60_000
/** A framework whose trial overhead (makespan − ideal) exceeds this gets that one trial only (keeps the run near 10 minutes). */
const SLOW_MS = 8_000
const FRAMEWORKS = ['lanes', 'strands', 'ai', 'openai-agents'] as const
type Framework = (typeof FRAMEWORKS)[number]

type Workload = { kind: 'tools'; n: number; delayMs: number; executor: 'concurrent' | 'sequential' } | { kind: 'stream'; count: number }
type Reply = { ok: true; ms: number; peakBytes: number } | { ok: false; error: string }
type Hello = { ready: true; executors: string[]; note: string }

/** One framework's outcome on one workload. */
export interface Cell {
  status: 'ok' | 'n/a' | 'timeout' | 'error'
  ms?: number
  peakBytes?: number
  runs: number
  error?: string
  /** Not run: the same framework already passed the cap on a smaller load of this kind. */
  inferred?: boolean
}

/** One workload's row across the frameworks. */
export interface PeerRow {
  key: string
  label: string
  workload: Workload
  ideal: number
  cells: Record<Framework, Cell>
}

/** What the peer bench writes for bench/run.ts. */
export interface PeerResults {
  frameworks: readonly Framework[]
  notes: string[]
  rows: PeerRow[]
}

const WORKLOADS: { key: string; label: string; workload: Workload; ideal: number }[] = [
  ...(['concurrent', 'sequential'] as const).flatMap((executor) => [3, 10, 100].map((n) => ({
    key: `${executor}-${n}`, label: `${n} tools × 100 ms, ${executor}`,
    workload: { kind: 'tools' as const, n, delayMs: 100, executor }, ideal: executor === 'concurrent' ? 100 : n * 100,
  }))),
  ...[1000, 2000].map((n) => ({
    key: `concurrent-${n}`, label: `${n} tools × 10 ms, concurrent`,
    workload: { kind: 'tools' as const, n, delayMs: 10, executor: 'concurrent' as const }, ideal: 10,
  })),
  { key: 'stream', label: '100,000 text deltas', workload: { kind: 'stream', count: 100_000 }, ideal: 0 },
]

class Worker {
  private child: ChildProcess | undefined
  executors: string[] = []
  note = ''
  constructor(readonly name: Framework) {}

  private spawn(): Promise<void> {
    const file = fileURLToPath(new URL('./peers/worker.ts', import.meta.url))
    const child = fork(file, [this.name], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] })
    this.child = child
    return new Promise((resolve, reject) => {
      child.once('message', (hello: Hello) => {
        this.executors = hello.executors
        this.note = hello.note
        resolve()
      })
      child.once('exit', (code) => reject(new Error(`${this.name} worker exited (${code}) before it was ready`)))
    })
  }

  async ready(): Promise<void> {
    if (!this.child) await this.spawn()
  }

  /** Run one trial; null when it ran past the cap (the worker is then killed and respawned on demand). */
  async run(workload: Workload): Promise<Reply | null> {
    await this.ready()
    const child = this.child!
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.removeAllListeners('message')
        child.kill('SIGKILL')
        this.child = undefined
        resolve(null)
      }, CAP_MS)
      child.once('message', (reply: Reply) => {
        clearTimeout(timer)
        resolve(reply)
      })
      child.send(workload)
    })
  }

  stop(): void {
    this.child?.kill()
    this.child = undefined
  }
}

async function runRow(workers: Worker[], spec: (typeof WORKLOADS)[number], smaller: PeerRow | undefined): Promise<PeerRow> {
  const samples = new Map<Framework, { ms: number[]; peaks: number[] }>()
  const cells = {} as Record<Framework, Cell>
  for (const worker of workers) {
    const executor = spec.workload.kind === 'tools' ? spec.workload.executor : 'concurrent'
    if (!worker.executors.includes(executor)) cells[worker.name] = { status: 'n/a', runs: 0 }
    else if (smaller?.cells[worker.name].status === 'timeout') cells[worker.name] = { status: 'timeout', runs: 0, inferred: true }
    else samples.set(worker.name, { ms: [], peaks: [] })
  }
  for (let trial = 0; trial <= RUNS; trial++) {
    // Rotate the order each trial so no framework always runs first.
    const order = workers.map((_, i) => workers[(i + trial) % workers.length]!)
    for (const worker of order) {
      const bucket = samples.get(worker.name)
      if (!bucket || cells[worker.name]) continue
      const reply = await worker.run(spec.workload)
      if (reply === null) { cells[worker.name] = { status: 'timeout', runs: bucket.ms.length }; continue }
      if (!reply.ok) { cells[worker.name] = { status: 'error', runs: bucket.ms.length, error: reply.error }; continue }
      const slow = reply.ms - spec.ideal >= SLOW_MS
      if (trial > 0 || slow) { bucket.ms.push(reply.ms); bucket.peaks.push(reply.peakBytes) }
      if (slow) cells[worker.name] = { status: 'ok', ms: median(bucket.ms), peakBytes: median(bucket.peaks), runs: bucket.ms.length }
    }
  }
  for (const [name, bucket] of samples) {
    cells[name] ??= { status: 'ok', ms: median(bucket.ms), peakBytes: median(bucket.peaks), runs: bucket.ms.length }
  }
  return { ...spec, cells }
}

/** The figure a row shows for one framework: overhead (ms) for tool workloads, deltas/s for streaming. */
export function cellText(row: PeerRow, cell: Cell): string {
  if (cell.status === 'n/a') return 'n/a'
  if (cell.status === 'timeout') return `timeout >${CAP_MS / 1000} s${cell.inferred ? '*' : ''}`
  if (cell.status === 'error') return 'error'
  const ms = cell.ms ?? Number.NaN
  const few = cell.runs < RUNS ? ` (${cell.runs} run${cell.runs === 1 ? '' : 's'})` : ''
  if (row.workload.kind === 'stream') return `${fmt((row.workload.count / ms) * 1000)}/s${few}`
  return `${fmt(ms - row.ideal)} ms${few}`
}

async function main(): Promise<void> {
  const workers = FRAMEWORKS.map((name) => new Worker(name))
  for (const worker of workers) await worker.ready()
  const rows: PeerRow[] = []
  console.log(`Peers bench — overhead = makespan − ideal; median of ${RUNS} interleaved runs after a warm-up\n`)
  console.log(['workload'.padEnd(34), ...FRAMEWORKS.map((f) => f.padStart(20))].join(''))
  for (const spec of WORKLOADS) {
    const smaller = spec.key === 'concurrent-2000' ? rows.find((r) => r.key === 'concurrent-1000') : undefined
    const row = await runRow(workers, spec, smaller)
    rows.push(row)
    console.log([spec.label.padEnd(34), ...FRAMEWORKS.map((f) => cellText(row, row.cells[f]).padStart(20))].join(''))
  }
  const inferred = rows.some((row) => Object.values(row.cells).some((cell) => cell.inferred))
  const notes = [...workers.map((w) => w.note), ...(inferred ? [`* not run: the same framework already passed the ${CAP_MS / 1000} s cap at 1000 calls.`] : [])]
  for (const worker of workers) worker.stop()
  console.log(`\n${notes.join('\n')}`)
  const jsonAt = process.argv.indexOf('--json')
  const out = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined
  const results: PeerResults = { frameworks: FRAMEWORKS, notes, rows }
  if (out) writeFileSync(out, JSON.stringify(results, null, 2))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
