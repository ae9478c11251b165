/**
 * The emulator's model of the Ingestion API v1: `createIngestion(seed, context, persisted?)`.
 *
 * `snapshot()` returns the whole store (emulator/src/api/store.ts: products with their variants,
 * drafts, draft resources, packages, images, reseller and submissions, as plain JSON). It is
 * store-shaped rather than a pretty view so that passing it back as `persisted` restores everything.
 */
import type { ApiContext, ApiReply, IngestionModel, OfferSummary, Route, Seed } from './contract.js'
import { ApiError, serviceError } from './errors.js'
import { branchRoutes } from './drafts.js'
import { imageRoutes } from './images.js'
import { listingRoutes } from './listings.js'
import type { Model } from './model.js'
import { moduleResourceRoutes } from './module-resources.js'
import { packageRoutes } from './packages.js'
import { createProduct, productRoutes } from './products.js'
import { resellerRoutes } from './reseller.js'
import { emptyStore, isStore, type Store } from './store.js'
import { submissionRoutes } from './submissions.js'
import { createVariant, variantRoutes } from './variants.js'

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
  const wrap = (route: Route): Route => ({
    ...route,
    async handle(request, ctx): Promise<ApiReply> {
      let reply: ApiReply
      try {
        reply = await route.handle(request, ctx)
      } catch (error) {
        if (error instanceof ApiError) return serviceError(error.status, error.message, error.data)
        throw error
      }
      if (request.method !== 'GET' && reply.status < 400) listeners.forEach(listener => listener())
      return reply
    }
  })

  const routes = [
    ...productRoutes(model),
    ...variantRoutes(model),
    ...branchRoutes(model),
    ...listingRoutes(model),
    ...imageRoutes(model),
    ...packageRoutes(model),
    ...moduleResourceRoutes(model),
    ...resellerRoutes(model),
    ...submissionRoutes(model)
  ].map(wrap)

  return {
    routes,
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
