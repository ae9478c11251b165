/**
 * What Partner Center requires before an offer's first submission, per offer type: a submission
 * without it fails validation. The emulator's strict submission checks
 * (emulator/src/api/submission-completeness.ts) hold the same list, and docs/manifest.md shows it.
 *
 * An offer that exists already may have these settings in Partner Center, so the manifest need
 * not state them. A new offer or plan has nothing else to set them: the publish step checks this
 * list before it creates one (src/publish/first-submission.ts), so that no offer is left
 * half-created. The listing title is not here: Partner Center fills it from the offer's name.
 */
import { formatField } from './field-path.js'
import type { ManifestProblem } from './problems.js'
import type { RawOffer, RawPlan } from './raw.js'
import type { FieldPath, SourceDocument } from './source.js'

interface Requirement<T> {
  /** Below the offer or plan. */
  path: FieldPath
  /** What is missing, for the message: `preview audience`. */
  what: string
  hint: string
  /** Whether the manifest states it; default: the value at `path` is present and not empty. */
  stated?: (owner: T) => boolean
}

const LISTING: Requirement<RawOffer>[] = [
  {
    path: ['listing', 'summary'],
    what: 'listing summary',
    hint: 'Add listing.summary: the search results summary, up to 100 characters.'
  },
  {
    path: ['listing', 'description'],
    what: 'listing description',
    hint: 'Add listing.description: the long description, inline or { file: path }.'
  },
  {
    path: ['listing', 'privacyPolicy'],
    what: 'privacy policy link',
    hint: 'Add listing.privacyPolicy: the URL of your privacy policy.'
  },
  {
    path: ['images', 'large'],
    what: 'large logo',
    hint: 'Add images.large: a 216x216 PNG (Partner Center makes the other sizes from it).'
  },
  {
    path: ['properties', 'useEnterpriseContract'],
    what: 'legal terms',
    hint: 'Add properties.useEnterpriseContract: true (the Standard Contract), or your own properties.termsOfUse.',
    stated: offer =>
      offer.properties?.useEnterpriseContract === true || offer.properties?.termsOfUse !== undefined
  }
]

const CONTACTS: Requirement<RawOffer>[] = (['support', 'engineering'] as const).flatMap(role =>
  (['name', 'email'] as const).map(field => ({
    path: ['listing', 'contacts', role, field],
    what: `${role} contact ${field}`,
    hint: `Add listing.contacts.${role}.${field}: Partner Center needs a ${role} contact with a name and an email address.`
  }))
)

const AZURE_APPLICATION: Requirement<RawOffer>[] = [
  ...LISTING,
  ...CONTACTS,
  {
    path: ['properties', 'categories'],
    what: 'category',
    hint: 'Add properties.categories: at least one marketplace category ID, e.g. [analytics].'
  },
  {
    path: ['previewAudience'],
    what: 'preview audience',
    hint: 'Add previewAudience: the Azure subscription IDs that may see the offer in preview.'
  }
]

const OFFER: Record<RawOffer['type'], Requirement<RawOffer>[]> = {
  'azure-solution-template': AZURE_APPLICATION,
  'azure-managed-app': AZURE_APPLICATION,
  'business-central': LISTING
}

const PLAN: Requirement<RawPlan>[] = [
  {
    path: ['listing', 'summary'],
    what: 'listing summary',
    hint: 'Add listing.summary to the plan: its summary, up to 100 characters.'
  },
  {
    path: ['listing', 'description'],
    what: 'listing description',
    hint: 'Add listing.description to the plan: what the plan offers.'
  },
  {
    path: ['privateAudience'],
    what: 'private audience',
    hint: 'Add privateAudience: the Azure subscription IDs that may buy this private plan.',
    stated: plan => plan.visibility !== 'private' || (plan.privateAudience ?? []).length > 0
  }
]

const MANAGED_PLAN: Requirement<RawPlan>[] = [
  ...PLAN,
  {
    path: ['markets'],
    what: 'markets',
    hint: 'Add markets: the lower-case codes of the markets the plan is sold in, e.g. [us, ca].'
  },
  {
    path: ['pricing'],
    what: 'price',
    hint: 'Add pricing.monthly: the price per month in USD.'
  }
]

/** The offer-level requirements of its type that the manifest leaves out. */
export function offerGaps(
  offer: RawOffer,
  at: FieldPath,
  source: SourceDocument
): ManifestProblem[] {
  return gaps(OFFER[offer.type], offer, at, `offer "${offer.id}"`, source)
}

/** A plan's requirements that the manifest leaves out. */
export function planGaps(
  plan: RawPlan,
  offer: RawOffer,
  at: FieldPath,
  source: SourceDocument
): ManifestProblem[] {
  const requirements = offer.type === 'azure-managed-app' ? MANAGED_PLAN : PLAN
  return gaps(requirements, plan, at, `plan "${plan.id}"`, source)
}

function gaps<T extends object>(
  requirements: readonly Requirement<T>[],
  owner: T,
  at: FieldPath,
  subject: string,
  source: SourceDocument
): ManifestProblem[] {
  return requirements
    .filter(r => !(r.stated ? r.stated(owner) : isStated(valueAt(owner, r.path))))
    .map(r => {
      const path = [...at, ...r.path]
      return {
        field: formatField(path),
        // A missing field is located at the nearest object the manifest has (source.ts).
        source: source.locate(path),
        message: `${subject} has no ${r.what}, which Partner Center requires before a first submission`,
        hint: r.hint
      }
    })
}

function valueAt(owner: object, path: FieldPath): unknown {
  let node: unknown = owner
  for (const key of path)
    node =
      node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined
  return node
}

function isStated(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.length > 0
  return value !== undefined && value !== null
}
