/**
 * `$schema` URIs (`https://schema.mp.microsoft.com/schema/<type>/<version>`) and the order of their
 * versions (product-ingestion.md §3.3–§3.4).
 */

export const SCHEMA_HOST = 'https://schema.mp.microsoft.com'
/** Retired in 2024–25: the service answers 400 "Schema … could not be accessed" (§3.3). */
export const LEGACY_SCHEMA_HOST = 'https://product-ingestion.azureedge.net'

export interface SchemaUri {
  host: 'current' | 'legacy'
  type: string
  version: string
}

const SCHEMA_URI =
  /^(https:\/\/schema\.mp\.microsoft\.com|https:\/\/product-ingestion\.azureedge\.net)\/schema\/([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\/(\d{4}-\d{2}-\d{2}(?:-preview\d+)?)$/
const VERSION = /^(\d{4}-\d{2}-\d{2})(?:-preview(\d+))?$/

/** undefined when the value is not a schema URI on either host. */
export function parseSchemaUri(value: unknown): SchemaUri | undefined {
  if (typeof value !== 'string') return undefined
  const match = SCHEMA_URI.exec(value)
  if (!match) return undefined
  const host = match[1] === SCHEMA_HOST ? 'current' : 'legacy'
  return { host, type: match[2], version: match[3] }
}

export function schemaUri(type: string, version: string, host = SCHEMA_HOST): string {
  return `${host}/schema/${type}/${version}`
}

export const isVersion = (value: string): boolean => VERSION.test(value)

/**
 * Orders `2022-03-01-preview2` < `2022-03-01-preview7` < `2022-07-01`: by date, and a version
 * without `-previewN` after the previews of its date. Negative, zero or positive like sort().
 */
export function compareVersions(a: string, b: string): number {
  const [, dateA, previewA] = VERSION.exec(a) ?? []
  const [, dateB, previewB] = VERSION.exec(b) ?? []
  if (dateA !== dateB) return dateA < dateB ? -1 : 1
  const rank = (preview?: string): number =>
    preview === undefined ? Number.MAX_SAFE_INTEGER : Number(preview)
  return Math.sign(rank(previewA) - rank(previewB))
}

/** The newest of `versions` at or below `ceiling`; undefined when all are above it. */
export function newestAtOrBelow(versions: readonly string[], ceiling: string): string | undefined {
  return [...versions]
    .filter(v => compareVersions(v, ceiling) <= 0)
    .sort(compareVersions)
    .pop()
}
