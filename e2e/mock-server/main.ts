// `npm run mock-server`: serve the mock provider until Ctrl-C. Port from --port or MOCK_PORT.
import { startMockServer } from './node.ts'
import { SCENARIO_NAMES } from './scenarios.ts'

const flag = process.argv.indexOf('--port')
const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env['MOCK_PORT'] ?? 8787))
const server = await startMockServer({ port })
console.log(`Lanes mock provider on ${server.url}`)
console.log(`  OpenAI-compatible base URL: ${server.url}/v1   Anthropic base URL: ${server.url}`)
console.log(`  Models: ${SCENARIO_NAMES.join(', ')}`)
const stop = (): void => {
  void server.close().then(() => process.exit(0))
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
