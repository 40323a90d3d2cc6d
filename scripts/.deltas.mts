import { Agent, type Model, type ModelEvent } from '../src/core/index.ts'
const N = 100_000
const model: Model = { id: 'm', async *stream() { for (let i = 0; i < N; i++) yield { type: 'text-delta', text: 'x' } as ModelEvent; yield { type: 'finish', reason: 'stop' } } }
async function* bare() { for (let i = 0; i < N; i++) yield { type: 'text-delta', text: 'x' } }
for (let r = 0; r < 5; r++) {
  let t = performance.now(); let n = 0
  for await (const e of bare()) if (e.type === 'text-delta') n++
  const bareMs = performance.now() - t
  t = performance.now(); n = 0
  for await (const e of new Agent({ model }).stream('hi')) if (e.type === 'text-delta') n++
  const agentMs = performance.now() - t
  console.log(`bare ${(N / bareMs * 1000 / 1e6).toFixed(2)}M/s  agent ${(N / agentMs * 1000 / 1e6).toFixed(2)}M/s  n=${n}`)
}
