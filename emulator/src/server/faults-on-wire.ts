/** Carries out the actions `faults.onRequest` returns on a live request. */
import type { ServerResponse } from 'node:http'
import type { FaultAction } from '../faults.js'
import { sendReply } from './http.js'

export interface FaultOutcome {
  /** True when the fault answered (or dropped) the request: handle it no further. */
  answered: boolean
  /** 0 when the connection was reset without a reply. */
  status?: number
  requestId?: string
  /** The clauses that hit, joined, for the request log. */
  label?: string
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
