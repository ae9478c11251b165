/**
 * The submission creation request (ingestion-v1.md §4.1). Azure Applications list every
 * offer-level module draft plus ResellerConfiguration, and every plan's Availability, Listing and
 * Package drafts (a submission publishes the whole offer, including plans the manifest does not
 * name). Business Central lists Package, and Property when the app version changed.
 */
import type { Module, SubmissionCreationRequest, TypeValuePair } from '../ingestion/types.js'
import type { OfferSpec } from '../manifest/model.js'
import type { Drafts } from './drafts.js'

/** The offer-level branches read for an Azure Application's submission. */
export const AZURE_OFFER_MODULES: readonly Module[] = [
  'Availability',
  'Listing',
  'Package',
  'Property'
]
/**
 * The reseller configuration's draft instance, named rather than read from its branch: Microsoft's
 * partnercenter CLI [PCC] submits this literal on every publish, which saves a request; [PCX] reads
 * `getByModule(module=ResellerConfiguration)` instead. Leaving it out fails validation with
 * Resell-20007 (ingestion-v1.md §3.8, §4.1).
 */
const resellerInstance = (productId: string): string => `${productId}-ResellerInstance`
export const AZURE_PLAN_MODULES: readonly Module[] = ['Availability', 'Listing', 'Package']
export const BC_MODULES: readonly Module[] = ['Listing', 'Package', 'Property']

export function buildSubmissionRequest(
  offer: OfferSpec,
  productId: string,
  drafts: Drafts,
  propertyChanged: boolean
): SubmissionCreationRequest {
  const request: SubmissionCreationRequest = {
    resourceType: 'SubmissionCreationRequest',
    targets: [{ type: 'Scope', value: 'preview' }],
    resources: []
  }
  if (offer.type === 'business-central') {
    request.resources = pairs(drafts.offer, propertyChanged ? ['Package', 'Property'] : ['Package'])
  } else {
    request.resources = [
      ...pairs(drafts.offer, AZURE_OFFER_MODULES),
      { type: 'ResellerConfiguration', value: resellerInstance(productId) }
    ]
    request.variantResources = [...drafts.plans].map(([variantID, ids]) => ({
      variantID,
      resources: pairs(ids, AZURE_PLAN_MODULES)
    }))
  }
  if (offer.certificationNotes)
    request.publishOption = { certificationNotes: offer.certificationNotes }
  return request
}

function pairs(ids: Partial<Record<Module, string>>, modules: readonly Module[]): TypeValuePair[] {
  return modules.flatMap(m => (ids[m] ? [{ type: m, value: ids[m] }] : []))
}
