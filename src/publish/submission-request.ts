/**
 * The submission creation request (ingestion-v1.md §4.1). Azure Applications list every
 * offer-level module draft plus ResellerConfiguration, and every plan's Availability, Listing and
 * Package drafts (a submission publishes the whole offer, including plans the manifest does not
 * name). Business Central lists Package, and Property when the app version changed.
 */
import type { Module, SubmissionCreationRequest, TypeValuePair } from '../ingestion/types.js'
import type { OfferSpec } from '../manifest/model.js'
import type { Drafts } from './drafts.js'

export const AZURE_OFFER_MODULES: readonly Module[] = [
  'Availability',
  'Listing',
  'Package',
  'Property',
  'ResellerConfiguration'
]
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
    // Without a ResellerConfiguration branch the instance is `{productId}-ResellerInstance` [PCC].
    const offerDrafts = { ResellerConfiguration: `${productId}-ResellerInstance`, ...drafts.offer }
    request.resources = pairs(offerDrafts, AZURE_OFFER_MODULES)
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
