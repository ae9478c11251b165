/**
 * `$schema` and `$version` (product-ingestion.md §3.3–§3.5). Every call carries `$version`, a
 * ceiling on the versions the service reads back; every resource written names its type and
 * version on the current host, `schema.mp.microsoft.com` (the old host answers 400 since 2025).
 * Replies may name either host, so only the `<type>/<version>` tail is ever compared.
 */

export const SCHEMA_HOST = 'https://schema.mp.microsoft.com'

/**
 * Sent as `$version` on every call, and the version of the configure envelope. The newest
 * version the docs and cloudpub use; every resource version below is at or under it, as the
 * service requires of a configure body (§3.4).
 */
export const API_VERSION = '2022-07-01'

/**
 * The version each resource type is created in: the newest the evidence names (§3.5), with the
 * listing kinds of SaaS (preview3) and containers (preview5). A resource read back is written in
 * the version it was read in, so its fields always fit its schema. Submissions are always written
 * as preview2: a read returns preview7, which requires `sources` (§9.13).
 */
export const WRITE_VERSIONS = {
  product: '2022-07-01',
  plan: '2022-07-01',
  listing: '2022-03-01-preview5',
  'listing-asset': '2022-03-01-preview5',
  'plan-listing': '2022-03-01-preview5',
  property: '2022-03-01-preview5',
  'commercial-marketplace-setup': '2022-03-01-preview2',
  'software-as-a-service-technical-configuration': '2022-03-01-preview3',
  'price-and-availability-offer': '2022-03-01-preview3',
  'price-and-availability-plan': '2022-03-01-preview4',
  'virtual-machine-plan-technical-configuration': '2022-03-01-preview5',
  'container-plan-technical-configuration': '2022-03-01-preview3',
  submission: '2022-03-01-preview2'
} as const

export type WrittenType = keyof typeof WRITE_VERSIONS

const SCHEMA_URI = /^https:\/\/[^/]+\/schema\/([a-z][a-z0-9-]*)\/([0-9a-z-]+)$/

export function schemaUri(type: string, version: string): string {
  return `${SCHEMA_HOST}/schema/${type}/${version}`
}

/** `<type>/<version>` of a `$schema` on either host; undefined when it is not one. */
export function schemaTail(value: unknown): { type: string; version: string } | undefined {
  const match = typeof value === 'string' ? SCHEMA_URI.exec(value) : null
  return match ? { type: match[1], version: match[2] } : undefined
}

/** The resource type a resource's `$schema` names ('' when it names none). */
export function typeOf(resource: { $schema?: unknown }): string {
  return schemaTail(resource.$schema)?.type ?? ''
}

/** The `$schema` to write a resource with: its own version (as read), on the current host. */
export function writeSchema(resource: { $schema?: unknown }, type: WrittenType): string {
  return schemaUri(type, schemaTail(resource.$schema)?.version ?? WRITE_VERSIONS[type])
}
