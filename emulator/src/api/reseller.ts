/** Reseller configuration (ingestion-v1.md §3.8), Azure Application offers only. */
import type { Operations } from './contract.js'
import { ApiError } from './errors.js'
import { bodyObject, findProduct, ok, type Model } from './model.js'
import type { ProductRecord } from './store.js'

/** Other offer types answer 405 here (inferred: §2.9 "not applicable for this product"). */
function requireReseller(record: ProductRecord): void {
  if (record.resourceType !== 'AzureApplication') {
    throw new ApiError(405, 'The API you have called is not applicable for this product.', {
      resourceType: [`${record.resourceType} has no reseller configuration.`]
    })
  }
}

export function resellerOperations(model: Model): Operations {
  const pattern = '/products/{productID}/resellerConfiguration'
  return {
    [`GET ${pattern}`]: request => {
      const record = findProduct(model, request.params.productID)
      requireReseller(record)
      return ok(record.reseller)
    },
    [`POST ${pattern}`]: request => {
      const record = findProduct(model, request.params.productID)
      requireReseller(record)
      const body = bodyObject(request)
      record.reseller = {
        resourceType: 'ResellerConfiguration',
        resellerChannelState: body.resellerChannelState ?? record.reseller.resellerChannelState,
        tenantIds: body.tenantIds ?? []
      }
      return ok(record.reseller)
    }
  }
}
