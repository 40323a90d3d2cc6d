// Approval prompts: a tool call from a server with the "ask" policy waits here until the user
// approves or denies it in the page. The prompt closes by itself when the run stops.
import { createStore } from 'zustand/vanilla'
import type { ApprovalRequest } from '../tools/approval.ts'

export interface PendingApproval {
  id: number
  call: ApprovalRequest
}

export interface ApprovalsState {
  pending: PendingApproval[]
}

export const approvalsStore = createStore<ApprovalsState>(() => ({ pending: [] }))

const answers = new Map<number, (allowed: boolean) => void>()
let nextId = 1

function drop(id: number): void {
  answers.delete(id)
  approvalsStore.setState(({ pending }) => ({ pending: pending.filter((p) => p.id !== id) }))
}

/** Show a prompt for a call; resolves with the user's answer, or rejects when `signal` aborts. */
export function requestApproval(call: ApprovalRequest, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const id = nextId++
    const onAbort = (): void => {
      drop(id)
      reject(signal.reason instanceof Error ? signal.reason : new Error('The run stopped before the call was approved.'))
    }
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort, { once: true })
    answers.set(id, (allowed) => {
      signal.removeEventListener('abort', onAbort)
      drop(id)
      resolve(allowed)
    })
    approvalsStore.setState(({ pending }) => ({ pending: [...pending, { id, call }] }))
  })
}

/** The user's answer to a prompt (a prompt that already closed is ignored). */
export function answerApproval(id: number, allowed: boolean): void {
  answers.get(id)?.(allowed)
}

/** The open prompt for a tool call, if any (the tool card shows it). */
export function approvalFor(state: ApprovalsState, callId: string): PendingApproval | undefined {
  return state.pending.find((p) => p.call.callId === callId)
}
