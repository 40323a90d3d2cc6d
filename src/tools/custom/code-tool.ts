// A code tool: the user's async generator body, run in a fresh worker per call (code-worker.ts).
// Stop and the time limit terminate the worker, which ends even a loop that never yields; the
// worker never sees the page, its storage or its keys (sandbox.ts).
import { AsyncQueue, LanesError, type Tool, type ToolContext, type ToolProgress } from '../../core/index.ts'
import { toolOf } from './tool-of.ts'
import { isCodeWorkerMessage, type CodeRunRequest, type CodeWorkerMessage } from './code-protocol.ts'
import type { CodeImpl, CustomToolDefinition } from './definition.ts'

/** The part of Worker a code tool uses (injectable for environments without workers). */
export interface CodeWorker {
  postMessage(message: CodeRunRequest): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

export type CodeWorkerFactory = () => CodeWorker

/** An error thrown by the tool's code (or its compiler), under the code's own error name. */
export class CodeToolError extends LanesError {
  constructor(readonly errorName: string, message: string) {
    super(message)
    this.name = errorName === 'Error' ? 'CodeToolError' : errorName
  }
}

export const defaultCodeWorker: CodeWorkerFactory = () =>
  new Worker(new URL('./code-worker.ts', import.meta.url), { type: 'module', name: 'lanes-code-tool' })

type Item = CodeWorkerMessage | { type: 'crash'; message: string }

/** A core Tool for a code definition. `name` is the provider-safe name it runs under. */
export function createCodeTool(definition: CustomToolDefinition & { impl: CodeImpl }, name: string, createWorker: CodeWorkerFactory = defaultCodeWorker): Tool {
  const body = definition.impl.body
  async function* run(args: unknown, ctx: ToolContext): AsyncGenerator<ToolProgress, unknown, void> {
    ctx.signal.throwIfAborted()
    const worker = createWorker()
    const queue = new AsyncQueue<Item>()
    worker.onmessage = (event) => {
      if (isCodeWorkerMessage(event.data)) queue.push(event.data)
    }
    worker.onerror = (event) => {
      event.preventDefault()
      queue.push({ type: 'crash', message: event.message || 'the worker failed to start' })
    }
    const stop = (): void => {
      worker.terminate()
      queue.push({ type: 'crash', message: 'stopped' })
    }
    ctx.signal.addEventListener('abort', stop, { once: true })
    try {
      worker.postMessage({ type: 'run', body, args })
      for (;;) {
        const item = await queue.shift()
        ctx.signal.throwIfAborted()
        if (item.type === 'progress') yield item.progress
        else if (item.type === 'result') return item.value
        else if (item.type === 'error') throw new CodeToolError(item.name, item.message)
        else throw new CodeToolError('CodeToolCrash', `${definition.name}'s worker stopped: ${item.message}.`)
      }
    } finally {
      ctx.signal.removeEventListener('abort', stop)
      worker.terminate()
    }
  }
  return toolOf(definition, name, run)
}
