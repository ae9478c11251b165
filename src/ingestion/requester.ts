/**
 * The plumbing under every Ingestion API call: headers, one token refresh after 401/403
 * (ingestion-v1.md §2.9), status checks, reply checks and `nextLink` paging, behind five verbs
 * that fix each call's method, phase and retry rule. The resource modules (products.ts,
 * listings.ts, packages.ts, properties.ts, availabilities.ts, submissions.ts) map the API's
 * operations onto them.
 */
import { randomUUID } from 'node:crypto'
import type { TokenProvider } from '../auth/types.js'
import { httpError } from '../http/http-error.js'
import { redact } from '../http/redact.js'
import type { HttpMethod, HttpRequest, HttpResponse, Transport } from '../http/types.js'
import type { Phase } from './api.js'
import { resolveServiceLink } from './service-link.js'
import {
  badReply,
  checkPage,
  checkShape,
  parseJson,
  type ReplyContext,
  type Shape
} from './reply.js'

/** A safety net against a service that never stops paging; real lists have a handful of pages. */
const MAX_PAGES = 1000
/**
 * A follow-up page once answered 404 for a while (navcontainerhelper#3151). Ending the list there
 * would hide items (and the run would then try to create a plan that exists), so the list is read
 * again from its first page, this many times at most, before failing.
 */
const MAX_LIST_RESTARTS = 3

export interface RequesterOptions {
  /** e.g. `https://api.partner.microsoft.com/v1.0/ingestion`. */
  baseUrl: string
  transport: Transport
  tokens: TokenProvider
  log?: (line: string) => void
}

/**
 * `path` is relative to the base URL, ids already encoded (resourcePath), and may carry a query.
 * `what` is for error messages: "read the plans of product 'x'". Discovery GETs count as
 * `lookup`, the GETs repeated while waiting as `poll`, everything else as `write`.
 */
export interface Requester {
  get<T>(path: string, shape: Shape, what: string, phase?: 'lookup' | 'poll'): Promise<T>
  /** Every page of a list. */
  list<T>(path: string, shape: Shape, what: string, phase?: 'lookup' | 'poll'): Promise<T[]>
  /** A POST that creates something: never repeated blindly, the caller looks up what it did. */
  create<T>(path: string, body: unknown, shape: Shape, what: string): Promise<T>
  /** Replaces a whole object (PUT with its etag, or the reseller's POST): safe to repeat. */
  update<T>(
    path: string,
    body: unknown,
    shape: Shape,
    what: string,
    method?: 'PUT' | 'POST'
  ): Promise<T>
  remove(path: string, what: string): Promise<void>
}

interface Call {
  path: string
  phase: Phase
  what: string
}

/** One path segment or function argument; the function's parentheses stay unencoded. */
export const segment = encodeURIComponent

/** `products/{productId}`, the root of every resource but the product list. */
export function productPath(productId: string): string {
  return `products/${segment(productId)}`
}

