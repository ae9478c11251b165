/**
 * The seed's `productIngestionOffers` section (format at the top of examples/emulator-seed.yml):
 * offers that exist before the run, complete and published as far as `state` says, so a client
 * can update them the way a release does (a new image version, a new CNAB digest, a new price).
 */
import { randomUUID } from 'node:crypto'
import { seedResources } from './seed-resources.js'
import { submissionNumber } from './submissions.js'
import { cloneJson, type PiStore, type ProductRecord } from './store.js'
import type { ProductType } from './resource-types.js'

export interface PiSeedPlan {
  planId: string
  alias: string
  /** azureVirtualMachine: image versions already published (x.y.z). */
  imageVersions?: string[]
  /** azureContainer: the cluster extension type, `Publisher.Application`. */
  clusterExtensionType?: string
}

export interface PiSeedOffer {
  offerId: string
  type: ProductType
  alias: string
  /** How far it was published before the run (default live). */
  state?: 'draft' | 'preview' | 'live'
  plans: PiSeedPlan[]
}

const TYPES: ProductType[] = ['softwareAsAService', 'azureVirtualMachine', 'azureContainer']
const STATES = ['draft', 'preview', 'live']
/** The product external id pattern of the published schema; plans use theirs (§3.2). */
const OFFER_ID = /^[a-z0-9][a-z0-9-_]{2,49}$/
const PLAN_ID = /^[a-z0-9-_]{1,50}$/
const IMAGE_VERSION = /^\d+\.\d+\.\d+$/
const EXTENSION_TYPE = /^[A-Za-z0-9][A-Za-z0-9-]*(\.[A-Za-z0-9][A-Za-z0-9-]*)+$/

/** Checks the section; `fail(path, problem)` throws the seed loader's error. */
export function checkProductIngestionSeed(
  value: unknown,
  fail: (path: string, problem: string) => never
): PiSeedOffer[] {
  if (!Array.isArray(value)) return fail('productIngestionOffers', 'must be a list')
  const offerIds = new Set<string>()
  value.forEach((o, i) => {
    const at = `productIngestionOffers[${i}]`
    const offer = object(o, at, fail)
    const offerId = text(offer.offerId, `${at}.offerId`, fail, OFFER_ID)
    if (offerIds.has(offerId)) fail(`${at}.offerId`, `repeats ${offerId}`)
    offerIds.add(offerId)
    if (!TYPES.includes(offer.type as ProductType))
      fail(`${at}.type`, `must be one of ${TYPES.join(', ')}, got ${JSON.stringify(offer.type)}`)
    text(offer.alias, `${at}.alias`, fail)
    if (offer.state !== undefined && !STATES.includes(offer.state as string))
      fail(`${at}.state`, `must be one of ${STATES.join(', ')}, got ${JSON.stringify(offer.state)}`)
    if (!Array.isArray(offer.plans) || offer.plans.length === 0)
      fail(`${at}.plans`, 'must list at least one plan')
    const planIds = new Set<string>()
    ;(offer.plans as unknown[]).forEach((p, j) => {
      const pat = `${at}.plans[${j}]`
      const plan = object(p, pat, fail)
      const planId = text(plan.planId, `${pat}.planId`, fail, PLAN_ID)
      if (planIds.has(planId)) fail(`${pat}.planId`, `repeats ${planId}`)
      planIds.add(planId)
      text(plan.alias, `${pat}.alias`, fail)
      if (offer.type === 'azureVirtualMachine') {
        const versions = plan.imageVersions ?? ['1.0.0']
        if (!Array.isArray(versions) || versions.length === 0)
          fail(`${pat}.imageVersions`, 'must list at least one image version')
        versions.forEach((v: unknown, k: number) =>
          text(v, `${pat}.imageVersions[${k}]`, fail, IMAGE_VERSION)
        )
        plan.imageVersions = versions
      } else if (plan.imageVersions !== undefined) {
        fail(`${pat}.imageVersions`, 'is for azureVirtualMachine offers only')
      }
      if (offer.type === 'azureContainer') {
        text(plan.clusterExtensionType, `${pat}.clusterExtensionType`, fail, EXTENSION_TYPE)
      } else if (plan.clusterExtensionType !== undefined) {
        fail(`${pat}.clusterExtensionType`, 'is for azureContainer offers only')
      }
    })
  })
  return value as PiSeedOffer[]
}

/** Adds the seeded offers to an empty store, published up to their `state` at `now`. */
export function seedProducts(store: PiStore, offers: readonly PiSeedOffer[], now: number): void {
  for (const offer of offers) {
    const guid = randomUUID()
    const planGuids = offer.plans.map(() => randomUUID())
    const product: ProductRecord = {
      guid,
      externalId: offer.offerId,
      type: offer.type,
      draft: seedResources(offer, guid, planGuids),
      submissions: [],
      mediaCount: 1
    }
    const state = offer.state ?? 'live'
    if (state !== 'draft') {
      product.submissions.push({
        number: submissionNumber(store.nextSubmission++),
        jobId: randomUUID(),
        createdAt: now,
        previewSeconds: 0,
        certificationFails: false,
        resources: cloneJson(product.draft),
        ...(state === 'live' ? { live: { jobId: randomUUID(), startedAt: now, seconds: 0 } } : {})
      })
    }
    store.products.push(product)
  }
}

type Fail = (path: string, problem: string) => never

function object(value: unknown, path: string, fail: Fail): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(path, 'must be an object')
  return value as Record<string, unknown>
}

function text(value: unknown, path: string, fail: Fail, pattern?: RegExp): string {
  if (typeof value !== 'string' || value === '') return fail(path, 'must be a non-empty string')
  if (pattern && !pattern.test(value))
    return fail(path, `must match ${pattern.source}, got ${JSON.stringify(value)}`)
  return value
}
