/**
 * The resources of one plan the manifest describes (product-ingestion.md §5.2–§5.3): the plan
 * (only created), its en-us plan listing, its price and availability, and its technical
 * configuration (a virtual machine's image versions, a container's CNAB bundle).
 */
import { PublishError } from '../../errors.js'
import type { PiPlanSpec, PricingSpec } from '../../manifest/model-product-ingestion.js'
import type { Resource, ResourceRef } from '../../product-ingestion/types.js'
import { LANGUAGE } from './resource-index.js'
import { vmTechnicalFields } from './vm-image.js'
import { planWrite, refTo, type PlannedWrite, type WriteContext } from './writes.js'

export function planWrites(ctx: WriteContext, plan: PiPlanSpec, index: number): PlannedWrite[] {
  const { tree, product } = ctx
  const current = tree.plan(plan.planId)
  const created = current
    ? undefined
    : planWrite(
        'plan',
        undefined,
        {
          product,
          identity: { externalId: plan.planId },
          alias: plan.name,
          azureRegions: ['azureGlobal']
        },
        { subject: `plan ${plan.planId}`, source: plan.source, name: `plan-${index}` },
        ctx.held
      )
  const planRef = refTo(current, created)
  const scoped = (type: string): Resource | undefined =>
    current?.id ? tree.single(type, current.id) : undefined
  const name = (what: string): string => `${what}-${index}`
  const writes: (PlannedWrite | undefined)[] = [created]

  if (plan.listing || created) {
    const listing = current?.id ? tree.inLanguage('plan-listing', current.id) : undefined
    writes.push(
      planWrite(
        'plan-listing',
        listing,
        {
          product,
          plan: planRef,
          kind: `${ctx.kind}-plan`,
          languageId: LANGUAGE,
          ...(listing ? {} : { name: plan.name }),
          ...(plan.listing?.summary === undefined ? {} : { summary: plan.listing.summary }),
          ...(plan.listing?.description === undefined
            ? {}
            : { description: plan.listing.description })
        },
        {
          subject: `plan ${plan.planId} listing`,
          source: plan.listing?.source ?? plan.source,
          name: name('plan-listing')
        },
        ctx.held
      )
    )
  }

  const stated =
    plan.markets !== undefined || plan.hidden !== undefined || plan.pricing !== undefined
  if (stated || created) {
    const availability = scoped('price-and-availability-plan')
    writes.push(
      planWrite(
        'price-and-availability-plan',
        availability,
        {
          product,
          plan: planRef,
          ...(availability ? {} : { visibility: 'visible', audience: 'public', markets: [] }),
          ...(plan.markets === undefined ? {} : { markets: plan.markets }),
          ...(plan.hidden === undefined ? {} : { visibility: plan.hidden ? 'hidden' : 'visible' }),
          ...(plan.pricing === undefined
            ? {}
            : { pricing: pricingField(plan.pricing, availability?.pricing) })
        },
        {
          subject: `plan ${plan.planId} price and availability`,
          source: plan.pricing?.source ?? plan.source,
          name: name('availability')
        },
        ctx.held
      )
    )
  }

  const refs = { product, plan: planRef }
  if (
    ctx.offer.type === 'azure-virtual-machine' &&
    (plan.image || plan.operatingSystem || created)
  ) {
    const config = scoped('virtual-machine-plan-technical-configuration')
    writes.push(
      planWrite(
        'virtual-machine-plan-technical-configuration',
        config,
        vmTechnicalFields(config, plan, refs, ctx.offer.offerId),
        {
          subject: `plan ${plan.planId} technical configuration${plan.image ? ` (image version ${plan.image.version})` : ''}`,
          source: plan.image?.source ?? plan.source,
          name: name('technical')
        },
        ctx.held
      )
    )
  }
  if (ctx.offer.type === 'azure-container' && (plan.cnab || created)) {
    const config = scoped('container-plan-technical-configuration')
    writes.push(
      planWrite(
        'container-plan-technical-configuration',
        config,
        containerFields(config, plan, refs, ctx.offer.offerId),
        {
          subject: `plan ${plan.planId} technical configuration${plan.cnab ? ` (CNAB ${plan.cnab.tag})` : ''}`,
          source: plan.cnab?.source ?? plan.source,
          name: name('technical')
        },
        ctx.held
      )
    )
  }
  return writes.filter((w): w is PlannedWrite => w !== undefined)
}

/**
 * The price the manifest states, in the API's shape (§5.2). A SaaS price replaces the recurrent
 * price and keeps custom meters; a virtual machine or container price replaces the whole price.
 */
function pricingField(pricing: PricingSpec, current: unknown): Record<string, unknown> {
  if (pricing.kind === 'saas') {
    const term = (type: 'month' | 'year', price: number | undefined) =>
      price === undefined ? [] : [{ billingTerm: { type, value: 1 }, pricePerPaymentInUsd: price }]
    return {
      ...(typeof current === 'object' && current !== null ? current : {}),
      recurrentPrice: {
        priceInputOption: 'usd',
        recurrentPriceMode: pricing.model === 'per-user' ? 'perUser' : 'flatRate',
        ...(pricing.users ? { userLimits: pricing.users } : {}),
        prices: [...term('month', pricing.monthly), ...term('year', pricing.yearly)]
      }
    }
  }
  switch (pricing.model) {
    case 'byol':
      return { licenseModel: 'byol' }
    case 'free':
      return { licenseModel: 'payAsYouGo', corePricing: { priceInputOption: 'free' } }
    case 'flat':
      return {
        licenseModel: 'payAsYouGo',
        corePricing: { priceInputOption: 'flat', price: pricing.price }
      }
    case 'per-core':
      return {
        licenseModel: 'payAsYouGo',
        corePricing: { priceInputOption: 'perCore', pricePerCore: pricing.price }
      }
  }
}

/** A container plan's configuration with this release's CNAB bundle as its only reference. */
function containerFields(
  current: Resource | undefined,
  plan: PiPlanSpec,
  refs: { product: ResourceRef; plan: ResourceRef },
  offerId: string
): Record<string, unknown> {
  const cnab = plan.cnab
  const where = { offerId, source: cnab?.source ?? plan.source }
  if (current && current.payloadType !== 'cnab') {
    throw new PublishError(
      'UNSUPPORTED_OFFER',
      `Plan "${plan.planId}" of offer "${offerId}" publishes container images (payloadType ${String(current.payloadType)}), not a Kubernetes cluster extension; this action publishes CNAB bundles only.`,
      {
        ...where,
        hint: 'Publish container-image plans in Partner Center, or remove the plan from the manifest.'
      }
    )
  }
  const extensionType = cnab?.clusterExtensionType ?? current?.clusterExtensionType
  if (!cnab || extensionType === undefined) {
    throw new PublishError(
      'PLAN_NOT_FOUND',
      `Plan "${plan.planId}" of offer "${offerId}" has no technical configuration in Partner Center yet, and the manifest does not give the ${cnab ? 'cluster extension type' : 'CNAB bundle'} needed to create one.`,
      {
        ...where,
        hint: 'Add cnab to the plan, with clusterExtensionType (PublisherName.ApplicationName) and the bundle.'
      }
    )
  }
  return {
    ...refs,
    payloadType: 'cnab',
    clusterExtensionType: extensionType,
    cnabReferences: [
      {
        tenantId: cnab.tenantId,
        subscriptionId: cnab.subscriptionId,
        resourceGroupName: cnab.resourceGroup,
        registryName: cnab.registry,
        repositoryName: cnab.repository,
        tag: cnab.tag,
        digest: cnab.digest
      }
    ]
  }
}
