/**
 * What `POST /submissions` checks. Draft ids that are not the product's current drafts are
 * rejected at once (400); incomplete Azure Application submissions are accepted and then fail
 * validation, as the service did with Resell-20007 (azure-docs#93203, ingestion-v1.md §4.1). With
 * `submissionChecks: 'strict'` incomplete modules fail validation too (submission-completeness.ts).
 */
import { badRequest, validationItem } from './errors.js'
import { completenessItems } from './submission-completeness.js'
import { sameId } from './model.js'
import { currentDraft, resellerInstanceId } from './drafts.js'
import { MODULES, type Json, type Module, type ProductRecord } from './store.js'
import { uploadState } from './uploads.js'

const PLAN_MODULES: Module[] = ['Listing', 'Package', 'Availability']

/** `Resell-20007 ResellerConfiguration module is missing..` is real; the other codes follow it. */
function missingModule(module: Module, plan = ''): Json {
  const resource = module === 'ResellerConfiguration' ? 'Resell' : module
  return validationItem(`${resource}-20007`, resource, `${module} module${plan} is missing..`)
}

interface ResourceRef {
  type: Module
  value: string
}

/** The validator has checked the arrays; their items may lack a type or a value. */
function refs(list: unknown, field: string): ResourceRef[] {
  return ((list ?? []) as Json[]).map(r => {
    if (typeof r?.type !== 'string' || typeof r.value !== 'string') {
      throw badRequest(field, `Each of ${field} needs a type and a value.`)
    }
    const module = MODULES.find(m => m.toLowerCase() === String(r.type).toLowerCase())
    if (!module) throw badRequest(field, `Module ${String(r.type)} is not supported.`)
    return { type: module, value: r.value }
  })
}

/** Each draft id must be the current draft of its module (offer-level, or of the given plan). */
function checkDraft(
  record: ProductRecord,
  ref: ResourceRef,
  variantID: string | undefined,
  field: string
): void {
  const draft = currentDraft(record, ref.type, variantID)
  const isCurrent =
    draft !== undefined &&
    (sameId(draft.instanceID, ref.value) ||
      // [PCC] always sends the literal reseller instance id (ingestion-v1.md §3.8).
      (ref.type === 'ResellerConfiguration' &&
        sameId(resellerInstanceId(record.productId), ref.value)))
  if (!isCurrent) {
    throw badRequest(field, `${ref.value} is not the current draft instance of module ${ref.type}.`)
  }
}

export interface CheckedRequest {
  resources: ResourceRef[]
  variantResources: { variantID: string; resources: ResourceRef[] }[]
  validationItems: Json[]
}

export function checkSubmissionRequest(
  record: ProductRecord,
  body: Json,
  now: number,
  strict: boolean
): CheckedRequest {
  const resources = refs(body.resources, 'Resources')
  resources.forEach(r => checkDraft(record, r, undefined, 'Resources'))
  const variantResources = ((body.variantResources as Json[] | undefined) ?? []).map(v => {
    const variantID = String(v?.variantID ?? '')
    if (!record.variants.some(x => sameId(x.body.id, variantID))) {
      throw badRequest('VariantResources', `Variant ${variantID} does not exist in this product.`)
    }
    const list = refs(v.resources, 'VariantResources')
    list.forEach(r => checkDraft(record, r, variantID, 'VariantResources'))
    return { variantID, resources: list }
  })
  if (resources.length === 0 && variantResources.length === 0) {
    throw badRequest('Resources', 'A submission needs at least one resource.')
  }
  return {
    resources,
    variantResources,
    validationItems: [
      ...validationItems(record, resources, variantResources, now),
      ...(strict ? completenessItems(record) : [])
    ]
  }
}

function validationItems(
  record: ProductRecord,
  resources: ResourceRef[],
  variantResources: CheckedRequest['variantResources'],
  now: number
): Json[] {
  const items: Json[] = []
  if (record.resourceType === 'AzureApplication') {
    for (const module of MODULES) {
      if (!resources.some(r => r.type === module)) items.push(missingModule(module))
    }
    for (const variant of record.variants) {
      const planId = String(variant.body.externalID)
      const submitted = variantResources.find(v => sameId(v.variantID, String(variant.body.id)))
      for (const module of PLAN_MODULES) {
        const hasDraft = record.drafts.some(
          d => d.module === module && d.variantID === variant.body.id
        )
        if (hasDraft && !submitted?.resources.some(r => r.type === module))
          items.push(missingModule(module, ` of plan ${planId}`))
      }
    }
  }
  // Every submitted package configuration must reference a Processed package (code inferred).
  const submittedPackageDrafts = [
    ...resources.filter(r => r.type === 'Package').map(r => r.value),
    ...variantResources.flatMap(v =>
      v.resources.filter(r => r.type === 'Package').map(r => r.value)
    )
  ]
  for (const config of record.resources) {
    if (config.kind !== 'packageConfiguration') continue
    if (!submittedPackageDrafts.some(id => sameId(id, config.instanceID))) continue
    if (!Array.isArray(config.body.packageReferences)) continue
    const references = config.body.packageReferences as Json[]
    const processed = references.some(ref =>
      record.packages.some(p => p.body.id === ref.value && uploadState(p, now) === 'Processed')
    )
    if (!processed) {
      items.push(
        validationItem(
          'Package-20010',
          'Package',
          `Package configuration ${String(config.body.id)} does not reference a processed package.`
        )
      )
    }
  }
  return items
}
