/**
 * The Ingestion client's requester (headers, one token refresh after 401/403, status and reply
 * checks, paging, the five verbs with their phases and retry rules), with `$version` added to
 * every path: the docs require it on every call, and it caps the versions reads return (§3.4).
 */
import { createRequester, type Requester, type RequesterOptions } from '../ingestion/requester.js'
import { API_VERSION } from './schema.js'

export type PiRequester = Requester

export function createPiRequester(options: RequesterOptions): PiRequester {
  const http = createRequester(options)
  const versioned = (path: string): string =>
    `${path}${path.includes('?') ? '&' : '?'}$version=${API_VERSION}`
  return {
    get: (path, shape, what, phase) => http.get(versioned(path), shape, what, phase),
    list: (path, shape, what, phase) => http.list(versioned(path), shape, what, phase),
    create: (path, body, shape, what) => http.create(versioned(path), body, shape, what),
    update: (path, body, shape, what, method) =>
      http.update(versioned(path), body, shape, what, method),
    remove: (path, what) => http.remove(versioned(path), what)
  }
}
