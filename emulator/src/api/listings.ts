/** Listings (ingestion-v1.md §3.4): one per language in each Listing draft instance. */
import type { Operations } from './contract.js'
import { badRequest, notFound } from './errors.js'
import { bodyObject, created, findProduct, productPath, sameId, type Model } from './model.js'
import { addResource } from './drafts.js'
import { instanceResourceOperations } from './instance-resources.js'
import { newListing } from './resource-defaults.js'

export function listingOperations(model: Model): Operations {
  return {
    ...instanceResourceOperations(model, {
      kind: 'listing',
      label: 'Listing',
      byInstanceSegment: 'listings',
      itemSegment: 'listings',
      idParam: 'listingID',
      keep: ['languageCode']
    }),
    'POST /products/{productID}/listings/createWithInstanceID(instanceID={instanceID})':
      request => {
        const record = findProduct(model, request.params.productID)
        const instanceID = request.params.instanceID
        const draft = record.drafts.find(
          d => d.module === 'Listing' && sameId(d.instanceID, instanceID)
        )
        if (!draft) throw notFound('Instance', instanceID)
        const input = bodyObject(request)
        const languageCode = input.languageCode
        if (typeof languageCode !== 'string' || languageCode === '') {
          throw badRequest('LanguageCode', 'languageCode is required.')
        }
        const taken = record.resources.some(
          r =>
            r.kind === 'listing' &&
            r.instanceID === draft.instanceID &&
            r.body.languageCode === languageCode
        )
        if (taken) throw badRequest('LanguageCode', `A ${languageCode} listing already exists.`)
        const { id: _id, '@odata.etag': _etag, ...fields } = input
        const body = addResource(model, record, 'listing', draft.instanceID, {
          ...newListing(typeof input.title === 'string' ? input.title : ''),
          ...fields,
          resourceType: 'AzureListing'
        })
        return created(productPath(model, record.productId, `/listings/${String(body.id)}`), body)
      }
  }
}
