/** Small HTTP helpers for the emulator server tests (server-*.test.ts). */
import type { ReadyInfo } from '../helpers/emulator.js'

/** An access token from the emulator's v1 token endpoint with the seed's client secret. */
export async function accessToken(ready: ReadyInfo): Promise<string> {
  const reply = await fetch(`${ready.authorityHost}/${ready.tenantId}/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ready.clientId,
      client_secret: ready.clientSecret,
      resource: 'https://api.partner.microsoft.com'
    })
  })
  if (reply.status !== 200) throw new Error(`token endpoint answered ${reply.status}`)
  return ((await reply.json()) as { access_token: string }).access_token
}

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

/** The embedded JSON of an `"ICH5xxxx - Unable to complete request. {...}"` error string. */
export function ichDetail(body: unknown): { faultCode: number; data: Record<string, string[]> } {
  if (typeof body !== 'string') throw new Error(`not an ICH error string: ${JSON.stringify(body)}`)
  return JSON.parse(body.slice(body.indexOf('{'))) as {
    faultCode: number
    data: Record<string, string[]>
  }
}

export interface LogEntry {
  method: string
  path: string
  status: number
  requestId: string
  validation: 'ok' | 'failed' | 'skipped'
  errors?: string[]
  fault?: string
}