export function createRequester(options: RequesterOptions): Requester {
  const { transport, tokens } = options
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const log = (line: string): void => options.log?.(redact(line))

  /** Sends with a bearer token; after a 401 or 403 fetches a new token and tries once more. */
  async function exchange(
    method: HttpMethod,
    url: string,
    phase: Phase,
    retry: boolean,
    body?: unknown
  ): Promise<{ request: HttpRequest; response: HttpResponse; context: ReplyContext }> {
    const clientRequestId = randomUUID()
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8')
    for (let refreshed = false; ; refreshed = true) {
      const headers: Record<string, string> = {
        Authorization: `Bearer ${await tokens.getToken()}`,
        Accept: 'application/json',
        'Client-Request-ID': clientRequestId
      }
      if (payload !== undefined) headers['Content-Type'] = 'application/json; charset=utf-8'
      if (method === 'PUT') headers['If-Match'] = etagOf(body)
      const request: HttpRequest = {
        method,
        url,
        headers,
        phase,
        retry,
        ...(payload ? { body: payload } : {})
      }
      const response = await transport.send(request)
      const context = {
        method,
        path: new URL(url).pathname,
        ...(response.requestId ? { requestId: response.requestId } : {})
      }
      if ((response.status === 401 || response.status === 403) && !refreshed) {
        log(
          `${method} ${context.path} answered ${response.status}: fetching a new token and trying once more`
        )
        tokens.invalidate()
        continue
      }
      return { request, response, context }
    }
  }

  async function getUrl<T>(url: string, call: Call, shape: Shape): Promise<T> {
    const { request, response, context } = await exchange('GET', url, call.phase, true)
    if (!isSuccess(response.status)) throw httpError(request, response, call.what)
    return checkShape<T>(parseJson(response.text, context), shape, context)
  }

  async function list<T>(call: Call, shape: Shape): Promise<T[]> {
    const items: T[] = []
    const seen = new Set<string>()
    const first = urlOf(call.path)
    let url: string | undefined = first
    let restarts = 0
    for (let page = 1; url !== undefined; page++) {
      if (page > MAX_PAGES) {
        throw badReply(
          { method: 'GET', path: new URL(url).pathname },
          `more than ${MAX_PAGES} pages while trying to ${call.what}`
        )
      }
      seen.add(url)
      const { request, response, context } = await exchange('GET', url, call.phase, true)
      if (response.status === 404 && page > 1 && restarts < MAX_LIST_RESTARTS) {
        restarts++
        log(
          `GET ${context.path} (page ${page}) answered 404: reading the list again from the start`
        )
        items.length = 0
        seen.clear()
        url = first
        page = 0
        continue
      }
      if (!isSuccess(response.status)) throw httpError(request, response, call.what)
      const { value, nextLink } = checkPage(parseJson(response.text, context), context)
      for (const item of value) items.push(checkShape<T>(item, shape, context))
      url = resolveServiceLink(nextLink, baseUrl, context)
      if (url !== undefined && seen.has(url)) {
        log(
          `GET ${context.path} (page ${page}) links back to a page already read: ending the list there`
        )
        break
      }
    }
    return items
  }

  async function write<T>(
    method: 'POST' | 'PUT',
    call: Call & { body: unknown; retry: boolean },
    shape: Shape
  ): Promise<T> {
    const { request, response, context } = await exchange(
      method,
      urlOf(call.path),
      call.phase,
      call.retry,
      call.body
    )
    if (!isSuccess(response.status)) throw httpError(request, response, call.what)
    // POST /submissions may answer 202 (azure-docs#93203); without a body, the Location has it.
    const location = response.headers.location
    if (response.status === 202 && response.text.trim() === '' && location) {
      const target = resolveServiceLink(location, baseUrl, context, 'Location') as string
      return getUrl<T>(target, { ...call, phase: 'lookup' }, shape)
    }
    return checkShape<T>(parseJson(response.text, context), shape, context)
  }

  function urlOf(path: string): string {
    return `${baseUrl}/${path}`
  }

  return {
    get: (path, shape, what, phase = 'lookup') => getUrl(urlOf(path), { path, phase, what }, shape),
    list: (path, shape, what, phase = 'lookup') => list({ path, phase, what }, shape),
    create: (path, body, shape, what) =>
      write('POST', { path, phase: 'write', what, body, retry: false }, shape),
    update: (path, body, shape, what, method = 'PUT') =>
      write(method, { path, phase: 'write', what, body, retry: true }, shape),
    async remove(path, what) {
      const { request, response } = await exchange('DELETE', urlOf(path), 'write', true)
      if (!isSuccess(response.status)) throw httpError(request, response, what)
    }
  }
}

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300
}

/**
 * The body's own etag, verbatim with its quotes (§2.7); `*` when it has none. Sent on every PUT,
 * including packages and variants whose swagger declares no If-Match: the service ignores it there.
 */
function etagOf(body: unknown): string {
  const etag =
    typeof body === 'object' && body !== null
      ? (body as Record<string, unknown>)['@odata.etag']
      : undefined
  return typeof etag === 'string' && etag !== '' ? etag : '*'
}
