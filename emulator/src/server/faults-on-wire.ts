/** Carries out the actions `faults.onRequest` returns on a live request. */
import type { ServerResponse } from 'node:http'
import type { ApiReply } from '../api/contract.js'
import type { FaultAction } from '../faults.js'
import type { RequestLogEntry } from '../request-log.js'
import { sendReply } from './http.js'

/** How a request was answered, as the request log records it. */
export type RequestOutcome = Pick<
  RequestLogEntry,
  'operation' | 'status' | 'requestId' | 'validation' | 'errors' | 'fault' | 'leniencies'
>

export interface FaultOutcome {
  /** True when the fault answered (or dropped) the request: handle it no further. */
  answered: boolean
  /** 0 when the connection was reset without a reply. */
  status?: number
  requestId?: string
  /** The clauses that hit, joined, for the request log. */
  label?: string
  /**
   * The `-after` kinds: handle the request (it takes effect), then send this reply instead of the
   * real one, or (`reset`) destroy the connection without a reply.
   */
  afterEffect?: ApiReply | 'reset'
}

export async function applyFaults(
  actions: FaultAction[],
  res: ServerResponse
): Promise<FaultOutcome> {
  const labels: string[] = []
  for (const action of actions) {
    if (action.label) labels.push(action.label)
    const label = labels.length ? labels.join('; ') : undefined
    if (action.type === 'delay') {
      await new Promise(resolve => setTimeout(resolve, action.ms))
    } else if (action.type === 'reset-after') {
      return { answered: false, label, afterEffect: 'reset' }
    } else if (action.type === 'respond-after') {
      const { status, headers, body } = action
      return { answered: false, label, afterEffect: { status, headers, body } }
    } else if (action.type === 'reset') {
      res.socket?.destroy()
      return { answered: true, status: 0, label }
    } else {
      const requestId = sendReply(res, action)
      return { answered: true, status: action.status, requestId, label }
    }
  }
  return { answered: false, label: labels.length ? labels.join('; ') : undefined }
}

/** The request-log outcome of a request that a fault answered or dropped. */
export function faultAnswered(fault: FaultOutcome): RequestOutcome {
  return {
    status: fault.status ?? 0,
    requestId: fault.requestId ?? '',
    validation: 'skipped',
    fault: fault.label
  }
}
