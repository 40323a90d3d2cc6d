// `npm run bench`: core, peers and page benchmarks in turn, then bench/RESULTS.md. Installs the
// peers' own node_modules first when they are missing. Not part of `npm test`.
// `npm run bench -- --skip-build` reuses an existing dist/ (when other runs are serving it).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PageFigure } from './page.bench.ts'
import type { PeerResults } from './peers.bench.ts'
import { renderResults } from './report.ts'
import type { Figure } from './stats.ts'

const BENCH = dirname(fileURLToPath(import.meta.url))
const ROOT = resolve(BENCH, '..')

function run(command: string, args: string[]): Promise<number> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' })
    child.on('exit', (code) => done(code ?? 1))
    child.on('error', () => done(1))
  })
}

function readJson<T>(path: string): T | undefined {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : undefined
}

function joinFigures(...lists: (Figure[] | undefined)[]): Figure[] | undefined {
  const present = lists.filter((list): list is Figure[] => list !== undefined)
  return present.length ? present.flat() : undefined
}

async function ensurePeers(): Promise<void> {
  const peers = join(BENCH, 'peers')
  if (existsSync(join(peers, 'node_modules'))) return
  console.log('Installing the peer frameworks into bench/peers/node_modules …')
  const locked = existsSync(join(peers, 'package-lock.json'))
  const code = await run('npm', [locked ? 'ci' : 'install', '--prefix', peers, '--no-audit', '--no-fund'])
  if (code !== 0) throw new Error('npm install of bench/peers failed')
}

async function main(): Promise<void> {
  const load = loadavg()
  const out = mkdtempSync(join(tmpdir(), 'lanes-bench-'))
  const tsx = ['--import', 'tsx']
  try {
    console.log('\n== core ==')
    await run(process.execPath, [...tsx, '--expose-gc', join(BENCH, 'core.bench.ts'), '--json', join(out, 'core.json')])
    console.log('\n== mcp ==')
    await run(process.execPath, [...tsx, join(BENCH, 'mcp.bench.ts'), '--json', join(out, 'mcp.json')])
    console.log('\n== peers ==')
    await ensurePeers()
    await run(process.execPath, [...tsx, join(BENCH, 'peers.bench.ts'), '--json', join(out, 'peers.json')])
    console.log('\n== page ==')
    const skipBuild = process.argv.includes('--skip-build') ? ['--skip-build'] : []
    await run(process.execPath, [...tsx, join(BENCH, 'page.bench.ts'), ...skipBuild, '--json', join(out, 'page.json')])
    const markdown = renderResults(
      // The MCP figures join the core table: they are Lanes' own overhead, in the same format.
      joinFigures(readJson<Figure[]>(join(out, 'core.json')), readJson<Figure[]>(join(out, 'mcp.json'))),
      readJson<PeerResults>(join(out, 'peers.json')),
      readJson<PageFigure[]>(join(out, 'page.json')),
      load,
    )
    writeFileSync(join(BENCH, 'RESULTS.md'), markdown)
    console.log('\nWrote bench/RESULTS.md')
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}

await main()
