/**
 * Modules, branches and draft instances (ingestion-v1.md §3.2): each module has one offer-level
 * branch (no `variantID`) and, for Listing, Package and Availability, one per plan. A branch points
 * at a draft instance that holds the module's resources.
 */
import type { Operations } from './contract.js'
import { ApiError } from './errors.js'
import { newResourceId } from './ids.js'
import { collection, etagNow, findProduct, sameId, type Model } from './model.js'
import * as defaults from './resource-defaults.js'
import {
  MODULES,
  type Draft,
  type InstanceKind,
  type InstanceResource,
  type Json,
  type Module,
  type ProductRecord
} from './store.js'

/** [PCC] names the reseller draft `{productId}-ResellerInstance`; used as its first instance id. */
export const resellerInstanceId = (productId: string): string => `${productId}-ResellerInstance`

export function addResource(
  model: Model,
  record: ProductRecord,
  kind: InstanceKind,
  instanceID: string,
  body: Json
): Json {
  const stored = { ...body, '@odata.etag': etagNow(model), id: newResourceId() }
  record.resources.push({ kind, instanceID, body: stored })
  return stored
}

function addDraft(record: ProductRecord, module: Module, variantID?: string): string {
  const instanceID =
    module === 'ResellerConfiguration' ? resellerInstanceId(record.productId) : newResourceId()
  record.drafts.push(
    variantID === undefined ? { module, instanceID } : { module, variantID, instanceID }
  )
  return instanceID
}

export function createOfferDrafts(
  model: Model,
  record: ProductRecord,
  options: { packageType?: string; appVersion?: string }
): void {
  const name = String(record.product.name ?? '')
  addResource(model, record, 'listing', addDraft(record, 'Listing'), defaults.newListing(name))
  addResource(
    model,
    record,
    'packageConfiguration',
    addDraft(record, 'Package'),
    defaults.newOfferPackageConfiguration(record.resourceType, options.packageType)
  )
  addResource(
    model,
    record,
    'property',
    addDraft(record, 'Property'),
    defaults.newProperty(options.appVersion)
  )
  addResource(
    model,
    record,
    'productAvailability',
    addDraft(record, 'Availability'),
    defaults.newProductAvailability()
  )
  // Reseller configuration exists for Azure Application offers only (ingestion-v1.md §4.1).
  if (record.resourceType === 'AzureApplication') addDraft(record, 'ResellerConfiguration')
}

export function createPlanDrafts(model: Model, record: ProductRecord, variant: Json): void {
  const variantID = String(variant.id)
  const title = String(variant.friendlyName ?? '')
  addResource(
    model,
    record,
    'listing',
    addDraft(record, 'Listing', variantID),
    defaults.newListing(title)
  )
  const subType = variant.subType
  if (subType === 'solution-template' || subType === 'managed-application') {
    addResource(
      model,
      record,
      'packageConfiguration',
      addDraft(record, 'Package', variantID),
      defaults.newPlanPackageConfiguration(subType)
    )
  }
  addResource(
    model,
    record,
    'featureAvailability',
    addDraft(record, 'Availability', variantID),
    defaults.newFeatureAvailability()
  )
}

/** The resources of `kind` in the module's current draft. */
export function draftResources(
  record: ProductRecord,
  kind: InstanceKind,
  module: Module,
  variantID?: string
): Json[] {
  const instanceID = currentDraft(record, module, variantID)?.instanceID
  return record.resources
    .filter(r => r.kind === kind && r.instanceID === instanceID)
    .map(r => r.body)
}

export function removePlanDrafts(record: ProductRecord, variantID: string): void {
  const gone = new Set(record.drafts.filter(d => d.variantID === variantID).map(d => d.instanceID))
  record.drafts = record.drafts.filter(d => d.variantID !== variantID)
  record.resources = record.resources.filter(r => !gone.has(r.instanceID))
}

/** The module's draft: offer level without `variantID`, else the plan's. */
export function currentDraft(
  record: ProductRecord,
  module: Module,
  variantID?: string
): Draft | undefined {
  return record.drafts.find(
    d =>
      d.module === module &&
      (variantID === undefined
        ? d.variantID === undefined
        : d.variantID !== undefined && sameId(d.variantID, variantID))
  )
}

/**
 * After a submission (config.rotateDraftInstances): every draft gets a new instance id, which the
 * real service may do (ingestion-v1.md §3.2: unknown), so clients must re-read branches. The draft's
 * resources move to the new instance with their ids and contents unchanged.
 *
 * What becomes of the old instance ids the submission lists is not in the evidence either. With
 * `keepSubmitted` (config.keepSubmittedInstances, the default) each keeps a read-only copy of what
 * was submitted, under new resource ids: a submission whose resources could not be read would be
 * unlike anything the service shows in Partner Center, and the notes' "the service copies drafts"
 * (§4.2, `areResourcesReady`) points the same way. Without it the old ids stop resolving, the
 * harshest reading, kept for clients that must not depend on reading a submission's content.
 * The reseller draft keeps answering to `{productId}-ResellerInstance` (see submission-checks).
 */
export function rotateDrafts(
  record: ProductRecord,
  submission: { id: string; instanceIDs: readonly string[]; keepSubmitted: boolean }
): void {
  for (const draft of record.drafts) {
    const next = newResourceId()
    const kept =
      submission.keepSubmitted && submission.instanceIDs.some(id => sameId(id, draft.instanceID))
    // Taken before the copies are added: they hold the old instance id too.
    const held = record.resources.filter(r => r.instanceID === draft.instanceID)
    for (const resource of held) {
      if (kept) keepCopy(record, resource, submission.id)
      resource.instanceID = next
    }
    draft.instanceID = next
  }
}

/** A read-only copy under the resource's (old) instance id; a listing's images come with it. */
function keepCopy(record: ProductRecord, resource: InstanceResource, submissionId: string): void {
  const id = newResourceId()
  record.resources.push({
    kind: resource.kind,
    instanceID: resource.instanceID,
    body: { ...resource.body, id },
    submissionId
  })
  if (resource.kind !== 'listing') return
  for (const image of record.images.filter(i => sameId(i.listingId, String(resource.body.id)))) {
    record.images.push({ ...image, listingId: id, body: { ...image.body, id: newResourceId() } })
  }
}

export function parseModule(text: string): Module {
  const module = MODULES.find(m => m.toLowerCase() === text.toLowerCase())
  if (!module) {
    throw new ApiError(400, `Module "${text}" is not supported.`, {
      module: [`The value '${text}' is not valid. Known modules: ${MODULES.join(', ')}.`]
    })
  }
  return module
}

function branchView(draft: Draft): Json {
  const branch: Json = {
    resourceType: 'Branch',
    friendlyName: 'Main',
    type: 'Main',
    module: draft.module,
    currentDraftInstanceID: draft.instanceID
  }
  if (draft.variantID !== undefined) branch.variantID = draft.variantID
  return branch
}

/**
 * Modules the spec names that the emulator gives no branches: co-sell and supplemental content
 * are not modelled, so their branches are an empty list rather than an unknown module (inferred).
 */
const BRANCHLESS_MODULES = ['Cosell', 'SupplementalContent']

export function branchOperations(model: Model): Operations {
  return {
    'GET /products/{productID}/branches/getByModule(module={module})': request => {
      const record = findProduct(model, request.params.productID)
      const name = request.params.module
      if (BRANCHLESS_MODULES.some(m => m.toLowerCase() === name.toLowerCase()))
        return collection([])
      const module = parseModule(name)
      return collection(record.drafts.filter(d => d.module === module).map(branchView))
    }
  }
}
