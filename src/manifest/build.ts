/**
 * Turns the checked manifest into the model the publish step consumes, resolving every file it
 * names. File problems are added to the list rather than thrown, so that one run reports them all.
 */
import type { ImageType } from '../ingestion/types.js'
import { formatField } from './field-path.js'
import {
  describeChecked,
  resolveFile,
  resolveReleaseAsset,
  type FileContext,
  type FileKind
} from './files.js'
import { offerGaps, planGaps } from './first-submission.js'
import type {
  CheckedItem,
  ImageSpec,
  ListingContactSpec,
  ListingLink,
  ListingSpec,
  ManagedAppConfigSpec,
  OfferSpec,
  PlanAvailabilitySpec,
  PlanSpec,
  ResolvedFile
} from './model.js'
import type { ProblemList } from './problems.js'
import type { RawListing, RawOffer, RawPackage, RawPlan, RawText } from './raw.js'
import type { ReleaseSource } from './release.js'
import type { FieldPath, SourceDocument } from './source.js'
import { fileTextProblem } from './text-limits.js'
import { fourPartVersion } from './version.js'

export interface BuildContext {
  source: SourceDocument
  problems: ProblemList
  files: FileContext
  version: string | undefined
  /** Fields still holding an unresolved `${{ version }}`: their files cannot be looked up. */
  unresolved: Set<string>
  /** The run's GitHub release, for packages that are release assets; absent: the run has none. */
  release?: ReleaseSource
  /**
   * In a check (mode: check): what each file turned out to be is added here, and release assets
   * are left for the publish (a check sends no request).
   */
  checkLog?: CheckedItem[]
}

const LOGOS: [keyof NonNullable<RawOffer['images']>, ImageType][] = [
  ['small', 'AzureLogoSmall'],
  ['medium', 'AzureLogoMedium'],
  ['large', 'AzureLogoLarge'],
  ['wide', 'AzureLogoWide']
]

/** The listing URI type of the privacy policy link; other links default to Documentation. */
const PRIVACY_URI_TYPE = 'PrivacyUri'
/** The evidence names no listing URI types besides the privacy policy; overridable per link. */
const DEFAULT_LINK_TYPE = 'Documentation'

export async function buildOffer(
  offer: RawOffer,
  index: number,
  ctx: BuildContext
): Promise<OfferSpec> {
  const at: FieldPath = ['offers', index]
  const [listing, images, termsOfUse, plans, businessCentral] = await Promise.all([
    offer.listing ? buildListing(offer.listing, [...at, 'listing'], ctx) : undefined,
    buildImages(offer, at, ctx),
    offer.properties?.termsOfUse !== undefined
      ? readText(offer.properties.termsOfUse, [...at, 'properties', 'termsOfUse'], ctx)
      : undefined,
    Promise.all(
      (offer.plans ?? []).map((plan, i) => buildPlan(plan, offer, [...at, 'plans', i], ctx))
    ),
    offer.type === 'business-central' ? buildBusinessCentral(offer, at, ctx) : undefined
  ])
  const properties = offer.properties && {
    categories: offer.properties.categories,
    industries: offer.properties.industries,
    termsOfUse,
    useEnterpriseContract: offer.properties.useEnterpriseContract,
    source: ctx.source.locate([...at, 'properties'])
  }
  return {
    offerId: offer.id,
    type: offer.type,
    name: offer.name,
    listing,
    images,
    properties,
    previewAudience: offer.previewAudience,
    resellerChannelState: offer.reseller,
    plans: plans.filter((plan): plan is PlanSpec => plan !== undefined),
    businessCentral,
    certificationNotes: offer.certificationNotes,
    firstSubmissionGaps: offerGaps(offer, at, ctx.source),
    source: ctx.source.locate(at)
  }
}

