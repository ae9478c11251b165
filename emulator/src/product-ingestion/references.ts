/**
 * A configure job while it is processed, and how its resources find each other: by durable id
 * (`"product/<pg>"`), by `{externalId}` (products, plans) or by `{resourceName}` (another
 * resource of the same request, §3.2). A reference that does not resolve refuses the resource
 * with `resourceNotFound`.
 */
import type { PiContext } from './context.js'
import { refOf, refuse, type JobError } from './errors.js'
import { parseSchemaUri } from './schema-uri.js'
import type { JobRecord, Json, PiStore, ProductRecord } from './store.js'

export type Outcome = NonNullable<JobRecord['outcome']>

export interface JobRun {
  store: PiStore
  context: PiContext
  job: JobRecord
  /** The job's own clock: its `processAt`, whenever it is settled. */
  at: number
  errors: JobError[]
  /** What each `resourceName` of the request became. */
  names: Map<string, { type: string; id: string; product: ProductRecord }>
  /** Durable ids the job wrote, per product guid: the resources of a modular publish. */
  written: Map<string, Set<string>>
  publishes?: Outcome['publishes']
}

export const typeOf = (resource: Json): string => parseSchemaUri(resource.$schema)?.type ?? ''

export function findProduct(run: JobRun, ref: unknown, from: Json): ProductRecord {
  const { store, names } = run
  const record =
    typeof ref === 'string'
      ? store.products.find(p => `product/${p.guid}` === ref.toLowerCase())
      : isRef(ref, 'externalId')
        ? store.products.find(p => p.externalId === ref.externalId)
        : isRef(ref, 'resourceName')
          ? names.get(ref.resourceName)?.product
          : undefined
  if (!record)
    refuse(refOf(from), 'resourceNotFound', `The product ${JSON.stringify(ref)} was not found.`)
  return record
}

/** The durable id of a `type` resource of `product` that `ref` names (plans also by external id). */
export function findInDraft(
  run: JobRun,
  product: ProductRecord,
  type: string,
  ref: unknown,
  from: Json
): string {
  let id: string | undefined
  if (typeof ref === 'string') {
    id = ref.toLowerCase()
  } else if (isRef(ref, 'resourceName')) {
    const named = run.names.get(ref.resourceName)
    id = named?.type === type && named.product === product ? named.id : undefined
  } else if (isRef(ref, 'externalId') && type === 'plan') {
    id = Object.values(product.draft).find(
      r => typeOf(r) === 'plan' && (r.identity as Json).externalId === ref.externalId
    )?.id as string | undefined
  }
  if (!id || !product.draft[id] || typeOf(product.draft[id]) !== type)
    refuse(refOf(from), 'resourceNotFound', `The ${type} ${JSON.stringify(ref)} was not found.`)
  return id
}

function isRef<K extends string>(value: unknown, key: K): value is Record<K, string> {
  return typeof value === 'object' && value !== null && typeof (value as Json)[key] === 'string'
}
