// Page figures in Chromium against the built site (`vite preview` of dist/). The page exposes
// `window.__lanesBench` when loaded with `?bench=1`; each hook that is missing is reported as
// "not available yet". The initial JS size needs no browser: it is the gzip size of every script
// and modulepreload that dist/index.html loads. `--json <file>` writes the figures for run.ts.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'
import { median, sleep } from './stats.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const CHROMIUM = '/usr/bin/chromium'
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync']

/** A page figure; `value` is null when the page does not offer the hook yet. */
export interface PageFigure {
  key: string
  label: string
  value: number | null
  unit: string
  note?: string
}

/** The JS files index.html loads up front: module scripts and modulepreload links. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>()
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1]
    if (src && /\btype="module"/.test(tag)) found.add(src)
  }
  for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
    const href = /\bhref="([^"]+)"/.exec(tag)?.[1]
    if (href && /\brel="modulepreload"/.test(tag)) found.add(href)
  }
  return [...found].filter((path) => !/^https?:/.test(path))
}

function initialJsFigure(): PageFigure {
  const dist = join(ROOT, 'dist')
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const scripts = initialScripts(html)
  let bytes = 0
  for (const path of scripts) bytes += gzipSync(readFileSync(join(dist, path.replace(/^\.?\//, '')))).length
  return { key: 'initial-js', label: 'initial JS (gzip)', value: bytes / 1024, unit: 'KB', note: `${scripts.length} file(s)` }
}

/** A port nobody is listening on, so a stale server from another run is never measured. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => done(port))
    })
  })
}

async function waitForServer(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error('vite preview exited early')
    try {
      const response = await fetch(url)
      if (response.ok) return
    } catch {
      // not up yet
    }
    await sleep(200)
  }
  throw new Error(`vite preview did not answer at ${url}`)
}

type HookName = 'streamRender' | 'gantt' | 'pdfIngest' | 'ocrSample' | 'permalinkSizes'

/** What each hook is called with and which figures it yields. */
const HOOKS: { hook: HookName; arg?: number; runs?: number; warmup?: boolean; figures: (r: Record<string, number>, runs: Record<string, number>[]) => PageFigure[]; keys: [string, string, string][] }[] = [
  {
    // The noisiest figure (two threads on two cores, and a VM whose speed drifts by 2x within
    // minutes): 21 runs after a warm-up, and ratios taken per run (each run measures its own
    // baselines) before the median, so a slow spell moves both sides of a ratio.
    hook: 'streamRender', arg: 100_000, runs: 21, warmup: true,
    keys: [
      ['stream-total', 'stream render, 100,000 tokens: total', 'ms'],
      ['stream-model', '  the model alone, on the page thread', 'ms'],
      ['stream-model-worker', '  the model alone, in the agent worker', 'ms'],
      ['stream-ratio', '  total / model alone (page thread)', '×'],
      ['stream-ratio-worker', '  total / model alone (agent worker)', '×'],
      ['stream-longest-task', '  longest main-thread task, median run', 'ms'],
      ['stream-longest-task-max', '  longest main-thread task, worst run', 'ms'],
    ],
    figures: (r, runs) => [
      fig('stream-total', r['totalMs']), fig('stream-model', r['modelOnlyMs']), fig('stream-model-worker', r['modelInWorkerMs']),
      fig('stream-ratio', median(runs.map((run) => (run['totalMs'] ?? Number.NaN) / (run['modelOnlyMs'] ?? Number.NaN)))),
      fig('stream-ratio-worker', median(runs.map((run) => (run['totalMs'] ?? Number.NaN) / (run['modelInWorkerMs'] ?? Number.NaN)))),
      fig('stream-longest-task', r['longestTaskMs']), fig('stream-longest-task-max', Math.max(...runs.map((run) => run['longestTaskMs'] ?? 0))),
    ],
  },
  {
    hook: 'gantt', arg: 1000,
    keys: [['gantt-render', 'Gantt render, 1,000 spans', 'ms'], ['gantt-pan-p95', 'Gantt pan frame p95', 'ms']],
    figures: (r) => [fig('gantt-render', r['renderMs']), fig('gantt-pan-p95', r['panFrameMsP95'])],
  },
  { hook: 'pdfIngest', arg: 50, keys: [['pdf-ingest', 'PDF ingest, 50 pages (text + thumbnails)', 'ms']], figures: (r) => [fig('pdf-ingest', r['ms'])] },
  { hook: 'ocrSample', keys: [['ocr-sample', 'OCR of the sample receipt', 'ms']], figures: (r) => [fig('ocr-sample', r['ms'])] },
  {
    hook: 'permalinkSizes',
    keys: [['permalink-city', 'permalink size, city scenario', 'chars'], ['permalink-30-tools', 'permalink size, 30 tools', 'chars']],
    figures: (r) => [fig('permalink-city', r['city']), fig('permalink-30-tools', r['thirtyTools'])],
  },
]