async function buildListing(
  raw: RawListing | NonNullable<RawPlan['listing']>,
  at: FieldPath,
  ctx: BuildContext
): Promise<ListingSpec> {
  const full = raw as RawListing
  const links: ListingLink[] = []
  if (full.privacyPolicy)
    links.push({ type: PRIVACY_URI_TYPE, displayText: 'Privacy policy', uri: full.privacyPolicy })
  for (const link of full.links ?? []) {
    links.push({ type: link.type ?? DEFAULT_LINK_TYPE, displayText: link.name, uri: link.uri })
  }
  const contacts: ListingContactSpec[] = []
  const roles = [
    ['support', 'CustomerSupport'],
    ['engineering', 'Engineering'],
    ['channelManager', 'ChannelManager']
  ] as const
  for (const [key, type] of roles) {
    const contact = full.contacts?.[key]
    if (contact) contacts.push({ type, ...contact })
  }
  return {
    title: full.title,
    summary: full.summary,
    shortDescription: full.shortDescription,
    description:
      raw.description === undefined
        ? undefined
        : await readText(raw.description, [...at, 'description'], ctx),
    keywords: full.keywords,
    gettingStartedInstructions: full.gettingStartedInstructions,
    links: full.privacyPolicy || full.links ? links : undefined,
    contacts: full.contacts ? contacts : undefined,
    source: ctx.source.locate(at)
  }
}

async function buildImages(
  offer: RawOffer,
  at: FieldPath,
  ctx: BuildContext
): Promise<ImageSpec[]> {
  const wanted: { type: ImageType; pattern: string; path: FieldPath; order: number }[] = []
  for (const [key, type] of LOGOS) {
    const pattern = offer.images?.[key]
    if (typeof pattern === 'string')
      wanted.push({ type, pattern, path: [...at, 'images', key], order: 0 })
  }
  offer.images?.screenshots?.forEach((pattern, order) =>
    wanted.push({
      type: 'AzureScreenshot',
      pattern,
      path: [...at, 'images', 'screenshots', order],
      order
    })
  )
  const resolved = await Promise.all(
    wanted.map(async image => {
      const file = await resolve(
        image.pattern,
        image.path,
        { kind: 'image', imageType: image.type },
        ctx
      )
      return file && { type: image.type, file, order: image.order }
    })
  )
  return resolved.filter((image): image is ImageSpec => image !== undefined)
}

async function buildPlan(
  raw: RawPlan,
  offer: RawOffer,
  at: FieldPath,
  ctx: BuildContext
): Promise<PlanSpec | undefined> {
  const [listing, pkg] = await Promise.all([
    raw.listing ? buildListing(raw.listing, [...at, 'listing'], ctx) : undefined,
    resolve(raw.package, [...at, 'package'], { kind: 'package' }, ctx)
  ])
  const version = raw.version ?? ctx.version
  // Problems were reported for a missing file or version; there is nothing to build.
  if (!pkg || version === undefined) return undefined
  const managed = offer.type === 'azure-managed-app'
  return {
    planId: raw.id,
    name: raw.name,
    subType: managed ? 'managed-application' : 'solution-template',
    listing,
    package: pkg,
    version,
    managedApp: managed ? managedConfig(raw) : undefined,
    availability: planAvailability(raw, at, ctx),
    firstSubmissionGaps: planGaps(raw, offer, at, ctx.source),
    source: ctx.source.locate(at)
  }
}

const AVAILABILITY_FIELDS = [
  'visibility',
  'privateAudience',
  'hidden',
  'markets',
  'pricing'
] as const

function planAvailability(
  raw: RawPlan,
  at: FieldPath,
  ctx: BuildContext
): PlanAvailabilitySpec | undefined {
  if (AVAILABILITY_FIELDS.every(field => raw[field] === undefined)) return undefined
  const stated = AVAILABILITY_FIELDS.find(field => raw[field] !== undefined) ?? 'markets'
  return {
    visibility: raw.visibility,
    privateAudience: raw.privateAudience,
    hidden: raw.hidden,
    markets: raw.markets,
    pricing: raw.pricing && {
      monthly: raw.pricing.monthly,
      byMarket: (raw.pricing.byMarket ?? []).map(m => ({
        market: m.market,
        monthly: m.monthly,
        currency: m.currency ?? 'USD'
      }))
    },
    source: ctx.source.locate([...at, stated])
  }
}

