/**
 * Writes compared by their shape, `METHOD /path` with every id as `{id}`: a dry run names what it
 * would create with placeholders (`new-plan-2`), the real run gets the service's ids, and the two
 * are compared as the same requests.
 */
import type { PlannedRequest } from '../../src/ingestion/dry-run/index.js'

/** Path segments that are not ids: the API's collection and action names. */
const LITERAL =
  /^(v1\.0|ingestion|products|variants|listings|images|packages|packageconfigurations|properties|resellerconfiguration|productavailabilities|featureavailabilities|submissions|promote)$/i

/** `POST /v1.0/ingestion/products/{id}/variants`. */
export function writeShape(method: string, path: string): string {
  const shape = path
    .split('?')[0]
    .split('/')
    .map(segment => (segment === '' || LITERAL.test(segment) ? segment : '{id}'))
    .join('/')
  return `${method} ${shape}`
}

/** The Ingestion API writes a dry run planned, as sorted shapes. */
export function plannedShapes(requests: readonly PlannedRequest[]): string[] {
  return requests
    .filter(r => r.service === 'ingestion')
    .map(r => writeShape(r.method, r.path))
    .sort()
}

/** Logged API requests that wrote something (and were accepted), as sorted shapes. */
export function sentShapes(
  requests: readonly { method: string; path: string; status: number }[]
): string[] {
  return requests
    .filter(r => r.method !== 'GET' && r.status < 400 && /\/v1\.0\/ingestion\//i.test(r.path))
    .map(r => writeShape(r.method, r.path))
    .sort()
}
