/**
 * Resources that live in a draft instance: listings, package configurations, properties and
 * availabilities. Each is read by instance (`…/getByInstanceID(instanceID=…)` → `{value:[…]}`),
 * read by id, and replaced whole by PUT (ingestion-v1.md §3.4, §3.7, §3.8).
 */
import type { ApiRequest, Operations } from './contract.js'
import { badRequest, conflict, notFound } from './errors.js'
import {
  bodyObject,
  checkIfMatch,
  collection,
  etagNow,
  findProduct,
  ok,
  okWithEtag,
  sameId,
  type Model
} from './model.js'
import type { InstanceKind, InstanceResource, Json, ProductRecord } from './store.js'

export interface InstanceResourceSpec {
  kind: InstanceKind
  /** Name in error messages, e.g. `Listing`. */
  label: string
  /** Path segment of `getByInstanceID`, e.g. `packageConfigurations`. */
  byInstanceSegment: string
  /** Path segment of the item routes, e.g. `packageconfigurations`. */
  itemSegment: string
  /** Name of the id parameter in the spec's template, e.g. `packageConfigurationID`. */
  idParam: string
  /** Stored properties a PUT cannot remove (besides `resourceType` and `id`). */
  keep?: string[]
  /** Checks a PUT body against the product (throws ApiError). */
  validate?(record: ProductRecord, body: Json): void
  /** Reply shape for a read; defaults to the stored object. */
  view?(body: Json, request: ApiRequest): Json
}

export function findInstanceResource(
  record: ProductRecord,
  kind: InstanceKind,
  id: string,
  label: string
): InstanceResource {
  const resource = record.resources.find(r => r.kind === kind && sameId(r.body.id, id))
  if (!resource) throw notFound(label, id)
  return resource
}

/** A resource kept by a submission (drafts.ts rotateDrafts) is what was submitted: never changed. */
export function checkWritable(resource: InstanceResource, label: string): void {
  if (resource.submissionId === undefined) return
  // The status and wording are not in the evidence; 409 is the API's "not in this state".
  throw conflict(
    label,
    `${label} ${String(resource.body.id)} belongs to submission ${resource.submissionId} and cannot be changed; read the current draft instance from the branches.`
  )
}

/**
 * PUT replaces the whole object: properties left out disappear, `id` and the `keep` ones survive
 * (recorded for listings: `languageCode`, catalogue §8), and the etag is new.
 */
export function replaceBody(model: Model, current: Json, input: Json, keep: string[]): Json {
  const next: Json = { resourceType: current.resourceType }
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'id' && key !== '@odata.etag' && key !== 'resourceType') next[key] = value
  }
  for (const key of keep) if (key in current) next[key] = current[key]
  return { ...next, '@odata.etag': etagNow(model), id: current.id }
}

export function instanceResourceOperations(model: Model, spec: InstanceResourceSpec): Operations {
  const view = (body: Json, request: ApiRequest): Json =>
    spec.view ? spec.view(body, request) : body
  const itemPattern = `/products/{productID}/${spec.itemSegment}/{${spec.idParam}}`
  /** The product and the resource an item route names. */
  const item = (request: ApiRequest): { record: ProductRecord; resource: InstanceResource } => {
    const record = findProduct(model, request.params.productID)
    const id = request.params[spec.idParam]
    return { record, resource: findInstanceResource(record, spec.kind, id, spec.label) }
  }
  return {
    [`GET /products/{productID}/${spec.byInstanceSegment}/getByInstanceID(instanceID={instanceID})`]:
      request => {
        const record = findProduct(model, request.params.productID)
        const instanceID = request.params.instanceID
        return collection(
          record.resources
            .filter(r => r.kind === spec.kind && sameId(r.instanceID, instanceID))
            .map(r => view(r.body, request))
        )
      },
    [`GET ${itemPattern}`]: request => ok(view(item(request).resource.body, request)),
    [`PUT ${itemPattern}`]: request => {
      const { record, resource } = item(request)
      checkWritable(resource, spec.label)
      checkIfMatch(model, request, resource.body)
      const input = bodyObject(request)
      if (
        typeof input.resourceType === 'string' &&
        input.resourceType !== resource.body.resourceType
      ) {
        throw badRequest(
          'resourceType',
          `resourceType ${input.resourceType} does not match ${String(resource.body.resourceType)}.`
        )
      }
      spec.validate?.(record, input)
      resource.body = replaceBody(model, resource.body, input, spec.keep ?? [])
      return okWithEtag(view(resource.body, request))
    }
  }
}
