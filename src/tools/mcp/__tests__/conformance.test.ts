// The MCP conformance suite's client scenarios against the project's client (conformance/client.ts).
// The suite's CLI starts a scenario server, runs our client against it and checks what it saw.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'

const require = createRequire(import.meta.url)
const here = dirname(fileURLToPath(import.meta.url))
const tsx = require.resolve('tsx')
const cli = join(dirname(require.resolve('@modelcontextprotocol/conformance/package.json')), 'dist/index.js')
const client = join(here, '../conformance/client.ts')
const node20 = join(here, '../conformance/register-node20.ts')
// The CLI writes results/<scenario>-<time>/ under its working directory: keep that out of the repo.
const workDir = mkdtempSync(join(tmpdir(), 'lanes-mcp-conformance-'))

afterAll(() => rmSync(workDir, { recursive: true, force: true }))

function runScenario(scenario: string): Promise<{ code: number; output: string }> {
  const args = ['--import', tsx, '--import', node20, cli, 'client', '--scenario', scenario, '--timeout', '30000',
    '--command', `"${process.execPath}" --import "${tsx}" "${client}"`]
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: workDir, timeout: 60_000, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
      resolve({ code, output: `${stdout}\n${stderr}` })
    })
  })
}

describe('MCP conformance, client scenarios', () => {
  for (const scenario of ['initialize', 'tools_call', 'sse-retry']) {
    it(scenario, async () => {
      const { code, output } = await runScenario(scenario)
      const summary = /Passed: (\d+)\/(\d+), (\d+) failed/.exec(output)
      expect(summary, output).not.toBeNull()
      const [, passed, total, failed] = summary!.map(Number)
      expect(failed, output).toBe(0)
      expect(passed, output).toBe(total)
      expect(total).toBeGreaterThan(0)
      expect(code, output).toBe(0)
    }, 60_000)
  }
})
