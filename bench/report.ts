// Turns the three JSON outputs (core, peers, page) into bench/RESULTS.md: one table of
// figure | target | Lanes | strands | ai | openai-agents | Lanes/best-peer, plus the machine.
import { cpus, loadavg } from 'node:os'
import type { PageFigure } from './page.bench.ts'
import type { Cell, PeerResults, PeerRow } from './peers.bench.ts'
import { fmt, type Figure } from './stats.ts'

const PEERS = ['strands', 'ai', 'openai-agents'] as const

interface Row {
  figure: string
  target: string
  lanes: string
  peers: [string, string, string]
  ratio: string
}

/** The numeric figure of a peer cell: overhead in ms, deltas/s for streaming. */
function value(row: PeerRow, cell: Cell | undefined): number | undefined {
  if (!cell || cell.status !== 'ok' || cell.ms === undefined) return undefined
  return row.workload.kind === 'stream' ? (row.workload.count / cell.ms) * 1000 : cell.ms - row.ideal
}

function text(row: PeerRow, cell: Cell | undefined, unit: string): string {
  if (!cell) return '—'
  if (cell.status === 'n/a') return 'n/a'
  if (cell.status === 'timeout') return `timeout >60 s${cell.inferred ? '*' : ''}`
  if (cell.status === 'error') return `error: ${cell.error ?? ''}`.slice(0, 60)
  const few = cell.runs < 5 ? ` (${cell.runs} run${cell.runs === 1 ? '' : 's'})` : ''
  return `${fmt(value(row, cell) ?? Number.NaN, unit)}${few}`
}

/** Lanes ÷ the best peer; for rates the best is the highest, for costs the lowest. */
function ratio(lanes: number | undefined, peers: (number | undefined)[], higherIsBetter: boolean): string {
  const known = peers.filter((v): v is number => v !== undefined && Number.isFinite(v))
  if (lanes === undefined || known.length === 0) return '—'
  const best = higherIsBetter ? Math.max(...known) : Math.min(...known)
  if (Math.abs(best) < 0.05) return '—'
  return `${(lanes / best).toFixed(2)}×`
}

function gatedCore(core: Figure[], key: string): string {
  const figure = core.find((f) => f.key === key)
  if (!figure || figure.pass === undefined) return ''
  return ` · core: ${fmt(figure.value, figure.unit)} **${figure.pass ? 'PASS' : 'FAIL'}**`
}

function peerRows(peers: PeerResults, core: Figure[]): Row[] {
  const rows: Row[] = []
  const coreKey = (row: PeerRow): string => (row.workload.kind === 'stream' ? 'deltas-per-s' : `overhead-${row.key}`)
  for (const row of peers.rows) {
    const stream = row.workload.kind === 'stream'
    const unit = stream ? '/s' : 'ms'
    const target = core.find((f) => f.key === coreKey(row))?.target ?? ''
    const peerValues = PEERS.map((p) => value(row, row.cells[p]))
    rows.push({
      figure: stream ? `text deltas/s, ${row.label}` : `overhead, ${row.label}`,
      target,
      lanes: text(row, row.cells.lanes, unit) + gatedCore(core, coreKey(row)),
      peers: [text(row, row.cells.strands, unit), text(row, row.cells.ai, unit), text(row, row.cells['openai-agents'], unit)],
      ratio: ratio(value(row, row.cells.lanes), peerValues, stream),
    })
  }
  for (const n of [1000, 2000]) {
    const row = peers.rows.find((r) => r.key === `concurrent-${n}`)
    if (!row) continue
    const heap = (cell: Cell | undefined): number | undefined => (cell?.status === 'ok' && cell.peakBytes !== undefined ? cell.peakBytes / 2 ** 20 : undefined)
    const show = (cell: Cell | undefined): string => (heap(cell) === undefined ? text(row, cell, '') : fmt(heap(cell)!, 'MB'))
    rows.push({
      figure: `peak heap growth, ${n} tools`, target: '', lanes: show(row.cells.lanes),
      peers: [show(row.cells.strands), show(row.cells.ai), show(row.cells['openai-agents'])],
      ratio: ratio(heap(row.cells.lanes), PEERS.map((p) => heap(row.cells[p])), false),
    })
  }
  const r1 = peers.rows.find((r) => r.key === 'concurrent-1000')
  const r2 = peers.rows.find((r) => r.key === 'concurrent-2000')
  if (r1 && r2) {
    const growth = (name: 'lanes' | (typeof PEERS)[number]): number | undefined => {
      const a = value(r1, r1.cells[name])
      const b = value(r2, r2.cells[name])
      return a !== undefined && b !== undefined && a > 0 ? b / a : undefined
    }
    const show = (v: number | undefined): string => (v === undefined ? 'n/a' : v.toFixed(2))
    rows.push({
      figure: 'overhead growth 2000/1000 (linear ≈ 2, quadratic ≈ 4)',
      target: core.find((f) => f.key === 'growth-2000-1000')?.target ?? '',
      lanes: show(growth('lanes')) + gatedCore(core, 'growth-2000-1000'),
      peers: [show(growth('strands')), show(growth('ai')), show(growth('openai-agents'))],
      // A linearity check, not a speed: a framework with a large fixed cost grows "less".
      ratio: 'n/a (shape, not speed)',
    })
  }
  return rows
}

