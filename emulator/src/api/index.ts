/**
 * The emulator's model of the Ingestion API v1: `createIngestion(seed, context, persisted?)`.
 *
 * `snapshot()` returns the whole store (emulator/src/api/store.ts: products with their variants,
 * drafts, draft resources, packages, images, reseller and submissions, as plain JSON). It is
 * store-shaped rather than a pretty view so that passing it back as `persisted` restores everything.
 */
import type {
  ApiContext,
  ApiReply,
  IngestionModel,
  OfferSummary,
  Operations,
  Seed
} from './contract.js'
import { ApiError, serviceError } from './errors.js'
import { branchOperations } from './drafts.js'
import { imageOperations } from './images.js'
import { listingOperations } from './listings.js'
import type { Model } from './model.js'
import { moduleResourceOperations } from './module-resources.js'
import { packageOperations } from './packages.js'
import { createProduct, productOperations } from './products.js'
import { resellerOperations } from './reseller.js'
import { emptyStore, isStore, type Store } from './store.js'
import { submissionOperations } from './submissions.js'
import { createVariant, variantOperations } from './variants.js'

export { serviceError } from './errors.js'

function seedStore(model: Model, seed: Seed): void {
  for (const offer of seed.offers) {
    const record = createProduct(model, {
      resourceType: offer.type,
      name: offer.name,
      offerId: offer.offerId,
      packageType: offer.packageType,
      appVersion: offer.appVersion
    })
    for (const plan of offer.plans) {
      createVariant(model, record, {
        friendlyName: plan.name,
        externalID: plan.planId,
        subType: plan.subType
      })
    }
  }
}

export function createIngestion(
  seed: Seed,
  context: ApiContext,
  persisted?: unknown
): IngestionModel {
  const restored = isStore(persisted)
  const store: Store = restored ? structuredClone(persisted) : emptyStore()
  const model: Model = { store, context }
  if (!restored) seedStore(model, seed)

  const listeners: (() => void)[] = []
  const operations: Operations = {}
  for (const [key, handle] of Object.entries({
    ...productOperations(model),
    ...variantOperations(model),
    ...branchOperations(model),
    ...listingOperations(model),
    ...imageOperations(model),
    ...packageOperations(model),
    ...moduleResourceOperations(model),
    ...resellerOperations(model),
    ...submissionOperations(model)
  })) {
    operations[key] = async (request, ctx): Promise<ApiReply> => {
      let reply: ApiReply
      try {
        reply = await handle(request, ctx)
      } catch (error) {
        if (error instanceof ApiError) return serviceError(error.status, error.message, error.data)
        throw error
      }
      if (request.method !== 'GET' && reply.status < 400) listeners.forEach(listener => listener())
      return reply
    }
  }

  return {
    operations,
    offers: (): OfferSummary[] =>
      store.products.map(p => ({
        offerId: p.offerId,
        type: p.resourceType,
        productId: p.productId,
        planIds: p.variants.map(v => String(v.body.externalID))
      })),
    snapshot: () => structuredClone(store),
    onChange(listener) {
      listeners.push(listener)
    }
  }
}
