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
import { draftResources } from './drafts.js'
import { validationItem } from './errors.js'
import { sameId } from './model.js'
import type { Json, ProductRecord } from './store.js'

interface Rule {
  basis: 'evidenced' | 'inferred'
  /** Why the rule exists, with its evidence tags (shared/reference/ingestion-v1.md §0). */
  why: string
  check(record: ProductRecord, plans: Plan[]): Json[]
}

interface Plan {
  id: string
  planId: string
  managed: boolean
}

const isEmpty = (value: unknown): boolean =>
  value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length)
const list = (value: unknown): Json[] => (Array.isArray(value) ? (value as Json[]) : [])
const isGuid = (value: unknown): boolean =>
  typeof value === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value)
const isAzureApp = (record: ProductRecord): boolean => record.resourceType === 'AzureApplication'

const LISTING_TEXT = ['title', 'summary', 'description']

/** An item whose resource is its code's prefix (`Listing-20101` → `Listing`). */
const item = (errorCode: string, message: string): Json =>
  validationItem(errorCode, errorCode.split('-')[0], message)

export const RULES: Record<string, Rule> = {
  'preview-audience': {
    basis: 'inferred',
    why: 'issue 13: Partner Center refuses an Azure Application submission without a preview audience; ingestion-v1.md §3.8 [PCC] gives its shape',
    check: record => {
      const [availability] = draftResources(record, 'productAvailability', 'Availability')
      const ids = list(availability?.audiences).flatMap(a => list(a?.values))
      return !isAzureApp(record) || ids.length
        ? []
        : [item('Availability-20101', 'Preview audience is required.')]
    }
  },
  'plan-markets-and-price': {
    basis: 'inferred',
    why: 'issue 13: a managed application plan needs markets and a price before a submission passes validation',
    check: (record, plans) =>
      plans
        .filter(plan => plan.managed)
        .flatMap(({ id, planId }) => {
          const [plan] = draftResources(record, 'featureAvailability', 'Availability', id)
          const prices = list(plan?.priceSchedules).flatMap(s => list(s.schedules))
          const problems: Json[] = []
          if (!list(plan?.marketStates).some(m => m.state === 'Enabled'))
            problems.push(item('Availability-20102', `Plan ${planId} has no market.`))
          if (!prices.some(p => typeof (p.retailPrice as Json)?.openPrice === 'number'))
            problems.push(item('Availability-20103', `Plan ${planId} has no price.`))
          return problems
        })
  },
  'listing-fields': {
    basis: 'inferred',
    why: 'Partner Center marks the offer listing name, summary, description and privacy policy link required, and support and engineering contacts on Azure Applications, and each Azure Application plan listing needs a name, summary and description',
    check: (record, plans) => {
      const [listing = {}] = draftResources(record, 'listing', 'Listing')
      const missing = LISTING_TEXT.filter(field => isEmpty(listing[field]))
      if (!list(listing.listingUris).some(u => u.type === 'PrivacyUri' && !isEmpty(u.uri)))
        missing.push('privacy policy')
      for (const type of isAzureApp(record) ? ['CustomerSupport', 'Engineering'] : []) {
        const contact = list(listing.listingContacts).find(c => c.type === type)
        if (!contact || isEmpty(contact.name) || isEmpty(contact.email))
          missing.push(`${type} contact`)
      }
      const problems = missing.map(field =>
        item('Listing-20101', `The listing's ${field} is required.`)
      )
      for (const { id, planId } of isAzureApp(record) ? plans : []) {
        const [planListing = {}] = draftResources(record, 'listing', 'Listing', id)
        for (const field of LISTING_TEXT.filter(f => isEmpty(planListing[f])))
          problems.push(
            item('Listing-20102', `The listing ${field} of plan ${planId} is required.`)
          )
      }
      return problems
    }
  },
  'listing-images': {
    basis: 'inferred',
    why: 'Partner Center requires the large logo (216x216) on every offer listing and makes the other sizes from it',
    check: record => {
      const [listing] = draftResources(record, 'listing', 'Listing')
      const logo = record.images.some(
        i =>
          sameId(i.listingId, String(listing?.id)) &&
          i.body.type === 'AzureLogoLarge' &&
          i.uploadedAt !== undefined
      )
      return logo ? [] : [item('Listing-20103', 'The large logo (AzureLogoLarge) is required.')]
    }
  },
  'plan-technical-configuration': {
    basis: 'evidenced',
    why: 'ingestion-v1.md §7 pitfall 10 [PCX][PCC]: a managed-app configuration without authorizations fails with "Enter a valid GUID"; a plan without a version cannot be published',
    check: (record, plans) =>
      plans.flatMap(({ id, planId, managed }) => {
        const [config] = draftResources(record, 'packageConfiguration', 'Package', id)
        const problems: string[] = []
        if (config && isEmpty(config.version)) problems.push('the version is required.')
        if (config && managed && !isGuid(config.publicAzureTenantID))
          problems.push('Enter a valid GUID for the tenant ID.')
        const authorizations = list(config?.publicAzureAuthorizations)
        if (
          config &&
          managed &&
          (!authorizations.length ||
            authorizations.some(a => !isGuid(a.principalID) || !isGuid(a.roleDefinitionID)))
        )
          problems.push('Enter a valid GUID for each authorization (principal and role).')
        return problems.map(p => item('Package-20101', `Plan ${planId}: ${p}`))
      })
  },
  'property-fields': {
    basis: 'inferred',
    why: 'Partner Center requires at least one category and legal terms (the Standard Contract or your own terms of use) on the offer properties; Business Central also needs the app version ([BCH] sets it on every release)',
    check: record => {
      const [property = {}] = draftResources(record, 'property', 'Property')
      const problems: string[] = []
      if (isAzureApp(record) && isEmpty(property.categories))
        problems.push('At least one category is required.')
      if (property.useEnterpriseContract !== true && isEmpty(property.termsOfUse))
        problems.push('Terms of use or the Standard Contract are required.')
      if (!isAzureApp(record) && isEmpty(property.appVersion))
        problems.push('The app version is required.')
      return problems.map(p => item('Property-20101', p))
    }
  }
}

export function completenessItems(record: ProductRecord): Json[] {
  const plans = record.variants.map(v => ({
    id: String(v.body.id),
    planId: String(v.body.externalID),
    managed: v.body.subType === 'managed-application'
  }))
  return Object.values(RULES).flatMap(rule => rule.check(record, plans))
}
