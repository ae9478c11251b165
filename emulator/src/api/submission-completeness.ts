/**
 * The stricter submission validation of `--submission-checks strict` (off by default): a
 * submission fails validation, with the service's items, when a module the offer type needs is
 * incomplete in the product's current drafts. Partner Center refuses such submissions (issue 13:
 * a new Azure Application without preview audience, markets or prices); until the action can send
 * those settings the emulator accepts them unless asked to be strict.
 *
 * Each rule says whether it is evidenced or inferred. The error codes are all inferred: the only
 * recorded item is Resell-20007 (`{errorCode, severity, message, resource}`), whose pattern they
 * follow.
 */
import { sameId } from './model.js'
import type { InstanceKind, Json, Module, ProductRecord } from './store.js'

interface Rule {
  basis: 'evidenced' | 'inferred'
  /** Why the rule exists, with its evidence tags (shared/reference/ingestion-v1.md §0). */
  why: string
  check(offer: Offer): Json[]
}

/** The product's current drafts as the rules read them. */
interface Offer {
  record: ProductRecord
  isAzureApp: boolean
  /** The resources of a module's current draft: offer level, or the plan's. */
  draft(module: Module, kind: InstanceKind, variantID?: string): Json[]
  plans: { id: string; planId: string; subType: unknown }[]
}

const item = (errorCode: string, resource: string, message: string): Json => ({
  errorCode,
  severity: 'Error',
  message,
  resource
})

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const isGuid = (value: unknown): boolean => typeof value === 'string' && GUID.test(value)

const LISTING_TEXT = ['title', 'summary', 'description'] as const
const CONTACT_TYPES = ['CustomerSupport', 'Engineering'] as const

