/** An offer of the product-ingestion API being published, and the API it is published through. */
import { PublishError } from '../../errors.js'
import type { AnyOfferSpec } from '../../manifest/model.js'
import {
  isProductIngestionOffer,
  type ProductIngestionOfferSpec
} from '../../manifest/model-product-ingestion.js'
import type { ProductIngestionApi } from '../../product-ingestion/api.js'
import type { OfferRun } from '../context.js'

export type PiRun = OfferRun<ProductIngestionOfferSpec>

export function isProductIngestionRun(run: OfferRun<AnyOfferSpec>): run is PiRun {
  return isProductIngestionOffer(run.offer)
}

/** The run creates the client whenever the manifest has such an offer (src/publish/run.ts). */
export function productIngestionApi(run: PiRun): ProductIngestionApi {
  const api = run.deps.productIngestion
  if (!api) throw new PublishError('UNEXPECTED', 'The product-ingestion client was not set up.')
  return api
}
