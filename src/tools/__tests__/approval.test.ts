// The approval gate: run, ask (approve one call, deny another), never; a denial is a tool error.
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { Agent, createScriptedModel, defineTool, textTurn, toolCallsTurn, type AgentEvent } from '../../core/index.ts'
import { withApproval, type ApprovalRequest } from '../approval.ts'

const ran: string[] = []
const deleteFile = defineTool({
  name: 'delete_file',
  description: 'Delete a file.',
  input: z.object({ path: z.string() }),
  async *run({ path }) {
    yield `deleting ${path}`
    ran.push(path)
    return `deleted ${path}`
  },
})

const twoCalls = () => createScriptedModel([
  toolCallsTurn([{ name: 'delete_file', args: { path: 'a.txt' } }, { name: 'delete_file', args: { path: 'b.txt' } }]),
  textTurn('done'),
])

describe('withApproval', () => {
  it('"run" is the tool itself', () => {
    expect(withApproval(deleteFile, { policy: 'run' })).toBe(deleteFile)
  })

  it('"ask": the approved call runs, the denied one is an error the model reads', async () => {
    ran.length = 0
    const asked: ApprovalRequest[] = []
    const approve = vi.fn(async (request: ApprovalRequest) => {
      asked.push(request)
      return (request.args as { path: string }).path === 'a.txt'
    })
    const model = twoCalls()
    const events: AgentEvent[] = []
    const tool = withApproval(deleteFile, { policy: 'ask', approve, source: 'files-server' })
    for await (const event of new Agent({ model, tools: [tool] }).stream('clean up')) events.push(event)
    expect(ran).toEqual(['a.txt'])
    expect(asked).toEqual([
      { callId: 'call_1', runId: expect.any(String), tool: 'delete_file', originalName: 'delete_file', source: 'files-server', args: { path: 'a.txt' } },
      { callId: 'call_2', runId: expect.any(String), tool: 'delete_file', originalName: 'delete_file', source: 'files-server', args: { path: 'b.txt' } },
    ])
    // Finish order depends on timing; the call ids say which is which.
    const ends = events.filter((event) => event.type === 'tool-end').sort((a, b) => a.callId.localeCompare(b.callId))
    expect(ends.map((event) => event.status)).toEqual(['ok', 'error'])
    expect(ends[1]!.output).toBe('Error: The user denied this call to delete_file. Do not repeat it unchanged; ask the user or answer without it.')
    // The wait shows on the lane before the tool's own progress.
    const ticks = events.filter((event) => event.type === 'tool-progress' && event.callId === 'call_1').map((event) => event.type === 'tool-progress' ? event.progress : undefined)
    expect(ticks).toEqual([{ message: 'Waiting for your approval…' }, 'deleting a.txt'])
    expect(model.requests[1]!.messages.at(-1)!.content.map((part) => part.type === 'tool-result' && part.isError)).toEqual([false, true])
  })

  it('"never": no call runs and the model is told not to retry', async () => {
    ran.length = 0
    const result = await new Agent({ model: twoCalls(), tools: [withApproval(deleteFile, { policy: 'never' })] }).invoke('go')
    expect(ran).toEqual([])
    expect(result.toolCalls.map((call) => call.status)).toEqual(['error', 'error'])
    expect(result.stopReason).toBe('done')
  })

  it('Stop while the prompt is open ends the call as aborted and hands the prompt the signal', async () => {
    ran.length = 0
    const controller = new AbortController()
    let promptSignal: AbortSignal | undefined
    const approve = (_request: ApprovalRequest, signal: AbortSignal) => new Promise<boolean>(() => {
      promptSignal = signal
      controller.abort()
    })
    const model = createScriptedModel([toolCallsTurn([{ name: 'delete_file', args: { path: 'c.txt' } }]), textTurn('done')])
    const result = await new Agent({ model, tools: [withApproval(deleteFile, { policy: 'ask', approve })] }).invoke('go', { signal: controller.signal })
    expect(result.stopReason).toBe('aborted')
    expect(result.toolCalls[0]!.status).toBe('aborted')
    expect(promptSignal?.aborted).toBe(true)
    expect(ran).toEqual([])
  })

  it('"ask" without an approve function is a programming error, caught at once', () => {
    expect(() => withApproval(deleteFile, { policy: 'ask' })).toThrow(/approve/)
  })
})
