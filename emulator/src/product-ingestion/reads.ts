/**
 * The read side (product-ingestion.md §4.5–§4.7): resource trees, one resource by durable id
 * (draft only), product and plan queries, submissions. `$version` is a ceiling: each resource
 * comes back in the newest known version of its type at or below it.
 *
 * What reads do that a client must cope with, as the evidence reports of the real service:
 * - resource-tree order is random (cloudpub sorts by id before diffing), so it is shuffled;
 * - a listing asset's `url` comes back on Microsoft's storage with a SAS that changes between
 *   reads (cloudpub 9620a17), so each read mints a new one;
 * - some types come back on the retired schema host (config `legacySchemaHostTypes`).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { PiContext } from './context.js'
import { badRequest, notFound } from './errors.js'
import { ENVELOPE_VERSIONS, RESOURCE_TYPES } from './resource-types.js'
import {
  LEGACY_SCHEMA_HOST,
  newestAtOrBelow,
  parseSchemaUri,
  SCHEMA_HOST,
  schemaUri
} from './schema-uri.js'
import { submissionEntries, view, type Target } from './submissions.js'
import { cloneJson, type Json, type PiStore, type ProductRecord } from './store.js'

export const PRODUCT_INGESTION_PREFIX = '/rp/product-ingestion'

export interface ReadContext {
  store: PiStore
  context: PiContext
  query: URLSearchParams
  /** The `$version` ceiling of the request. */
  version: string
  now: number
  /** Collects the SAS signatures of minted asset URLs (secrets, for GET /_emulator/secrets). */
  signatures: string[]
}

/** The `$schema` of an envelope (configure-status, resource-tree, …) under the request's ceiling. */
export function envelopeSchema(type: string, version: string): string {
  const versions = ENVELOPE_VERSIONS[type]
  return schemaUri(type, newestAtOrBelow(versions, version) ?? versions[0])
}

export function findProduct(store: PiStore, guid: string): ProductRecord {
  const product = store.products.find(p => p.guid === guid.toLowerCase())
  if (!product) throw notFound(`product/${guid}`)
  return product
}

export function resourceTree(r: ReadContext, guid: string): Json {
  const product = findProduct(r.store, guid)
  const target = targetType(r.query)
  const resources = view(product, target, r.now, r.context.config.speed)
  if (!resources) throw notFound(`product/${product.guid} has no ${target} version`)
  const submission = submissionEntries(
    product,
    r.now,
    r.context.config.speed,
    readSchema(r, 'submission', resourceVersion(r, 'submission')),
    target
  )
  const all = [...Object.values(resources).map(resource => readForm(r, resource)), ...submission]
  return {
    $schema: envelopeSchema('resource-tree', r.version),
    root: `product/${product.guid}`,
    target: { targetType: target },
    resources: shuffle(all)
  }
}

/** `GET {durable-id}`: the draft copy only (§4.6). */
export function durableResource(r: ReadContext, id: string): Json {
  const guid = id.split('/')[1] ?? ''
  const product = r.store.products.find(p => p.guid === guid)
  const resource = product?.draft[id]
  if (!resource) throw notFound(id)
  return readForm(r, resource)
}

/** `GET product[?externalId=][&type=]`, paged. */
export function products(r: ReadContext, path: string): Json {
  const externalId = externalIdParam(r.query)
  const type = r.query.get('type')
  const matching = r.store.products
    .filter(p => externalId === undefined || p.externalId === externalId)
    .filter(p => type === null || p.type === type)
    .map(p => readForm(r, p.draft[`product/${p.guid}`]))
  return page(r, matching, path)
}

/** `GET plan?product=product/<pg>[&externalId=]`, paged; `product` is required (§4.7). */
export function plans(r: ReadContext, path: string): Json {
  const ref = r.query.get('product')
  if (!ref) throw badRequest('The product query parameter is required: plan?product=product/<id>.')
  const guid = /^product\/([0-9a-f-]+)$/i.exec(ref)?.[1]
  if (!guid)
    throw badRequest(`The product query parameter must be a product durable id, got ${ref}.`)
  const product = findProduct(r.store, guid)
  const externalId = externalIdParam(r.query)
  const matching = Object.values(product.draft)
    .filter(resource => parseSchemaUri(resource.$schema)?.type === 'plan')
    .filter(plan => externalId === undefined || (plan.identity as Json).externalId === externalId)
    .map(plan => readForm(r, plan))
  return page(r, matching, path)
}

