/**
 * Collection paging as recorded (ingestion-v1.md §2.4): `nextLink` (not `@odata.nextLink`) comes
 * before `value`, is host-relative without a leading slash, carries an opaque base64 `$skipToken`
 * and is absent on the last page; an empty `$skipToken=` means the first page.
 */
import type { ApiReply, ApiRequest } from './contract.js'
import { ApiError } from './errors.js'
import type { Model } from './model.js'

/** Shaped like the service's Cosmos continuation: `{"LastId":"…","Source":"DocDB"}`. */
interface SkipToken {
  LastId: string
  Source: 'DocDB'
}

export function encodeSkipToken(lastOrdinal: number): string {
  const token: SkipToken = { LastId: String(lastOrdinal), Source: 'DocDB' }
  return Buffer.from(JSON.stringify(token)).toString('base64')
}

function decodeSkipToken(text: string): number {
  try {
    const token = JSON.parse(Buffer.from(text, 'base64').toString('utf8')) as Partial<SkipToken>
    const last = Number(token.LastId)
    if (token.Source === 'DocDB' && Number.isInteger(last)) return last
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError(400, 'The $skipToken is not valid.', { $skipToken: ['Invalid token.'] })
}

/**
 * One page of `items` (ordered by ordinal). Pages continue after the last ordinal served, so a
 * deleted item shrinks its own page without moving the others, as recorded. `listPath` is the
 * host-relative path of the collection, e.g. `v1.0/ingestion/products`.
 */
export function page<T extends { ordinal: number }>(
  model: Model,
  request: ApiRequest,
  items: T[],
  listPath: string,
  view: (item: T) => unknown
): ApiReply {
  const token = request.query.get('$skipToken') ?? ''
  let remaining = items
  if (token !== '') {
    // A follow-up page once answered 404 on the real service (navcontainerhelper#3151).
    if (model.context.faults.take('nextlink-404')) {
      throw new ApiError(404, 'The continuation page was not found.', {
        $skipToken: ['The continuation token has expired.']
      })
    }
    const after = decodeSkipToken(token)
    remaining = items.filter(item => item.ordinal > after)
  }
  const size = Math.max(1, model.context.config.pageSize)
  const served = remaining.slice(0, size)
  const value = served.map(view)
  if (remaining.length <= size) return { status: 200, body: { value } }
  const nextLink = `${listPath}?$skipToken=${encodeSkipToken(served[served.length - 1].ordinal)}`
  return { status: 200, body: { nextLink, value } }
}
