/**
 * Plain-fetch access to a spawned emulator for the wire-level suites (ga-sequence, faults-wire,
 * recordings-replay): deliberately not the action's client, so these tests check the emulator
 * against what real clients send, not against our own client's habits.
 */
import type { ReadyInfo } from '../helpers/emulator.js'

export interface WireReply {
  status: number
  headers: Headers
  /** Parsed JSON, or the raw text when the body is not JSON, or undefined when empty. */
  body: unknown
  text: string
}

export const RESOURCE = 'https://api.partner.microsoft.com'

/** Step 0 of §5.1: the v1 client-credentials token, as [GA] asks for it (for `resource`). */
export async function v1Token(ready: ReadyInfo, resource = RESOURCE): Promise<string> {
  const url = new URL(`${ready.tenantId}/oauth2/token`, withSlash(ready.authorityHost))
  const reply = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: ready.clientId,
      client_secret: ready.clientSecret,
      resource
    })
  })
  const body = (await reply.json()) as { access_token?: string }
  if (reply.status !== 200 || !body.access_token) {
    throw new Error(`token request failed with ${reply.status}: ${JSON.stringify(body)}`)
  }
  return body.access_token
}

/**
 * An API caller: `target` is a path under the API base (`/products/...`, query allowed) or an
 * absolute URL. Bodies that are not strings are sent as JSON.
 */
export function apiCaller(ready: ReadyInfo, token: string) {
  return async (
    method: string,
    target: string,
    body?: unknown,
    headers: Record<string, string> = {}
  ): Promise<WireReply> => {
    const url = /^https?:/.test(target) ? target : ready.apiBaseUrl.replace(/\/$/, '') + target
    const init: RequestInit = {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
        ...headers
      }
    }
    if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body)
    return read(await fetch(url, init))
  }
}

export async function read(reply: Response): Promise<WireReply> {
  const text = await reply.text()
  let body: unknown = text === '' ? undefined : text
  try {
    if (text !== '') body = JSON.parse(text)
  } catch {
    // not JSON: keep the text (Front Door HTML, plain-text errors)
  }
  return { status: reply.status, headers: reply.headers, body, text }
}

/** A host-relative `nextLink` (`v1.0/ingestion/...`) made absolute the way [GA] does, on our origin. */
export function absoluteNextLink(ready: ReadyInfo, nextLink: string): string {
  if (/^https?:/.test(nextLink)) return nextLink
  return new URL(nextLink.replace(/^\//, ''), withSlash(ready.origin)).toString()
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`
}