function managedConfig(raw: RawPlan): ManagedAppConfigSpec {
  return {
    publicAzureTenantID: raw.tenantId ?? '',
    publicAzureAuthorizations: (raw.authorizations ?? []).map(a => ({
      principalID: a.principalId,
      roleDefinitionID: a.roleDefinitionId
    })),
    allowJitAccess: raw.jitAccess,
    canEnableCustomerActions: raw.customerActions?.enabled,
    allowedCustomerActions: raw.customerActions?.allowed,
    allowedDataActions: raw.customerActions?.dataActions,
    policies: raw.policies?.map(p => ({
      policyName: p.name,
      policyDefinitionID: p.definitionId,
      // The API takes the parameters as a JSON string.
      policyParameters:
        p.parameters === undefined || typeof p.parameters === 'string'
          ? p.parameters
          : JSON.stringify(p.parameters),
      policySku: p.sku
    }))
  }
}

async function buildBusinessCentral(offer: RawOffer, at: FieldPath, ctx: BuildContext) {
  const [app, library] = await Promise.all([
    offer.app === undefined
      ? undefined
      : resolve(offer.app, [...at, 'app'], { kind: 'bc-app' }, ctx),
    offer.library === undefined
      ? undefined
      : resolve(offer.library, [...at, 'library'], { kind: 'bc-library' }, ctx)
  ])
  const appVersion =
    offer.appVersion ?? (ctx.version === undefined ? undefined : fourPartVersion(ctx.version))
  if (!app || appVersion === undefined || (offer.library !== undefined && !library))
    return undefined
  return { app, library, appVersion }
}

/** Inline text as it is, or a text file's content (a problem is added when it cannot be read). */
export async function readText(
  text: RawText,
  at: FieldPath,
  ctx: BuildContext
): Promise<string | undefined> {
  if (typeof text === 'string') return text
  const filePath = [...at, 'file']
  if (ctx.unresolved.has(formatField(filePath))) return undefined
  const result = await resolveFile(
    text.file,
    { kind: 'text' },
    ctx.source.locate(filePath),
    ctx.files
  )
  const problem = result.ok
    ? fileTextProblem(result.text ?? '', formatField(at), ctx.files.display(result.file.path))
    : result.problem
  if (problem) {
    ctx.problems.add({
      ...problem,
      field: formatField(filePath),
      source: ctx.source.locate(filePath)
    })
    return undefined
  }
  if (!result.ok) return undefined
  ctx.checkLog?.push({
    field: formatField(filePath),
    what: describeChecked(result.file, { kind: 'text' }, ctx.files, result.text)
  })
  return result.text
}

async function resolve(
  file: RawPackage,
  at: FieldPath,
  kind: FileKind,
  ctx: BuildContext
): Promise<ResolvedFile | undefined> {
  const fromRelease = typeof file === 'object'
  const patternAt = fromRelease ? [...at, 'releaseAsset'] : at
  const field = formatField(patternAt)
  if (ctx.unresolved.has(field)) return undefined
  const source = ctx.source.locate(patternAt)
  if (fromRelease && ctx.checkLog) {
    ctx.checkLog.push({
      field,
      what: `release asset ${file.releaseAsset}: downloaded and checked at publish`,
      atPublish: true
    })
    return undefined
  }
  const result = fromRelease
    ? await resolveReleaseAsset(file.releaseAsset, kind, source, ctx.files, ctx.release)
    : await resolveFile(file, kind, source, ctx.files)
  if (!result.ok) {
    ctx.problems.add({ ...result.problem, field, source })
    return undefined
  }
  ctx.checkLog?.push({ field, what: describeChecked(result.file, kind, ctx.files) })
  return result.file
}
