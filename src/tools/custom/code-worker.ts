// The worker a code tool runs in, one per call. It takes the run message, locks its global scope
// down (sandbox.ts), compiles the body as an async generator and streams its yields back. The page
// ends it with terminate(): that stops even a loop that never yields.
import type { CodeRunRequest, CodeWorkerMessage } from './code-protocol.ts'
import { lockDown } from './sandbox.ts'

type Body = (args: unknown, signal: AbortSignal, sleep: (ms: number) => Promise<void>) => AsyncGenerator<unknown, unknown, void>
type BodyConstructor = new (...params: string[]) => Body

const scope = globalThis as unknown as { postMessage: (message: unknown) => void }
// Captured before lockDown takes postMessage away from the user's code.
const post = scope.postMessage.bind(scope)
const controller = new AbortController()

function send(message: CodeWorkerMessage): void {
  try {
    post(message)
  } catch {
    // A value with no structured-clone form (a function, a symbol): send its JSON form instead.
    if (message.type === 'result') post({ type: 'result', value: jsonForm(message.value) })
    else if (message.type === 'progress') post({ type: 'progress', progress: String(jsonForm(message.progress)) })
  }
}

function jsonForm(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null') as unknown
  } catch {
    return String(value)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}

async function run(request: CodeRunRequest): Promise<void> {
  lockDown(globalThis)
  const AsyncGeneratorFunction = Object.getPrototypeOf(async function* () { /* its constructor */ }).constructor as BodyConstructor
  let body: Body
  try {
    body = new AsyncGeneratorFunction('args', 'signal', 'sleep', `"use strict";\n${request.body}`)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    // A host that serves this worker with a CSP header without 'unsafe-eval' forbids compiling.
    const message = error instanceof EvalError
      ? `This site's Content-Security-Policy does not let code tools compile code in their worker (${detail}).`
      : `The tool's code does not compile: ${detail}`
    send({ type: 'error', name: 'CodeToolSyntaxError', message })
    return
  }
  try {
    const generator = body(request.args, controller.signal, sleep)
    let step = await generator.next()
    while (!step.done) {
      const progress = step.value
      send({ type: 'progress', progress: typeof progress === 'string' || (typeof progress === 'object' && progress !== null) ? progress as string : String(progress) })
      step = await generator.next()
    }
    send({ type: 'result', value: step.value })
  } catch (error) {
    send({ type: 'error', name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) })
  }
}

addEventListener('message', (event: MessageEvent<CodeRunRequest>) => {
  if (event.data.type === 'run') void run(event.data)
}, { once: true })
