/**
 * Resolves links the service sends: a collection's `nextLink`, or the `Location` of a 202. The
 * service sends `nextLink` host-relative with no leading slash (`v1.0/ingestion/products?$skipToken=…`,
 * ingestion-v1.md §2.4); a leading slash and an absolute URL (as in `Location`) are accepted too.
 */
import { PublishError } from '../errors.js'
import { redactUrl } from '../http/redact.js'

const API_ROOT = /\/v1\.0\/ingestion(?:\/|$)/i

/**
 * The link as an absolute URL, `undefined` when there is none (the last page). A link to another
 * origin is refused: the bearer token must never go to a host the caller did not configure.
 * `name` ('nextLink', 'Location') is for messages.
 */
export function resolveServiceLink(
  link: unknown,
  baseUrl: string,
  where: { method: string; path: string },
  name = 'nextLink'
): string | undefined {
  if (link === undefined || link === null || link === '') return undefined
  if (typeof link !== 'string') {
    throw new PublishError(
      'HTTP_BAD_REPLY',
      `The service sent a ${name} that is not a string (${typeof link}).`,
      where
    )
  }
  const base = new URL(baseUrl)
  let next: URL
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('//')) next = new URL(link, base)
    else if (link.startsWith('/')) next = new URL(link, base.origin)
    else next = new URL(link, `${base.origin}${rootOf(base.pathname, link)}`)
  } catch {
    throw new PublishError(
      'HTTP_BAD_REPLY',
      `The service sent a ${name} that is not a valid URL.`,
      where
    )
  }
  if (next.origin !== base.origin) {
    throw new PublishError(
      'HTTP_BAD_REPLY',
      `The service sent a ${name} to another host (${redactUrl(next.href)}); refusing to send the access token there.`,
      where
    )
  }
  return next.href
}

/**
 * The folder a host-relative link is resolved against. `v1.0/ingestion/…` links go under the
 * part of the base path before `/v1.0/ingestion` (empty for the real service, a proxy prefix
 * otherwise); any other relative link goes under the base URL itself.
 */
function rootOf(basePath: string, link: string): string {
  const path = basePath.endsWith('/') ? basePath : `${basePath}/`
  if (!/^v1\.0\/ingestion(?:[/?]|$)/i.test(link)) return path
  const at = path.search(API_ROOT)
  return at >= 0 ? `${path.slice(0, at)}/` : '/'
}
