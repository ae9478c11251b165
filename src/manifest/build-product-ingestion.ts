/**
 * Turns a checked product-ingestion offer of the manifest into the model the driver consumes:
 * description and terms files read, image URLs named, image versions and pricing in one shape,
 * every part located in the manifest.
 */
import { readText, type BuildContext } from './build.js'
import type {
  PiImageSpec,
  PiImageType,
  PiListingSpec,
  PiPlanSpec,
  PricingSpec,
  ProductIngestionOfferSpec,
  VmImageSpec
} from './model-product-ingestion.js'
import {
  VM_IMAGE_TYPES,
  type RawPiImages,
  type RawPiOffer,
  type RawPiPlan
} from './raw-product-ingestion.js'
import type { FieldPath } from './source.js'

const LOGOS: [keyof Omit<RawPiImages, 'screenshots'>, PiImageType][] = [
  ['small', 'azureLogoSmall'],
  ['medium', 'azureLogoMedium'],
  ['large', 'azureLogoLarge'],
  ['wide', 'azureLogoWide']
]

export async function buildProductIngestionOffer(
  offer: RawPiOffer,
  index: number,
  ctx: BuildContext
): Promise<ProductIngestionOfferSpec> {
  const at: FieldPath = ['offers', index]
  const locate = (path: FieldPath) => ctx.source.locate(path)
  const raw = offer.properties
  const [listing, termsOfUse, plans] = await Promise.all([
    offer.listing ? buildListing(offer, [...at, 'listing'], ctx) : undefined,
    raw?.termsOfUse === undefined
      ? undefined
      : readText(raw.termsOfUse, [...at, 'properties', 'termsOfUse'], ctx),
    Promise.all(offer.plans.map((plan, i) => buildPlan(plan, [...at, 'plans', i], ctx)))
  ])
  return {
    offerId: offer.id,
    type: offer.type,
    name: offer.name,
    listing,
    images: images(offer.images, [...at, 'images'], ctx),
    properties: raw && {
      categories: raw.categories,
      termsOfUse,
      termsOfUseUrl: raw.termsOfUseUrl,
      useEnterpriseContract: raw.useEnterpriseContract,
      source: locate([...at, 'properties'])
    },
    marketplaceSetup: offer.marketplaceSetup && {
      ...offer.marketplaceSetup,
      source: locate([...at, 'marketplaceSetup'])
    },
    technicalConfiguration: offer.technicalConfiguration && {
      ...offer.technicalConfiguration,
      source: locate([...at, 'technicalConfiguration'])
    },
    plans,
    source: locate(at)
  }
}

async function buildListing(
  offer: RawPiOffer,
  at: FieldPath,
  ctx: BuildContext
): Promise<PiListingSpec> {
  const { description, ...rest } = offer.listing ?? {}
  return {
    ...rest,
    description:
      description === undefined
        ? undefined
        : await readText(description, [...at, 'description'], ctx),
    source: ctx.source.locate(at)
  }
}

function images(raw: RawPiImages | undefined, at: FieldPath, ctx: BuildContext): PiImageSpec[] {
  const image = (url: string, type: PiImageType, path: FieldPath, order: number): PiImageSpec => ({
    type,
    url,
    fileName: fileNameOf(url),
    order,
    source: ctx.source.locate(path)
  })
  const logos = LOGOS.flatMap(([key, type]) => {
    const url = raw?.[key]
    return url === undefined ? [] : [image(url, type, [...at, key], 0)]
  })
  const screenshots = (raw?.screenshots ?? []).map((url, order) =>
    image(url, 'azureLogoScreenshot', [...at, 'screenshots', order], order)
  )
  return [...logos, ...screenshots]
}

/** `https://cdn.contoso.com/img/logo-216.png?v=2` → `logo-216.png`. */
function fileNameOf(url: string): string {
  const path = new URL(url).pathname
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)) || 'image.png'
}

async function buildPlan(raw: RawPiPlan, at: FieldPath, ctx: BuildContext): Promise<PiPlanSpec> {
  const locate = (path: FieldPath) => ctx.source.locate(path)
  const description =
    raw.listing?.description === undefined
      ? undefined
      : await readText(raw.listing.description, [...at, 'listing', 'description'], ctx)
  return {
    planId: raw.id,
    name: raw.name,
    listing: raw.listing && {
      summary: raw.listing.summary,
      description,
      source: locate([...at, 'listing'])
    },
    markets: raw.markets,
    hidden: raw.hidden,
    pricing: raw.pricing && pricing(raw.pricing, locate([...at, 'pricing'])),
    image: raw.image && vmImage(raw, at, ctx),
    operatingSystem: raw.operatingSystem,
    cnab: raw.cnab && { ...raw.cnab, source: locate([...at, 'cnab']) },
    source: locate(at)
  }
}

function pricing(
  raw: NonNullable<RawPiPlan['pricing']>,
  source: PricingSpec['source']
): PricingSpec {
  if (raw.model === 'flat-rate' || raw.model === 'per-user')
    return { kind: 'saas', ...raw, source } as PricingSpec
  return { kind: 'core', ...raw, source } as PricingSpec
}

/** The rules made sure each source names a gallery image or an OS disk, and the version is known. */
function vmImage(raw: RawPiPlan, at: FieldPath, ctx: BuildContext): VmImageSpec {
  const image = raw.image ?? {}
  return {
    version: image.version ?? ctx.version ?? '',
    images: VM_IMAGE_TYPES.flatMap(imageType => {
      const source = image[imageType]
      if (!source) return []
      return [
        {
          imageType,
          source: source.galleryImageVersion
            ? {
                kind: 'gallery' as const,
                resourceId: source.galleryImageVersion,
                tenantId: source.tenantId ?? ''
              }
            : {
                kind: 'vhd' as const,
                osDisk: source.osDisk ?? '',
                dataDisks: source.dataDisks ?? []
              }
        }
      ]
    }),
    source: ctx.source.locate([...at, 'image'])
  }
}
