/** What every resource module shares: the store, the context, lookups and reply builders. */
import type { ApiContext, ApiReply, ApiRequest } from './contract.js'
import { ApiError, notFound } from './errors.js'
import { newEtag } from './ids.js'
import type { Json, ProductRecord, Store } from './store.js'

export interface Model {
  store: Store
  context: ApiContext
}

export function findProduct(model: Model, productId: string): ProductRecord {
  const wanted = productId.toLowerCase()
  const record = model.store.products.find(p => p.productId.toLowerCase() === wanted)
  if (!record) throw notFound('Product', productId)
  return record
}

export const sameId = (a: unknown, b: string): boolean =>
  typeof a === 'string' && a.toLowerCase() === b.toLowerCase()

/** A realistic duration in seconds, shortened by `config.speed`, in ms. */
export const simulatedMs = (context: ApiContext, seconds: number): number =>
  (seconds * 1000) / context.config.speed

export const etagNow = (model: Model): string => newEtag(model.context.now())

/**
 * Rejects a stale `If-Match`. `*` always matches. Without If-Match the write is accepted: what the
 * real service does then is unknown (ingestion-v1.md §2.7; [GA] sends none on configurations).
 */
export function checkIfMatch(model: Model, request: ApiRequest, current: Json): void {
  const ifMatch = request.headers['if-match']?.trim()
  if (!ifMatch || ifMatch === '*') return
  // The `etag-stale` fault: another writer changed the resource between the client's GET and this
  // write. Only the refusal is emulated (the resource keeps its etag), so a re-read and a retry
  // succeed, as they would once the other writer is done.
  const stale = ifMatch !== current['@odata.etag'] || model.context.faults.take('etag-stale')
  if (!stale) return
  throw new ApiError(
    model.context.config.etagMismatch,
    'The resource has been modified since it was read (If-Match does not match the etag).',
    { 'If-Match': ['The etag does not match the current version of the resource.'] }
  )
}

/** The body of a write: the spec validator has checked it is an object, as every body schema is. */
export const bodyObject = (request: ApiRequest): Json => request.body as Json

export const productPath = (model: Model, productId: string, rest = ''): string =>
  `${model.context.origin()}/v1.0/ingestion/products/${productId}${rest}`

export const ok = (body: Json): ApiReply => ({ status: 200, body })

/**
 * POST/PUT replies carrying a resource send its etag as the `ETag` header too (§2.2). GETs of a
 * single resource are not recorded; they send none here.
 */
export const okWithEtag = (body: Json): ApiReply => ({
  status: 200,
  body,
  headers: { ETag: String(body['@odata.etag']) }
})

export function created(location: string, body: Json): ApiReply {
  const headers: Record<string, string> = { Location: location }
  if (typeof body['@odata.etag'] === 'string') headers.ETag = body['@odata.etag']
  return { status: 201, body, headers }
}

export const noContent = (): ApiReply => ({ status: 204 })

export const collection = (value: unknown[]): ApiReply => ({ status: 200, body: { value } })
