/**
 * Step 1: find the offer's product by its offer ID (one filtered GET, never paging through every
 * product), create it when the manifest gives a `name` and everything its first submission needs
 * (first-submission.ts), and refuse a product of another type.
 */
import { PublishError } from '../errors.js'
import type { IngestionOfferIdentity, OfferType } from '../manifest/model.js'
import type { Product } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { createOnce } from './create-once.js'
import { refuseIncomplete } from './first-submission.js'
import { partnerCenterUrl } from './result.js'

export const PRODUCT_TYPE: Record<OfferType, string> = {
  'azure-solution-template': 'AzureApplication',
  'azure-managed-app': 'AzureApplication',
  'business-central': 'AzureDynamics365BusinessCentral'
}

/** Records the offer's product in the result; refuses a product of another type than the manifest's. */
export function acceptProduct(run: OfferRun<IngestionOfferIdentity>, product: Product): void {
  const { offer } = run
  const expectedType = PRODUCT_TYPE[offer.type]
  run.result.productId = product.id
  run.result.partnerCenterUrl = partnerCenterUrl(product.id)
  if (product.resourceType !== expectedType) {
    throw new PublishError(
      'UNSUPPORTED_OFFER',
      `Offer "${offer.offerId}" is a ${product.resourceType} offer, but the manifest says ${offer.type} (${expectedType}).`,
      {
        offerId: offer.offerId,
        source: offer.source,
        hint: 'Fix `type:` in the manifest, or the offer ID.'
      }
    )
  }
}

/** The offer's product: found, or created (in a dry run, as a placeholder that is recorded). */
export async function resolveProduct(run: OfferRun): Promise<Product> {
  const { offer } = run
  const expectedType = PRODUCT_TYPE[offer.type]
  let product = await run.api.findProductByOfferId(offer.offerId)

  if (!product) {
    if (!offer.name) {
      throw new PublishError(
        'OFFER_NOT_FOUND',
        `No offer with the ID "${offer.offerId}" exists in this Partner Center account.`,
        {
          offerId: offer.offerId,
          source: offer.source,
          hint: 'Check the offer ID and the account the credentials belong to, or add `name:` to the offer in the manifest to create it.'
        }
      )
    }
    refuseIncomplete(run, 'offer', [
      ...(offer.firstSubmissionGaps ?? []),
      ...offer.plans.flatMap(plan => plan.firstSubmissionGaps ?? [])
    ])
    run.record({
      action: 'create',
      subject: `offer ${offer.offerId} (${expectedType}, "${offer.name}")`
    })
    run.beforeWrite('creating the offer')
    const name = offer.name // checked above; the closure below would lose that narrowing
    product = await createOnce(run, {
      what: `offer ${offer.offerId}`,
      create: () =>
        run.api.createProduct({
          resourceType: expectedType,
          name,
          externalIDs: [{ type: 'AzureOfferId', value: offer.offerId }],
          isModularPublishing: true
        }),
      find: () => run.api.findProductByOfferId(offer.offerId),
      idOf: p => p.id
    })
  }

  acceptProduct(run, product)
  if (offer.type === 'business-central') {
    const setup = await run.api.getProductSetup(product.id)
    if (setup.packageType === 'Connect') {
      throw new PublishError(
        'UNSUPPORTED_OFFER',
        `Offer "${offer.offerId}" is a Business Central Connect app, which has no package to publish.`,
        {
          offerId: offer.offerId,
          source: offer.source,
          hint: 'Only Business Central add-on apps (packageType AddOn) can be published with this action.'
        }
      )
    }
  }
  run.log(`product ${product.id}`)
  return product
}
