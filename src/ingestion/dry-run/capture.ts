/**
 * What a dry run records for each write, and how it gets the request's method and path: the
 * client's own operations (client.ts) run over a requester that hands back the request instead of
 * sending it. The path is built by the same code that builds the real request's.
 */
import type { IngestionApi } from '../api.js'
import { ingestionCalls } from '../client.js'
import type { Requester } from '../requester.js'

/** One write a dry run would make: recorded, never sent. */
export interface PlannedRequest {
  /** `ingestion`: a request to the Ingestion API; `upload`: a file sent to an upload URL it issued. */
  service: 'ingestion' | 'upload'
  method: 'POST' | 'PUT' | 'DELETE'
  /**
   * The URL path as it would be sent, without a query. What the run would create has a
   * placeholder id (`new-plan-2`): the service names it only when it is created.
   */
  path: string
  /** What it does, in the client's words: `create plan 'standard' in product …`. */
  what: string
  /**
   * What it writes: a creating POST's body; for a write that replaces a resource, the fields it
   * changes with their new values; for an upload, the file's name and size.
   */
  values?: Record<string, unknown>
}

/** A write request as the client would send it, without its body. */
export type CapturedRequest = Pick<PlannedRequest, 'method' | 'path' | 'what'>

/**
 * The client's operations over a requester that captures writes. `apiPath` is the path of the
 * API base URL (`/v1.0/ingestion`). Reads are not its job (the dry run reads through the
 * service's client), so they reject.
 */
export function capturingClient(
  apiPath: string
): (write: (client: IngestionApi) => Promise<unknown>) => Promise<CapturedRequest> {
  const captured = (method: PlannedRequest['method'], path: string, what: string) =>
    // Each operation passes the requester's reply through as its own: here, the request itself.
    Promise.resolve({ method, path: `${apiPath}/${path.split('?')[0]}`, what } as never)
  const read = (): Promise<never> =>
    Promise.reject(new Error('the dry run reads through the service client'))
  const http: Requester = {
    get: read,
    list: read,
    create: (path, _body, _shape, what) => captured('POST', path, what),
    update: (path, _body, _shape, what, method = 'PUT') => captured(method, path, what),
    remove: (path, what) => captured('DELETE', path, what)
  }
  const client = ingestionCalls(http)
  return write => write(client) as Promise<CapturedRequest>
}
