/**
 * One offer's diff: for every resource the manifest describes, the resource as it should be
 * (what Partner Center holds, with the manifest's fields laid over it) compared with what the
 * tree holds. Only the resources that differ are written, in one configure request; resources the
 * manifest does not describe are never sent.
 */
import type { SourceRef } from '../../errors.js'
import type { ProductIngestionOfferSpec } from '../../manifest/model-product-ingestion.js'
import { writeSchema, type WrittenType } from '../../product-ingestion/schema.js'
import type { Resource, ResourceRef } from '../../product-ingestion/types.js'
import { changedFields, writable } from './compare.js'
import type { ResourceIndex } from './resource-index.js'

/** A resource this run writes (or, in a dry run, would write). */
export interface PlannedWrite {
  /** As sent: `$schema` on the current host, read-only fields dropped. */
  resource: Resource
  /** As read; absent when the resource is created. */
  before?: Resource
  /** How a job error names it: its durable id, or the `resourceName` it is created with. */
  ref: ResourceRef
  /** For the log and summary: `offer listing`, `plan starter price and availability`. */
  subject: string
  /** The top-level fields that change (empty for a created resource). */
  fields: string[]
  /** Where the manifest states it: job errors about it are annotated there. */
  source: SourceRef
}

/** What the resource builders share: the offer, the tree it is compared with, its references. */
export interface WriteContext {
  offer: ProductIngestionOfferSpec
  tree: ResourceIndex
  /** `product/<pg>`, or `{resourceName}` while the product is created in the same request. */
  product: ResourceRef
  /** The offer type's product type and listing kind (`softwareAsAService`, `azureSaaS`). */
  productType: string
  kind: string
  /** Collects the subjects that already hold what the manifest states (what `unchanged` compared). */
  held: string[]
}

export const PRODUCT_TYPES = {
  saas: { productType: 'softwareAsAService', kind: 'azureSaaS' },
  'azure-virtual-machine': { productType: 'azureVirtualMachine', kind: 'azureVM' },
  'azure-container': { productType: 'azureContainer', kind: 'azureContainer' }
} as const

/**
 * The write that turns `current` into `fields` laid over it (a new resource with `name` when there
 * is no current one); undefined when nothing changes, and then the subject goes into `held`.
 */
export function planWrite(
  type: WrittenType,
  current: Resource | undefined,
  fields: Record<string, unknown>,
  what: { subject: string; source: SourceRef; name: string },
  held?: string[]
): PlannedWrite | undefined {
  const desired: Resource = { ...current, ...fields, $schema: writeSchema(current ?? {}, type) }
  for (const [key, value] of Object.entries(fields)) if (value === undefined) delete desired[key]
  const { subject, source } = what
  if (current?.id) {
    const changed = changedFields(current, desired)
    if (changed.length === 0) {
      held?.push(subject)
      return undefined
    }
    return {
      resource: writable(desired),
      before: current,
      ref: current.id,
      subject,
      fields: changed,
      source
    }
  }
  const ref = { resourceName: what.name }
  return { resource: { ...desired, resourceName: what.name }, ref, subject, fields: [], source }
}

/**
 * A reference for another resource to point at: the durable id of what exists, else the
 * `resourceName` it is being created with in the same request (§3.2).
 */
export function refTo(current: Resource | undefined, write: PlannedWrite | undefined): ResourceRef {
  if (current?.id) return current.id
  if (write) return write.ref
  throw new Error('a resource that neither exists nor is being created cannot be referenced')
}
