/**
 * Rules the JSON Schema cannot express for the offers of the product-ingestion API: unique plan
 * IDs, one source per virtual machine image, a known X.Y.Z image version, prices that fit their
 * model, and one kind of terms of use.
 */
import type {
  RawCorePricing,
  RawPiOffer,
  RawPiPlan,
  RawSaasPricing,
  RawVmImageSource
} from './raw-product-ingestion.js'
import { VM_IMAGE_TYPES } from './raw-product-ingestion.js'
import {
  checkDerivedVersion,
  checkUniquePlanIds,
  type Report,
  type VersionContext
} from './rules.js'
import type { FieldPath, SourceDocument } from './source.js'

export function checkProductIngestionOffer(
  offer: RawPiOffer,
  at: FieldPath,
  versions: VersionContext,
  source: SourceDocument,
  report: Report
): void {
  checkUniquePlanIds(offer, at, source, report)
  const terms = offer.properties
  if (terms?.termsOfUseUrl !== undefined && terms.termsOfUse !== undefined) {
    report(
      [...at, 'properties', 'termsOfUseUrl'],
      'termsOfUse and termsOfUseUrl are both set',
      'Give your terms of use either as text (termsOfUse) or as a link (termsOfUseUrl), not both.'
    )
  }
  if (terms?.termsOfUseUrl !== undefined && terms.useEnterpriseContract === true) {
    report(
      [...at, 'properties', 'useEnterpriseContract'],
      'useEnterpriseContract and termsOfUseUrl are both set',
      'Use either the Standard Contract (useEnterpriseContract: true) or your own termsOfUseUrl, not both.'
    )
  }
  offer.plans.forEach((plan, index) => {
    const planAt: FieldPath = [...at, 'plans', index]
    checkPricing(plan, planAt, report)
    if (plan.image) checkImage(plan, planAt, versions, report)
  })
}

function checkPricing(plan: RawPiPlan, at: FieldPath, report: Report): void {
  const pricing = plan.pricing
  if (!pricing) return
  const where: FieldPath = [...at, 'pricing']
  if (pricing.model === 'flat-rate' || pricing.model === 'per-user')
    checkSaasPricing(plan.id, pricing as RawSaasPricing, where, report)
  else checkCorePricing(plan.id, pricing as RawCorePricing, where, report)
}

function checkSaasPricing(
  planId: string,
  pricing: RawSaasPricing,
  at: FieldPath,
  report: Report
): void {
  if (pricing.monthly === undefined && pricing.yearly === undefined) {
    report(
      at,
      `the pricing of plan "${planId}" has no price`,
      'Add monthly and/or yearly: the price in USD per billing term.'
    )
  }
  if (pricing.users && pricing.model !== 'per-user') {
    report(
      [...at, 'users'],
      '"users" is only for per-user pricing',
      'Remove "users", or set model: per-user.',
      'key'
    )
  } else if (pricing.users && pricing.users.min > pricing.users.max) {
    report(
      [...at, 'users', 'min'],
      `users.min (${pricing.users.min}) is above users.max (${pricing.users.max})`,
      'Set min to the fewest users and max to the most.'
    )
  }
}

function checkCorePricing(
  planId: string,
  pricing: RawCorePricing,
  at: FieldPath,
  report: Report
): void {
  const priced = pricing.model === 'flat' || pricing.model === 'per-core'
  if (priced && pricing.price === undefined) {
    report(
      at,
      `${pricing.model} pricing of plan "${planId}" needs a price`,
      `Add "price": the price in USD per hour${pricing.model === 'per-core' ? ' and core' : ''}.`
    )
  }
  if (!priced && pricing.price !== undefined) {
    report(
      [...at, 'price'],
      `${pricing.model} pricing has no price`,
      'Remove "price", or choose the flat or per-core model.',
      'key'
    )
  }
}

function checkImage(
  plan: RawPiPlan,
  at: FieldPath,
  { version, needsVersion }: VersionContext,
  report: Report
): void {
  const image = plan.image ?? {}
  const where: FieldPath = [...at, 'image']
  const types = VM_IMAGE_TYPES.filter(type => image[type] !== undefined)
  if (types.length === 0) {
    report(
      where,
      `the image of plan "${plan.id}" names no image`,
      `Add the image of at least one image type (${VM_IMAGE_TYPES.join(', ')}), from a gallery image version or a VHD.`
    )
  }
  for (const type of types)
    checkImageSource(image[type] as RawVmImageSource, [...where, type], report)
  if (needsVersion)
    checkDerivedVersion(image.version, [...where, 'version'], version, report, {
      planId: plan.id,
      kind: 'image',
      where: 'under image'
    })
}

function checkImageSource(source: RawVmImageSource, at: FieldPath, report: Report): void {
  const gallery = source.galleryImageVersion !== undefined
  const vhd = source.osDisk !== undefined
  if (gallery === vhd) {
    report(
      at,
      gallery ? 'an image has both galleryImageVersion and osDisk' : 'an image has no source',
      'Give either galleryImageVersion (with tenantId), or osDisk (with optional dataDisks).'
    )
    return
  }
  if (gallery && source.tenantId === undefined) {
    report(
      [...at, 'tenantId'],
      'a gallery image needs the tenantId of its subscription',
      'Add "tenantId": the Entra tenant ID of the subscription that holds the gallery.'
    )
  }
  if (gallery && source.dataDisks !== undefined) {
    report(
      [...at, 'dataDisks'],
      '"dataDisks" is only for VHD images',
      'Remove "dataDisks": a gallery image version carries its data disks.',
      'key'
    )
  }
  if (vhd && source.tenantId !== undefined) {
    report(
      [...at, 'tenantId'],
      '"tenantId" is only for gallery images',
      'Remove "tenantId", or give galleryImageVersion instead of osDisk.',
      'key'
    )
  }
}