export const RULES: Record<string, Rule> = {
  'preview-audience': {
    basis: 'inferred',
    why: 'issue 13: Partner Center refuses an Azure Application submission without a preview audience; ingestion-v1.md §3.8 [PCC] gives its shape',
    check: offer => {
      if (!offer.isAzureApp) return []
      const audiences = offer.draft('Availability', 'productAvailability')[0]?.audiences
      const ids = Array.isArray(audiences)
        ? (audiences as Json[]).flatMap(a => (Array.isArray(a?.values) ? a.values : []))
        : []
      return ids.length
        ? []
        : [item('Availability-20101', 'Availability', 'Preview audience is required.')]
    }
  },
  'plan-markets-and-price': {
    basis: 'inferred',
    why: 'issue 13: a managed application plan needs markets and a price before a submission passes validation',
    check: offer =>
      offer.plans
        .filter(p => p.subType === 'managed-application')
        .flatMap(plan => {
          const availability = offer.draft('Availability', 'featureAvailability', plan.id)[0] ?? {}
          const markets = (availability.marketStates as Json[] | undefined) ?? []
          const prices = ((availability.priceSchedules as Json[] | undefined) ?? []).flatMap(
            s => (s.schedules as Json[] | undefined) ?? []
          )
          return [
            ...(markets.some(m => m.state === 'Enabled')
              ? []
              : [item('Availability-20102', 'Availability', `Plan ${plan.planId} has no market.`)]),
            ...(prices.some(p => typeof (p.retailPrice as Json | undefined)?.openPrice === 'number')
              ? []
              : [item('Availability-20103', 'Availability', `Plan ${plan.planId} has no price.`)])
          ]
        })
  },
  'listing-fields': {
    basis: 'inferred',
    why: 'Partner Center marks the offer listing name, summary, description and privacy policy link required, and support and engineering contacts on Azure Applications, and each Azure Application plan listing needs a name, summary and description',
    check: offer => {
      const listing = offer.draft('Listing', 'listing')[0] ?? {}
      const missing: string[] = LISTING_TEXT.filter(field => isEmpty(listing[field]))
      const uris = (listing.listingUris as Json[] | undefined) ?? []
      if (!uris.some(u => u.type === 'PrivacyUri' && !isEmpty(u.uri)))
        missing.push('privacy policy')
      if (offer.isAzureApp) {
        const contacts = (listing.listingContacts as Json[] | undefined) ?? []
        for (const type of CONTACT_TYPES) {
          const contact = contacts.find(c => c.type === type)
          if (!contact || isEmpty(contact.name) || isEmpty(contact.email))
            missing.push(`${type} contact`)
        }
      }
      const items = missing.map(field =>
        item('Listing-20101', 'Listing', `The listing's ${field} is required.`)
      )
      if (!offer.isAzureApp) return items
      for (const plan of offer.plans) {
        const planListing = offer.draft('Listing', 'listing', plan.id)[0] ?? {}
        for (const field of LISTING_TEXT.filter(f => isEmpty(planListing[f]))) {
          items.push(
            item(
              'Listing-20102',
              'Listing',
              `The listing ${field} of plan ${plan.planId} is required.`
            )
          )
        }
      }
      return items
    }
  },
  'listing-images': {
    basis: 'inferred',
    why: 'Partner Center requires the large logo (216x216) on every offer listing and makes the other sizes from it',
    check: offer => {
      const listing = offer.draft('Listing', 'listing')[0]
      const logo = offer.record.images.find(
        i =>
          listing !== undefined &&
          sameId(i.listingId, String(listing.id)) &&
          i.body.type === 'AzureLogoLarge' &&
          i.uploadedAt !== undefined
      )
      return logo
        ? []
        : [item('Listing-20103', 'Listing', 'The large logo (AzureLogoLarge) is required.')]
    }
  },
  'plan-technical-configuration': {
    basis: 'evidenced',
    why: 'ingestion-v1.md §7 pitfall 10 [PCX][PCC]: a managed-app configuration without authorizations fails with "Enter a valid GUID"; a plan without a version cannot be published',
    check: offer =>
      offer.plans.flatMap(plan => {
        const config = offer.draft('Package', 'packageConfiguration', plan.id)[0]
        if (!config) return []
        const fail = (message: string): Json =>
          item('Package-20101', 'Package', `Plan ${plan.planId}: ${message}`)
        const items = isEmpty(config.version) ? [fail('the version is required.')] : []
        if (plan.subType !== 'managed-application') return items
        if (!isGuid(config.publicAzureTenantID))
          items.push(fail('Enter a valid GUID for the tenant ID.'))
        const authorizations = (config.publicAzureAuthorizations as Json[] | undefined) ?? []
        if (
          authorizations.length === 0 ||
          authorizations.some(a => !isGuid(a.principalID) || !isGuid(a.roleDefinitionID))
        ) {
          items.push(fail('Enter a valid GUID for each authorization (principal and role).'))
        }
        return items
      })
  },
  'property-fields': {
    basis: 'inferred',
    why: 'Partner Center requires at least one category and legal terms (the Standard Contract or your own terms of use) on the offer properties; Business Central also needs the app version ([BCH] sets it on every release)',
    check: offer => {
      const property = offer.draft('Property', 'property')[0] ?? {}
      const items: Json[] = []
      const fail = (message: string): number =>
        items.push(item('Property-20101', 'Property', message))
      if (offer.isAzureApp && isEmpty(property.categories))
        fail('At least one category is required.')
      if (property.useEnterpriseContract !== true && isEmpty(property.termsOfUse))
        fail('Terms of use or the Standard Contract are required.')
      if (!offer.isAzureApp && isEmpty(property.appVersion)) fail('The app version is required.')
      return items
    }
  }
}

export function completenessItems(record: ProductRecord): Json[] {
  const offer: Offer = {
    record,
    isAzureApp: record.resourceType === 'AzureApplication',
    draft: (module, kind, variantID) => {
      const draft = record.drafts.find(
        d =>
          d.module === module &&
          (variantID === undefined ? d.variantID === undefined : d.variantID === variantID)
      )
      return record.resources
        .filter(r => r.kind === kind && r.instanceID === draft?.instanceID)
        .map(r => r.body)
    },
    plans: record.variants.map(v => ({
      id: String(v.body.id),
      planId: String(v.body.externalID),
      subType: v.body.subType
    }))
  }
  return Object.values(RULES).flatMap(rule => rule.check(offer))
}
