// Shared test helpers for the core tests: event collection, controllable promises, a fake clock
// and small tools. Not a test file itself (vitest only picks up *.test.ts).
import { z } from 'zod'
import { defineTool, type Tool } from '../tool.ts'
import type { AgentEvent, AgentEventOf, AgentEventType, Clock } from '../types.ts'

/** Drain an event stream into an array. */
export async function collect(events: AsyncIterable<AgentEvent>): Promise<AgentEvent[]> {
  const out: AgentEvent[] = []
  for await (const event of events) out.push(event)
  return out
}

/** The events of one type, typed. */
export function ofType<K extends AgentEventType>(events: readonly AgentEvent[], type: K): AgentEventOf<K>[] {
  return events.filter((event): event is AgentEventOf<K> => event.type === type)
}

/** A promise with its resolve/reject exposed, so a test decides when a tool finishes. */
export interface Deferred<T> {
  promise: Promise<T>
  resolve: (value: T) => void
  reject: (error: unknown) => void
}

/** Make a Deferred. */
export function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => undefined
  let reject: (error: unknown) => void = () => undefined
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A clock the test moves by hand. */
export interface FakeClock {
  now: Clock
  advance: (ms: number) => void
}

/** Make a FakeClock starting at `start` (non-zero, so a clock origin bug would show). */
export function fakeClock(start = 1000): FakeClock {
  let time = start
  return { now: () => time, advance: (ms) => { time += ms } }
}

/** Wait until `check` holds, yielding to the event loop between tries (bounded, no wall-clock sleeps). */
export async function until(check: () => boolean, tries = 1000): Promise<void> {
  for (let i = 0; i < tries && !check(); i++) await new Promise((resolve) => setImmediate(resolve))
  if (!check()) throw new Error('condition never became true')
}

/** A tool whose calls are controlled by the test: each call gets a Deferred keyed by `args.key`. */
export function gatedTool(name = 'gated'): { tool: Tool; gates: Map<string, Deferred<string>>; log: string[] } {
  const gates = new Map<string, Deferred<string>>()
  const log: string[] = []
  const tool = defineTool({
    name,
    description: 'Waits until the test resolves its gate.',
    input: z.object({ key: z.string() }),
    run: async ({ key }) => {
      log.push(`start:${key}`)
      const gate = deferred<string>()
      gates.set(key, gate)
      const result = await gate.promise
      log.push(`end:${key}`)
      return result
    },
  })
  return { tool, gates, log }
}

/** A tool that echoes its text argument. */
export const echoTool = defineTool({
  name: 'echo',
  description: 'Echo the text back.',
  input: z.object({ text: z.string() }),
  run: ({ text }) => `echo:${text}`,
})

/** A tool that never settles and ignores its abort signal. */
export function hangingTool(name = 'hang', timeoutMs?: number): { tool: Tool; started: string[] } {
  const started: string[] = []
  const tool = defineTool({
    name,
    description: 'Never finishes and ignores its signal.',
    input: z.object({}),
    run: (_args, ctx) => {
      started.push(ctx.callId)
      return new Promise<string>(() => undefined)
    },
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  })
  return { tool, started }
}

/** A tool that answers `r<i>` on the next macrotask. */
export const quickTool = defineTool({
  name: 'quick',
  description: 'Resolves on the next macrotask.',
  input: z.object({ i: z.number() }),
  run: async ({ i }) => {
    await new Promise((resolve) => setImmediate(resolve))
    return `r${i}`
  },
})
