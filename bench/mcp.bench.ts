// MCP overhead: 100 concurrent calls to a local server that answers at once, made by Lanes (the
// agent running connectMcpServer's tools, and those tools alone) against the same 100 calls made
// with the SDK client alone. The server runs in its own process (this file with --serve), so
// its work does not share the client's thread. Runs interleave (SDK, tools, agent, in a rotating
// order) and
// each figure is the median of per-round ratios, so drift on a shared machine cancels out.
// `--json <file>` writes the figures for bench/run.ts.
import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { z } from 'zod'
import { Agent, createScriptedModel, textTurn, toolCallsTurn, type Tool } from '../src/core/index.ts'
import { isAsyncGenerator } from '../src/core/tool.ts'
import { connectMcpServer } from '../src/tools/index.ts'
import { figureLine, median, type Figure } from './stats.ts'

const CALLS = 100
const ROUNDS = 15
const WARMUP = 3

/** The server: one SDK server per session, with a tool that answers at once. */
async function serve(): Promise<void> {
  const sessions = new Map<string, StreamableHTTPServerTransport>()
  const http = createServer((req, res) => {
    const id = req.headers['mcp-session-id']
    const existing = typeof id === 'string' ? sessions.get(id) : undefined
    if (existing) return void existing.handleRequest(req, res)
    const server = new McpServer({ name: 'bench', version: '1.0.0' })
    server.registerTool('instant', { description: 'Answers at once.', inputSchema: { n: z.number() } }, async ({ n }) => ({ content: [{ type: 'text', text: `ok ${n}` }] }))
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: () => randomUUID(), onsessioninitialized: (sid) => void sessions.set(sid, transport) })
    void server.connect(transport).then(() => transport.handleRequest(req, res))
  })
  http.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`))
}

async function startServer(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] })
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.once('data', (chunk: Buffer) => resolve(chunk.toString().trim()))
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return { url, stop: () => child.kill() }
}

async function sdkAlone(client: Client): Promise<number> {
  const start = performance.now()
  await Promise.all(Array.from({ length: CALLS }, (_, n) => client.callTool({ name: 'instant', arguments: { n } })))
  return performance.now() - start
}

async function drain(tool: Tool, n: number): Promise<unknown> {
  const returned = tool.run({ n }, { signal: new AbortController().signal, callId: `c${n}`, runId: 'bench' })
  if (!isAsyncGenerator(returned)) return returned
  let step = await returned.next()
  while (!step.done) step = await returned.next()
  return step.value
}

async function lanesTools(tool: Tool): Promise<number> {
  const start = performance.now()
  await Promise.all(Array.from({ length: CALLS }, (_, n) => drain(tool, n)))
  return performance.now() - start
}

async function lanesAgent(tools: Tool[]): Promise<number> {
  const calls = Array.from({ length: CALLS }, (_, n) => ({ name: 'instant', args: { n } }))
  const agent = new Agent({ model: createScriptedModel([toolCallsTurn(calls), textTurn('done')]), tools })
  const start = performance.now()
  const result = await agent.invoke('go')
  const ms = performance.now() - start
  if (result.toolCalls.some((call) => call.status !== 'ok')) throw new Error('a bench call failed')
  return ms
}

export async function mcpFigures(): Promise<Figure[]> {
  const server = await startServer()
  const client = new Client({ name: 'bench-sdk', version: '1.0.0' })
  await client.connect(new StreamableHTTPClientTransport(new URL(server.url)))
  const connection = await connectMcpServer({ url: server.url })
  const tool = connection.tools.find((candidate) => candidate.name === 'instant')!
  try {
    const sdk: number[] = []
    const tools: number[] = []
    const agent: number[] = []
    for (let round = 0; round < WARMUP + ROUNDS; round++) {
      // The order rotates each round, so no variant always pays for the garbage of another.
      const times = [0, 0, 0]
      const variants = [() => sdkAlone(client), () => lanesTools(tool), () => lanesAgent(connection.tools)]
      for (let k = 0; k < 3; k++) {
        const index = (round + k) % 3
        times[index] = await variants[index]!()
      }
      if (round < WARMUP) continue
      sdk.push(times[0]!)
      tools.push(times[1]!)
      agent.push(times[2]!)
    }
    const ratio = (values: number[]) => median(values.map((value, i) => value / sdk[i]!))
    const agentRatio = ratio(agent)
    return [
      { key: 'mcp-100-sdk', label: `${CALLS} concurrent MCP calls, SDK client alone`, value: median(sdk), unit: 'ms', target: '' },
      { key: 'mcp-100-tools', label: `${CALLS} concurrent MCP calls, Lanes tools`, value: median(tools), unit: 'ms', target: '' },
      { key: 'mcp-100-agent', label: `${CALLS} concurrent MCP calls, Lanes agent`, value: median(agent), unit: 'ms', target: '' },
      { key: 'mcp-tools-vs-sdk', label: 'MCP: Lanes tools / SDK alone', value: ratio(tools), unit: '×', target: '' },
      { key: 'mcp-agent-vs-sdk', label: 'MCP: Lanes agent / SDK alone', value: agentRatio, unit: '×', target: '≤ 1.5×', pass: agentRatio <= 1.5 },
    ]
  } finally {
    await connection.close()
    await client.close()
    server.stop()
  }
}

async function main(): Promise<void> {
  if (process.argv.includes('--serve')) return serve()
  console.log(`Lanes MCP bench — node ${process.version}, median of ${ROUNDS} interleaved rounds after ${WARMUP} warm-ups\n`)
  const figures = await mcpFigures()
  for (const figure of figures) console.log(figureLine(figure))
  const jsonAt = process.argv.indexOf('--json')
  const out = jsonAt >= 0 ? process.argv[jsonAt + 1] : undefined
  if (out) writeFileSync(out, JSON.stringify(figures, null, 2))
}

await main()