function coreOnlyRows(core: Figure[], shown: Set<string>): Row[] {
  return core
    .filter((f) => !shown.has(f.key))
    .map((f) => ({
      figure: `core: ${f.label.trim()}`, target: f.target,
      lanes: `${fmt(f.value, f.unit)}${f.pass === undefined ? '' : ` **${f.pass ? 'PASS' : 'FAIL'}**`}`,
      peers: ['—', '—', '—'], ratio: '—',
    }))
}

/** The issues' targets for page figures: a limit, or (stream total) a ratio to another figure. */
const PAGE_TARGETS: Record<string, { text: string; pass: (value: number, all: readonly PageFigure[]) => boolean }> = {
  'initial-js': { text: '≤ 150 KB', pass: (v) => v <= 150 },
  'stream-ratio': { text: '≤ 1.5 ×', pass: (v) => v <= 1.5 },
  'stream-longest-task': { text: '≤ 50 ms', pass: (v) => v <= 50 },
  'stream-longest-task-max': { text: '≤ 50 ms', pass: (v) => v <= 50 },
  'gantt-render': { text: '≤ 100 ms', pass: (v) => v <= 100 },
  'pdf-ingest': { text: '≤ 2,000 ms', pass: (v) => v <= 2000 },
  'permalink-city': { text: '≤ 2,000 chars', pass: (v) => v <= 2000 },
  'permalink-30-tools': { text: '≤ 8,000 chars', pass: (v) => v <= 8000 },
}

function pageRows(page: PageFigure[] | undefined): Row[] {
  if (!page) return [{ figure: 'page figures', target: '', lanes: 'not measured (page bench failed)', peers: ['—', '—', '—'], ratio: '—' }]
  return page.map((f) => {
    const target = PAGE_TARGETS[f.key]
    const verdict = target && f.value !== null ? ` **${target.pass(f.value, page) ? 'PASS' : 'FAIL'}**` : ''
    return {
      figure: `page: ${f.label.trim()}`, target: target?.text ?? '',
      lanes: f.value === null ? (f.note ?? 'n/a') : `${fmt(f.value, f.unit)}${f.note ? ` (${f.note})` : ''}${verdict}`,
      peers: ['—', '—', '—'], ratio: '—',
    }
  })
}

/** The whole RESULTS.md. */
export function renderResults(core: Figure[] | undefined, peers: PeerResults | undefined, page: PageFigure[] | undefined, load: number[]): string {
  const shown = new Set(['deltas-per-s', 'growth-2000-1000', ...(peers?.rows.map((r) => `overhead-${r.key}`) ?? [])])
  const rows = [
    ...(peers ? peerRows(peers, core ?? []) : []),
    ...(core ? coreOnlyRows(core, peers ? shown : new Set()) : []),
    ...pageRows(page),
  ]
  const cpu = cpus()
  const lines = [
    '# Benchmark results',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString()}. Node ${process.version}, ${cpu.length} CPU(s) (${cpu[0]?.model.trim() ?? 'unknown'}),`,
    `load average at start ${load.map((l) => l.toFixed(2)).join(' / ')}, at end ${loadavg().map((l) => l.toFixed(2)).join(' / ')}.`,
    '',
    'Overhead = makespan − ideal (ideal: 100 ms concurrent, N × 100 ms sequential, 10 ms for the 1000/2000 rows), with tools that',
    'sleep on the real timer and a zero-delay mock model written against each framework\'s own model interface. Peer columns',
    'come from one interleaved run (round-robin trials, median of 5 after a warm-up, one framework per worker process);',
    '"core:" is the in-process `npm run bench:core` figure that the target is judged on. Lanes/best-peer: below 1 is better',
    'for ms and MB rows, above 1 is better for deltas/s. A peer trial whose overhead passes 8 s runs once; one over 60 s is killed.',
    '',
    '| figure | target | Lanes | strands | ai | openai-agents | Lanes/best-peer |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${[r.figure, r.target, r.lanes, ...r.peers, r.ratio].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    ...(peers ? ['Executors:', '', ...peers.notes.map((n) => `- ${n}`), ''] : []),
  ]
  return lines.join('\n')
}