/** `GET submission/<pg>[?targetType=]` or `GET submission/<pg>/<n>`. */
export function submissions(r: ReadContext, guid: string, number?: string): Json {
  const product = findProduct(r.store, guid)
  const filter = r.query.get('targetType') ?? undefined
  if (filter !== undefined) targetType(r.query)
  const schema = readSchema(r, 'submission', resourceVersion(r, 'submission'))
  const entries = submissionEntries(
    product,
    r.now,
    r.context.config.speed,
    schema,
    filter as Target | undefined
  )
  if (number === undefined) return { value: entries }
  const id = `submission/${product.guid}/${number}`
  const entry = submissionEntries(product, r.now, r.context.config.speed, schema).find(
    e => e.id === id
  )
  if (!entry) throw notFound(id)
  return entry
}

function targetType(query: URLSearchParams): Target {
  const target = query.get('targetType') ?? 'draft'
  if (target !== 'draft' && target !== 'preview' && target !== 'live') {
    // Docs samples quote the value (`targetType="preview"`); clients send it bare (§4.5).
    throw badRequest(`targetType must be draft, preview or live, got ${target}.`)
  }
  return target
}

/** Both spellings occur in working clients (§3.2). */
function externalIdParam(query: URLSearchParams): string | undefined {
  return query.get('externalId') ?? query.get('externalID') ?? undefined
}

function resourceVersion(r: ReadContext, type: string): string {
  const versions = RESOURCE_TYPES[type].versions
  return newestAtOrBelow(versions, r.version) ?? versions[0]
}

function readSchema(r: ReadContext, type: string, version: string): string {
  const legacy = r.context.config.legacySchemaHostTypes.includes(type)
  return schemaUri(type, version, legacy ? LEGACY_SCHEMA_HOST : SCHEMA_HOST)
}

/** A stored resource as a read returns it. */
export function readForm(r: ReadContext, resource: Json): Json {
  const parsed = parseSchemaUri(resource.$schema)
  if (!parsed) return cloneJson(resource)
  const versions = RESOURCE_TYPES[parsed.type]?.versions ?? [parsed.version]
  const version = newestAtOrBelow(versions, r.version) ?? parsed.version
  const copy: Json = { ...cloneJson(resource), $schema: readSchema(r, parsed.type, version) }
  if (parsed.type === 'listing-asset' && typeof copy.url === 'string')
    copy.url = storageUrl(r, copy)
  return copy
}

function storageUrl(r: ReadContext, asset: Json): string {
  const folder = createHash('sha256').update(String(asset.id)).digest('hex').slice(0, 32)
  const signature = randomBytes(32).toString('base64')
  r.signatures.push(signature)
  const expiry = new Date(r.now + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')
  const name = encodeURIComponent(String(asset.fileName ?? 'asset'))
  const sas = new URLSearchParams({
    sv: '2018-03-28',
    sr: 'b',
    sig: signature,
    se: expiry,
    sp: 'r'
  })
  return `https://ingestionpackagesprod1.blob.core.windows.net/file/${folder}/${name}?${sas}`
}

/** `{value, @nextLink}`; the link is absolute, carries `continuationToken`, and is absent on the last page (§4.7). */
function page(r: ReadContext, items: Json[], path: string): Json {
  const requested = r.query.get('$maxpagesize')
  const size = requested === null ? r.context.config.pageSize : Number(requested)
  if (!Number.isInteger(size) || size < 1)
    throw badRequest(`$maxpagesize must be a positive integer, got ${requested}.`)
  const token = r.query.get('continuationToken')
  const offset =
    token === null ? 0 : Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^o:/, ''))
  if (!Number.isInteger(offset) || offset < 0)
    throw badRequest('The continuationToken is not valid.')
  const value = items.slice(offset, offset + size)
  if (offset + size >= items.length) return { value }
  const next = new URL(`${r.context.origin()}${PRODUCT_INGESTION_PREFIX}${path}`)
  for (const [name, v] of r.query)
    if (name !== 'continuationToken') next.searchParams.append(name, v)
  next.searchParams.set(
    'continuationToken',
    Buffer.from(`o:${offset + size}`).toString('base64url')
  )
  return { value, '@nextLink': next.toString() }
}

function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[items[i], items[j]] = [items[j], items[i]]
  }
  return items
}
