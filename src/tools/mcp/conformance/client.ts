// The project's MCP client as the conformance suite drives it: `client.ts <server-url>`, with the
// scenario in MCP_CONFORMANCE_SCENARIO. It connects through connectMcpServer and runs tools as the
// agent would (tool.run with a signal), so the suite checks the code the page uses.
import type { Tool } from '../../../core/index.ts'
import { isAsyncGenerator } from '../../../core/tool.ts'
import { connectMcpServer } from '../index.ts'

async function runTool(tools: readonly Tool[], name: string, args: unknown): Promise<unknown> {
  const tool = tools.find((candidate) => candidate.name === name)
  if (!tool) throw new Error(`The server has no tool ${name}.`)
  const returned = tool.run(args, { signal: AbortSignal.timeout(20_000), callId: 'conformance', runId: 'conformance' })
  if (!isAsyncGenerator(returned)) return returned
  let step = await returned.next()
  while (!step.done) step = await returned.next()
  return step.value
}

async function main(): Promise<void> {
  const url = process.argv.at(-1)
  if (!url?.startsWith('http')) throw new Error('usage: client.ts <server-url>')
  const scenario = process.env['MCP_CONFORMANCE_SCENARIO'] ?? 'initialize'
  const connection = await connectMcpServer({ url })
  try {
    if (scenario === 'tools_call') console.log(await runTool(connection.tools, 'add_numbers', { a: 5, b: 3 }))
    // The server closes the call's SSE stream early; the answer must arrive after a reconnect.
    if (scenario === 'sse-retry') console.log(await runTool(connection.tools, 'test_reconnection', {}))
  } finally {
    await connection.close()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error))
    process.exit(1)
  },
)
