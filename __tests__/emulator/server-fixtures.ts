/** Small HTTP helpers for the emulator server tests (server-*.test.ts). */
import type { ReadyInfo } from '../helpers/emulator.js'

export async function api(
  ready: ReadyInfo,
  token: string | undefined,
  path: string,
  init: RequestInit = {}
): Promise<Response> {
  const headers = new Headers(init.headers)
  if (token !== undefined) headers.set('authorization', `Bearer ${token}`)
  if (init.body !== undefined) headers.set('content-type', 'application/json; charset=utf-8')
  return fetch(`${ready.apiBaseUrl}${path}`, { ...init, headers })
}

/** A JSON request for the admin endpoints: `emulator.admin('/faults', json('PUT', {...}))`. */
export const json = (method: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body)
})

/** The embedded JSON of an `"ICH5xxxx - Unable to complete request. {...}"` error string. */
export function ichDetail(body: unknown): { faultCode: number; data: Record<string, string[]> } {
  if (typeof body !== 'string') throw new Error(`not an ICH error string: ${JSON.stringify(body)}`)
  return JSON.parse(body.slice(body.indexOf('{'))) as {
    faultCode: number
    data: Record<string, string[]>
  }
}

/** An entry of GET /_emulator/requests, as the emulator's request log defines it. */
export type { RequestLogEntry as LogEntry } from '../../emulator/src/request-log.js'
