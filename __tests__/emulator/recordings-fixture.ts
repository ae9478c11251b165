/**
 * The 11 real VCR cassettes (copied byte for byte from shared/reference/recordings into
 * __tests__/fixtures/recordings) as typed interactions, for the spec and replay tests.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'

export const RECORDINGS_DIR = fileURLToPath(new URL('../fixtures/recordings/', import.meta.url))
export const SPEC_FILE = fileURLToPath(
  new URL('../../emulator/spec/partner-ingestion-openapi.json', import.meta.url)
)
export const API_PREFIX = '/v1.0/ingestion'

export interface Interaction {
  cassette: string
  index: number
  method: string
  url: URL
  /** True for the Ingestion API, false for the blob upload. */
  api: boolean
  /** Path after /v1.0/ingestion (API) or the blob path. */
  path: string
  headers: Record<string, string>
  /** Request body: parsed JSON for the API, the raw string for the blob, undefined when none. */
  body: unknown
  status: number
  /** Response body parsed as JSON, or undefined when empty. */
  response: unknown
  responseHeaders: Record<string, string>
}

interface Cassette {
  interactions: {
    request: { method: string; uri: string; body: string | null; headers: Record<string, string[]> }
    response: {
      status: { code: number }
      body: { string: string }
      headers: Record<string, string[]>
    }
  }[]
}

export function cassetteNames(): string[] {
  return readdirSync(RECORDINGS_DIR)
    .filter(name => name.endsWith('.yaml'))
    .sort()
}

export function loadCassette(name: string): Interaction[] {
  const cassette = parse(readFileSync(RECORDINGS_DIR + name, 'utf8')) as Cassette
  return cassette.interactions.map(({ request, response }, index) => {
    const url = new URL(request.uri)
    const api = url.pathname.startsWith(API_PREFIX)
    const text = response.body.string
    return {
      cassette: name,
      index,
      method: request.method,
      url,
      api,
      path: api ? url.pathname.slice(API_PREFIX.length) : url.pathname,
      headers: firstValues(request.headers),
      body: request.body && api ? JSON.parse(request.body) : (request.body ?? undefined),
      status: response.status.code,
      response: text ? JSON.parse(text) : undefined,
      responseHeaders: firstValues(response.headers)
    }
  })
}

export function allInteractions(): Interaction[] {
  return cassetteNames().flatMap(loadCassette)
}

function firstValues(headers: Record<string, string[]>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v[0]]))
}
