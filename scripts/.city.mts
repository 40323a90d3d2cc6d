import { Agent } from '../src/core/index.ts'
import { createLocalModel } from '../src/providers/index.ts'
import { createToolPacks, findPack } from '../src/tools/index.ts'
const tools = findPack(createToolPacks({ speed: 1 }), 'city')!.tools
const agent = new Agent({ model: createLocalModel({ ttftMs: 0, tokensPerSecond: 0 }), tools })
let last = 0
for await (const e of agent.stream("What's the weather, time, and population in Seattle?")) {
  if (e.type !== 'text-delta' || e.t - last > 5) console.log(e.type, e.t.toFixed(1))
  last = e.t
}