const LABELS = new Map(HOOKS.flatMap((h) => h.keys.map(([key, label, unit]) => [key, { label, unit }] as const)))

function fig(key: string, value: number | undefined): PageFigure {
  const meta = LABELS.get(key)!
  return { key, label: meta.label, unit: meta.unit, value: typeof value === 'number' && Number.isFinite(value) ? value : null }
}

async function hookFigures(): Promise<PageFigure[]> {
  const port = await freePort()
  // vite's own entry under this node, not npx: killing it then stops the server itself.
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js')
  const server = spawn(process.execPath, [vite, 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { cwd: ROOT, stdio: 'ignore' })
  const browser = await (async () => {
    await waitForServer(`http://127.0.0.1:${port}/`, server)
    return chromium.launch({ ...(existsSync(CHROMIUM) ? { executablePath: CHROMIUM } : {}), args: ARGS })
  })().catch((error: unknown) => {
    server.kill()
    throw error
  })
  try {
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${port}/index.html?bench=1`, { waitUntil: 'load' })
    await page.waitForFunction(() => '__lanesBench' in window, null, { timeout: 5000 }).catch(() => undefined)
    const figures: PageFigure[] = []
    for (const { hook, arg, runs: count, warmup, figures: make, keys } of HOOKS) {
      const available = await page.evaluate((name) => {
        const bench = (window as unknown as { __lanesBench?: Record<string, unknown> }).__lanesBench
        return typeof bench?.[name] === 'function'
      }, hook)
      if (!available) {
        for (const [key] of keys) figures.push({ ...fig(key, undefined), note: 'not available yet' })
        continue
      }
      // Timed figures are the median of 5 runs (or the hook's own count); sizes are the same every time.
      const call = (): Promise<Record<string, number>> => page.evaluate(async ({ name, value }) => {
        const bench = (window as unknown as { __lanesBench: Record<string, (n?: number) => Promise<Record<string, number>>> }).__lanesBench
        return await bench[name]!(value)
      }, { name: hook, value: arg })
      if (warmup) await call()
      const runs: Record<string, number>[] = []
      for (let i = 0; i < (hook === 'permalinkSizes' ? 1 : count ?? 5); i++) runs.push(await call())
      const result: Record<string, number> = {}
      for (const field of Object.keys(runs[0] ?? {})) result[field] = median(runs.map((r) => r[field] ?? Number.NaN))
      figures.push(...make(result, runs))
    }
    return figures
  } finally {
    await browser.close()
    server.kill()
  }
}

/**
 * The same figures with the hand-written Markdown parser this page had before markdown-it
 * (bench/RESULTS.md at commit 34ee8d8), reported beside the new ones.
 */
const OLD_PARSER: PageFigure[] = [
  { key: 'old-initial-js', label: 'old parser (34ee8d8): initial JS (gzip)', value: 140.3, unit: 'KB' },
  { key: 'old-stream-ratio', label: 'old parser (34ee8d8): stream total / model alone', value: 1.37, unit: '×' },
  { key: 'old-stream-longest-task', label: 'old parser (34ee8d8): longest task, worst run', value: 0, unit: 'ms' },
]

async function main(): Promise<void> {
  if (!process.argv.includes('--skip-build') || !existsSync(join(ROOT, 'dist', 'index.html'))) {
    const build = spawn('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' })
    const code = await new Promise<number | null>((done) => build.on('exit', done))
    if (code !== 0) throw new Error(`npm run build failed (${code})`)
  }
  const figures: PageFigure[] = [initialJsFigure()]
  try {
    figures.push(...(await hookFigures()))
  } catch (error) {
    console.error('page hooks could not run:', error instanceof Error ? error.message : error)
  }
  figures.push(...OLD_PARSER)
  for (const f of figures) console.log(`${f.label.padEnd(44)} ${f.value === null ? (f.note ?? 'n/a') : `${f.value.toFixed(1)} ${f.unit}`}`)
  const jsonAt = process.argv.indexOf('--json')
  const out = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined
  if (out) writeFileSync(out, JSON.stringify(figures, null, 2))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
