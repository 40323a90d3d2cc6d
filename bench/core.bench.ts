// `npm run bench:core`: Lanes core in Node with a zero-delay scripted model and tools that sleep on
// the real timer. Each figure is the median of RUNS runs after one warm-up, printed beside its
// target with PASS/FAIL. `--json <file>` also writes the figures for bench/run.ts.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { bareStream, lanesStream, lanesTools, type ExecutorName } from './lanes-workloads.ts'
import { bareTools, figureLine, gcExposed, mb, median, withHeapPeak, type Figure } from './stats.ts'

const RUNS = 5
const DELTAS = 100_000

/** Re-run this file under `node --import tsx --expose-gc` so heap figures are taken after a real collection. */
function ensureGc(): boolean {
  if (gcExposed() || process.env['LANES_BENCH_CHILD'] === '1') return true
  const file = fileURLToPath(import.meta.url)
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', file, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, LANES_BENCH_CHILD: '1' },
  })
  process.exitCode = child.status ?? 1
  return false
}

/** Median of RUNS measurements after `warmups` warm-up runs (the JIT needs a few at large N). */
async function medianOf(measure: () => Promise<number>, warmups = 1): Promise<number> {
  for (let i = 0; i < warmups; i++) await measure()
  const values: number[] = []
  for (let i = 0; i < RUNS; i++) values.push(await measure())
  return median(values)
}

async function overheadFigures(): Promise<Figure[]> {
  const figures: Figure[] = []
  for (const executor of ['concurrent', 'sequential'] satisfies ExecutorName[]) {
    for (const n of [3, 10, 100]) {
      const ideal = executor === 'concurrent' ? 100 : n * 100
      const makespan = await medianOf(() => lanesTools(n, 100, executor))
      // The floor is context, not a target: fewer runs where one run already takes 10 s.
      const floorRuns = executor === 'sequential' && n === 100 ? 1 : 3
      const floors: number[] = []
      for (let i = 0; i < floorRuns; i++) floors.push(await bareTools(n, 100, executor === 'sequential'))
      const floor = median(floors)
      const overhead = makespan - ideal
      const gated = executor === 'concurrent' && n === 100
      figures.push({
        key: `overhead-${executor}-${n}`,
        label: `overhead, ${n} tools × 100 ms, ${executor}`,
        value: overhead,
        unit: 'ms',
        target: gated ? '≤ 3 ms' : '',
        ...(gated ? { pass: overhead <= 3 } : {}),
      }, {
        // Timer lateness alone (no framework): what part of the overhead is Node's, not Lanes'.
        key: `floor-${executor}-${n}`, label: `  bare-timer floor, ${n} × 100 ms ${executor} (no framework)`, value: floor - ideal, unit: 'ms', target: '',
      })
      for (const figure of figures.slice(-2)) console.log(figureLine(figure))
    }
  }
  return figures
}

async function scaleFigures(): Promise<Figure[]> {
  const figures: Figure[] = []
  const makespans = new Map<number, number>()
  for (const n of [1000, 2000]) {
    const makespan = await medianOf(() => lanesTools(n, 10, 'concurrent'), 3)
    // Heap peaks come from separate runs, so sampling does not slow the makespan runs.
    const peaks: number[] = []
    for (let i = 0; i < 3; i++) peaks.push((await withHeapPeak(() => lanesTools(n, 10, 'concurrent'))).peakBytes)
    makespans.set(n, makespan)
    const overhead = makespan - 10
    const gated = n === 1000
    figures.push({
      key: `makespan-${n}`, label: `makespan, ${n} tools × 10 ms, concurrent`, value: makespan, unit: 'ms', target: '',
    }, {
      key: `overhead-concurrent-${n}`, label: `overhead, ${n} tools × 10 ms, concurrent`, value: overhead, unit: 'ms',
      target: gated ? '≤ 40 ms' : '', ...(gated ? { pass: overhead <= 40 } : {}),
    }, {
      key: `heap-${n}`, label: `peak heap growth, ${n} tools`, value: mb(median(peaks)), unit: 'MB', target: '',
    })
    for (const figure of figures.slice(-3)) console.log(figureLine(figure))
  }
  // Linear cost doubles the overhead from 1000 to 2000 calls; a quadratic scan quadruples it. The
  // target is the midpoint, the line that tells the two apart on a noisy machine.
  const ratio = (makespans.get(2000)! - 10) / (makespans.get(1000)! - 10)
  figures.push({ key: 'growth-2000-1000', label: 'overhead growth 2000/1000 (linear ≈ 2, quadratic ≈ 4)', value: ratio, unit: '', target: '< 3', pass: ratio < 3 })
  console.log(figureLine(figures.at(-1)!))
  return figures
}

async function streamFigures(): Promise<Figure[]> {
  const lanesMs = await medianOf(() => lanesStream(DELTAS), 2)
  const bareMs = await medianOf(() => bareStream(DELTAS), 2)
  const lanesRate = (DELTAS / lanesMs) * 1000
  const bareRate = (DELTAS / bareMs) * 1000
  const figures: Figure[] = [
    { key: 'deltas-per-s', label: `text deltas/s through agent.stream() (${DELTAS.toLocaleString('en-US')})`, value: lanesRate, unit: '/s', target: '≥ 1,000,000/s', pass: lanesRate >= 1_000_000 },
    { key: 'bare-deltas-per-s', label: 'text deltas/s, bare async-generator loop', value: bareRate, unit: '/s', target: '' },
    { key: 'stream-vs-bare', label: 'agent.stream() cost / bare loop cost', value: lanesMs / bareMs, unit: '×', target: '' },
  ]
  for (const figure of figures) console.log(figureLine(figure))
  return figures
}

async function main(): Promise<void> {
  if (!ensureGc()) return
  console.log(`Lanes core bench — node ${process.version}, median of ${RUNS} runs after a warm-up\n`)
  const figures = [...(await overheadFigures()), ...(await scaleFigures()), ...(await streamFigures())]
  const gated = figures.filter((f) => f.pass !== undefined)
  const failed = gated.filter((f) => !f.pass)
  console.log(`\n${gated.length - failed.length} of ${gated.length} targets met${failed.length ? `; FAIL: ${failed.map((f) => f.key).join(', ')}` : ''}`)
  const jsonAt = process.argv.indexOf('--json')
  const out = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined
  if (out) writeFileSync(out, JSON.stringify(figures, null, 2))
}

await main()
