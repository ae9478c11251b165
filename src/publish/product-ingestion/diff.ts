/**
 * The whole diff of one offer against one resource tree: the product (created when the offer
 * does not exist yet, which needs the offer's `name`), the offer's resources and each plan's.
 * The same diff against the preview or live tree says whether that target already shows the
 * manifest.
 */
import { PublishError } from '../../errors.js'
import type { OfferIdentity } from '../../manifest/model.js'
import type {
  ProductIngestionOfferSpec,
  ProductIngestionOfferType
} from '../../manifest/model-product-ingestion.js'
import type { Resource } from '../../product-ingestion/types.js'
import { offerWrites } from './offer-resources.js'
import { planWrites } from './plan-resources.js'
import type { ResourceIndex } from './resource-index.js'
import { PRODUCT_TYPES, planWrite, refTo, type PlannedWrite, type WriteContext } from './writes.js'

/** The `resourceName` of a product created in the request, for the resources that refer to it. */
export const NEW_PRODUCT = 'product'

/** What differs between the manifest and a tree, and what already matches. */
export interface OfferDiff {
  /** The resources that differ, as they should be written. */
  writes: PlannedWrite[]
  /** The subjects that already hold what the manifest states: `offer listing`, `plan starter listing`. */
  held: string[]
}

export function offerDiff(
  offer: ProductIngestionOfferSpec,
  tree: ResourceIndex,
  warn: (message: string) => void
): OfferDiff {
  const { productType, kind } = PRODUCT_TYPES[offer.type]
  const product = tree.single('product')
  if (product) refuseOtherType(offer, product)
  const created = product ? undefined : createProduct(offer, productType)
  const ctx: WriteContext = {
    offer,
    tree,
    product: refTo(product, created),
    productType,
    kind,
    held: []
  }
  const writes = [
    ...(created ? [created] : []),
    ...offerWrites(ctx, warn),
    ...offer.plans.flatMap((plan, i) => planWrites(ctx, plan, i))
  ]
  if (created) {
    // Every offer has one; its preview audience is left to Partner Center (an empty list).
    const availability = planWrite(
      'price-and-availability-offer',
      undefined,
      { product: ctx.product, previewAudiences: [] },
      { subject: 'offer availability', source: offer.source, name: 'offer-availability' }
    )
    if (availability) writes.push(availability)
  }
  return { writes, held: ctx.held }
}

/** UNSUPPORTED_OFFER: the offer in Partner Center is of another type than the manifest says. */
export function refuseOtherType(
  offer: OfferIdentity & { type: ProductIngestionOfferType },
  product: Resource
): void {
  const { productType } = PRODUCT_TYPES[offer.type]
  if (product.type === productType) return
  throw new PublishError(
    'UNSUPPORTED_OFFER',
    `Offer "${offer.offerId}" is a ${String(product.type)} offer in Partner Center, not ${offer.type} (${productType}).`,
    {
      offerId: offer.offerId,
      source: offer.source,
      hint: 'Fix the offer type in the manifest; an offer keeps its type for life.'
    }
  )
}

function createProduct(offer: ProductIngestionOfferSpec, productType: string): PlannedWrite {
  if (!offer.name) {
    throw new PublishError(
      'OFFER_NOT_FOUND',
      `Offer "${offer.offerId}" does not exist in Partner Center, and the manifest gives no name to create it with.`,
      {
        offerId: offer.offerId,
        source: offer.source,
        hint: 'Check the offer ID (it is the one typed in Partner Center), or add "name" to create the offer.'
      }
    )
  }
  const write = planWrite(
    'product',
    undefined,
    { identity: { externalId: offer.offerId }, type: productType, alias: offer.name },
    { subject: `offer ${offer.offerId}`, source: offer.source, name: NEW_PRODUCT }
  )
  if (!write) throw new Error('a new product always needs a write')
  return write
}
