/**
 * Working with an upload URL (SAS) without rebuilding it. The URL is used exactly as the service
 * issued it: never parsed into account, container and blob names and never re-assembled from a
 * host name, because the hosts change (blob.core.windows.net, then Azure Front Door hosts since
 * 2026-08) and rebuilding them broke real clients (ALOps#1010, navcontainerhelper#4191).
 */

/** The issued URL with `params` (already encoded) appended to its query string as is. */
export function withQuery(sasUrl: string, params: string): string {
  if (!sasUrl.includes('?')) return `${sasUrl}?${params}`
  const separator = sasUrl.endsWith('?') || sasUrl.endsWith('&') ? '' : '&'
  return `${sasUrl}${separator}${params}`
}

/** The raw (still percent-encoded) value of the SAS `sig` parameter, if the URL has one. */
export function sasSignature(sasUrl: string): string | undefined {
  const query = sasUrl.split('?')[1]
  if (query === undefined) return undefined
  for (const pair of query.split('&')) {
    const [name, value] = pair.split('=')
    if (name?.toLowerCase() === 'sig' && value) return value
  }
  return undefined
}
