/**
 * An offer of the product-ingestion API being published (or followed), the API it goes through,
 * and its product in the result.
 */
import { PublishError } from '../../errors.js'
import type { AnyOfferSpec, OfferIdentity } from '../../manifest/model.js'
import {
  isProductIngestionOffer,
  type ProductIngestionOfferSpec
} from '../../manifest/model-product-ingestion.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { OfferRun } from '../context.js'
import { partnerCenterUrl } from '../result.js'
import { productGuid } from './state.js'

export type PiRun = OfferRun<ProductIngestionOfferSpec>

export function isProductIngestionRun(run: OfferRun<AnyOfferSpec>): run is PiRun {
  return isProductIngestionOffer(run.offer)
}

/** The run creates the client whenever its offers include such an offer (src/publish/run.ts). */
export function productIngestionApi(run: OfferRun<OfferIdentity>): ProductIngestionApi {
  const api = run.deps.productIngestion
  if (!api) throw new PublishError('UNEXPECTED', 'The product-ingestion client was not set up.')
  return api
}

/** The product's GUID and its Partner Center page in the result, once. */
export function noteProduct(run: OfferRun<OfferIdentity>, productId: string | undefined): void {
  if (!productId || run.result.productId) return
  run.result.productId = productGuid(productId)
  run.log(`product ${productId}`)
  run.result.partnerCenterUrl = partnerCenterUrl(run.result.productId)
}
