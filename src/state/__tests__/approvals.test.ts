// Approval prompts in the page: an answer resolves the call's wait once; Stop closes the prompt.
import { describe, expect, it } from 'vitest'
import { answerApproval, approvalFor, approvalsStore, requestApproval } from '../approvals.ts'

const call = (callId: string) => ({ callId, runId: 'r', tool: 'echo', originalName: 'echo', source: 'everything', args: { message: 'hi' } })

describe('approval prompts', () => {
  it('shows the call until answered; a second answer is ignored', async () => {
    const waiting = requestApproval(call('c1'), new AbortController().signal)
    const prompt = approvalFor(approvalsStore.getState(), 'c1')
    expect(prompt?.call.args).toEqual({ message: 'hi' })
    answerApproval(prompt!.id, false)
    answerApproval(prompt!.id, true)
    expect(await waiting).toBe(false)
    expect(approvalsStore.getState().pending).toEqual([])
  })

  it('Stop closes the prompt and the wait ends with the abort', async () => {
    const stop = new AbortController()
    const waiting = requestApproval(call('c2'), stop.signal)
    expect(approvalFor(approvalsStore.getState(), 'c2')).toBeDefined()
    stop.abort(new Error('stopped'))
    await expect(waiting).rejects.toThrow('stopped')
    expect(approvalsStore.getState().pending).toEqual([])
  })

  it('a call whose run already stopped never shows a prompt', async () => {
    const stop = new AbortController()
    stop.abort()
    await expect(requestApproval(call('c3'), stop.signal)).rejects.toBeDefined()
    expect(approvalsStore.getState().pending).toEqual([])
  })
})
