/**
 * The offer-level resources the manifest describes (product-ingestion.md §5.2): the product (only
 * created, never changed), the en-us listing and its images, the properties, the
 * commercial-marketplace setup and the SaaS technical configuration.
 */
import type {
  PiContactSpec,
  PiImageSpec,
  PiListingSpec
} from '../../manifest/model-product-ingestion.js'
import type { ResourceRef } from '../../product-ingestion/types.js'
import { LANGUAGE } from './resource-index.js'
import { planWrite, refTo, type PlannedWrite, type WriteContext } from './writes.js'

export function offerWrites(ctx: WriteContext, warn: (message: string) => void): PlannedWrite[] {
  const { offer, tree, product } = ctx
  const writes: (PlannedWrite | undefined)[] = []
  const listing = tree.inLanguage('listing')
  // Images hang off the listing: one is created (bare) for them when there is none yet.
  const listingWrite =
    offer.listing || (!listing && offer.images.length)
      ? planWrite(
          'listing',
          listing,
          listingFields(ctx, offer.listing),
          {
            subject: 'offer listing',
            source: offer.listing?.source ?? offer.source,
            name: 'listing'
          },
          ctx.held
        )
      : undefined
  writes.push(listingWrite)
  if (offer.images.length) {
    const listingRef = refTo(listing, listingWrite)
    writes.push(...imageWrites(ctx, listingRef, warn))
  }
  const properties = offer.properties
  if (properties) {
    const terms = properties.useEnterpriseContract
      ? { termsConditions: 'standardMicrosoft', termsOfUse: undefined, termsOfUseUrl: undefined }
      : properties.termsOfUse !== undefined
        ? { termsConditions: 'custom', termsOfUse: properties.termsOfUse, termsOfUseUrl: undefined }
        : properties.termsOfUseUrl !== undefined
          ? {
              termsConditions: 'custom',
              termsOfUseUrl: properties.termsOfUseUrl,
              termsOfUse: undefined
            }
          : properties.useEnterpriseContract === false
            ? { termsConditions: 'custom' }
            : {}
    writes.push(
      planWrite(
        'property',
        tree.single('property'),
        {
          product,
          kind: ctx.kind,
          ...(properties.categories ? { categories: properties.categories } : {}),
          ...terms
        },
        { subject: 'offer properties', source: properties.source, name: 'property' },
        ctx.held
      )
    )
  }
  const setup = offer.marketplaceSetup
  if (setup) {
    writes.push(
      planWrite(
        'commercial-marketplace-setup',
        tree.single('commercial-marketplace-setup'),
        {
          product,
          sellThroughMicrosoft: setup.sellThroughMicrosoft,
          ...(setup.useMicrosoftLicenseManagement === undefined
            ? {}
            : { useMicrosoftLicenseManagementService: setup.useMicrosoftLicenseManagement })
        },
        { subject: 'marketplace setup', source: setup.source, name: 'setup' },
        ctx.held
      )
    )
  }
  const technical = offer.technicalConfiguration
  if (technical) {
    writes.push(
      planWrite(
        'software-as-a-service-technical-configuration',
        tree.single('software-as-a-service-technical-configuration'),
        {
          product,
          landingPageUrl: technical.landingPage,
          connectionWebhook: technical.webhook,
          azureAdTenantId: technical.entraTenantId,
          azureAdAppId: technical.entraAppId
        },
        { subject: 'technical configuration', source: technical.source, name: 'technical' },
        ctx.held
      )
    )
  }
  return writes.filter((w): w is PlannedWrite => w !== undefined)
}

/** The listing fields the manifest states (preview2 field names, §5.2); contacts merge per role. */
function listingFields(
  ctx: WriteContext,
  spec: PiListingSpec | undefined
): Record<string, unknown> {
  const current = ctx.tree.inLanguage('listing')
  const fields: Record<string, unknown> = {
    product: ctx.product,
    kind: ctx.kind,
    languageId: LANGUAGE
  }
  if (!spec) return fields
  const set = (name: string, value: unknown): void => {
    if (value !== undefined) fields[name] = value
  }
  set('title', spec.title)
  set('searchResultSummary', spec.summary)
  set('shortDescription', spec.shortDescription)
  set('description', spec.description)
  set('privacyPolicyLink', spec.privacyPolicy)
  set(
    'generalLinks',
    spec.links?.map(l => ({ displayText: l.name, link: l.uri }))
  )
  const roles = [
    ['support', 'supportContact'],
    ['engineering', 'engineeringContact'],
    ['channelManager', 'cloudSolutionProviderContact']
  ] as const
  for (const [role, field] of roles) {
    const contact = spec.contacts?.[role]
    if (contact)
      set(field, { ...(current?.[field] as object | undefined), ...contactFields(contact) })
  }
  return fields
}

function contactFields(contact: PiContactSpec): Record<string, string> {
  const { uri, ...rest } = contact
  return { ...rest, ...(uri === undefined ? {} : { url: uri }) }
}

/**
 * Per image type the manifest states, its images in order: the n-th is the n-th of that type in
 * Partner Center, updated in place when its file name or position differ, created when there is
 * none. Images beyond the manifest's are left where they are (removing a published image is not
 * known to be allowed: docs/decisions/product-ingestion-action.md) and named in a warning.
 */
function imageWrites(
  ctx: WriteContext,
  listing: ResourceRef,
  warn: (message: string) => void
): (PlannedWrite | undefined)[] {
  const byType = new Map<string, PiImageSpec[]>()
  for (const image of ctx.offer.images)
    byType.set(image.type, [...(byType.get(image.type) ?? []), image])
  const writes: (PlannedWrite | undefined)[] = []
  for (const [type, images] of byType) {
    const existing = ctx.tree.assets(type)
    images.forEach((image, i) => {
      const current = existing[i]
      const subject = `${imageLabel(image)} (${image.fileName})`
      const same =
        current?.fileName === image.fileName && Number(current?.displayOrder ?? 0) === image.order
      if (same) {
        ctx.held.push(subject)
        return
      }
      writes.push(
        planWrite(
          'listing-asset',
          current,
          {
            product: ctx.product,
            listing,
            kind: 'azure',
            type,
            languageId: LANGUAGE,
            fileName: image.fileName,
            friendlyName: image.fileName,
            displayOrder: image.order,
            url: image.url
          },
          {
            subject,
            source: image.source,
            name: `image-${type}-${image.order}`
          },
          ctx.held
        )
      )
    })
    const extra = existing.slice(images.length).map(r => String(r.fileName ?? r.id))
    if (extra.length)
      warn(
        `the listing has ${extra.length} more ${type} image(s) than the manifest (${extra.join(', ')}); they are left in place: remove them in Partner Center if they should go`
      )
  }
  return writes
}

/** `large logo`, `screenshot 2`: the image as the manifest names it. */
function imageLabel(image: PiImageSpec): string {
  if (image.type === 'azureLogoScreenshot') return `screenshot ${image.order + 1}`
  return `${image.type.replace('azureLogo', '').toLowerCase()} logo`
}
