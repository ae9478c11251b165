/**
 * Rules the JSON Schema cannot express: uniqueness, which fields belong to which offer and plan
 * type, and versions derived from the published one.
 */
import { formatField } from './field-path.js'
import { isProductIngestionType } from './model-product-ingestion.js'
import type { ProblemList } from './problems.js'
import {
  AZURE_APPLICATION_FIELDS,
  BUSINESS_CENTRAL_FIELDS,
  MANAGED_APP_FIELDS,
  type RawOffer,
  type RawPlan
} from './raw.js'
import type { RawPiOffer } from './raw-product-ingestion.js'
import { checkProductIngestionOffer } from './rules-product-ingestion.js'
import type { FieldPath, SourceDocument } from './source.js'
import { fourPartVersion } from './version.js'

const PLAN_VERSION = /^\d+\.\d+\.\d+$/

/** The version being published, and whether the run needs one (follow and list do not). */
export interface VersionContext {
  version: string | undefined
  needsVersion: boolean
}

export function checkOffers(
  offers: { offer: RawOffer | RawPiOffer; index: number }[],
  versions: VersionContext,
  source: SourceDocument,
  problems: ProblemList
): void {
  const report: Report = (path, message, hint, at = 'value', versionRequired = false) =>
    problems.add({
      field: formatField(path),
      source: source.locate(path, at),
      message,
      hint,
      versionRequired
    })

  const firstById = new Map<string, number>()
  for (const { offer, index } of offers) {
    const first = firstById.get(offer.id)
    if (first === undefined) firstById.set(offer.id, index)
    else {
      const line = source.locate(['offers', first, 'id']).line
      report(
        ['offers', index, 'id'],
        `duplicate offer ID "${offer.id}"`,
        `Offer IDs must be unique; "${offer.id}" is already used on line ${line}.`
      )
    }
  }

  for (const { offer, index } of offers) {
    const at: FieldPath = ['offers', index]
    if (isProductIngestionOffer(offer))
      checkProductIngestionOffer(offer, at, versions, source, report)
    else if (offer.type === 'business-central') checkBusinessCentral(offer, at, versions, report)
    else checkAzureOffer(offer, at, versions, source, report)
    if (
      offer.properties?.termsOfUse !== undefined &&
      offer.properties.useEnterpriseContract === true
    ) {
      report(
        [...at, 'properties', 'useEnterpriseContract'],
        'useEnterpriseContract and termsOfUse are both set',
        'Use either the Standard Contract (useEnterpriseContract: true) or your own termsOfUse, not both.'
      )
    }
  }
}

function isProductIngestionOffer(offer: RawOffer | RawPiOffer): offer is RawPiOffer {
  return isProductIngestionType(offer.type)
}

export type Report = (
  path: FieldPath,
  message: string,
  hint: string,
  at?: 'key' | 'value',
  /** Only a known version would fix it (VERSION_REQUIRED when it is the only kind of problem). */
  versionRequired?: boolean
) => void

function checkBusinessCentral(
  offer: RawOffer,
  at: FieldPath,
  { version, needsVersion }: VersionContext,
  report: Report
): void {
  if (offer.plans !== undefined) {
    report(
      [...at, 'plans'],
      'a business-central offer has no plans',
      'Remove "plans"; name the .app with "app" instead.',
      'key'
    )
  }
  for (const field of AZURE_APPLICATION_FIELDS) {
    if (offer[field] !== undefined) {
      report(
        [...at, field],
        `"${field}" is only for Azure Application offers`,
        `Remove "${field}"; Business Central offers have no preview audience of their own.`,
        'key'
      )
    }
  }
  if (offer.app === undefined) {
    report(
      [...at, 'app'],
      `missing required field "app" in ${formatField(at)}`,
      'Add "app": the path or glob of the Business Central .app file.'
    )
  }
  if (offer.appVersion === undefined && needsVersion) {
    if (version === undefined) {
      report(
        [...at, 'appVersion'],
        `${formatField(at)} needs an app version but no version is known`,
        'Pass the `version` input, push a tag such as v1.2.3, or set "appVersion: 1.2.3.0" on the offer.',
        'value',
        true
      )
    } else if (fourPartVersion(version) === undefined) {
      report(
        [...at, 'appVersion'],
        `the version ${version} cannot be used as a Business Central app version`,
        'Set "appVersion" to four numbers such as 1.2.3.0.'
      )
    }
  }
}

function checkAzureOffer(
  offer: RawOffer,
  at: FieldPath,
  versions: VersionContext,
  source: SourceDocument,
  report: Report
): void {
  for (const field of BUSINESS_CENTRAL_FIELDS) {
    if (offer[field] !== undefined) {
      report(
        [...at, field],
        `"${field}" is only for business-central offers`,
        `Remove "${field}"; Azure application offers publish a package per plan.`,
        'key'
      )
    }
  }
  if (!offer.plans || offer.plans.length === 0) {
    report(
      [...at, 'plans'],
      `${offer.type} offer "${offer.id}" has no plans`,
      'Add at least one plan with its id, name and package.'
    )
    return
  }
  const managed = offer.type === 'azure-managed-app'
  checkUniquePlanIds(offer, at, source, report)
  offer.plans.forEach((plan, index) => {
    const planAt: FieldPath = [...at, 'plans', index]
    if (versions.needsVersion) checkPlanVersion(plan, planAt, versions.version, report)
    checkVisibility(plan, planAt, report)
    if (managed) checkManagedPlan(plan, planAt, report)
    else {
      for (const field of MANAGED_APP_FIELDS) {
        if (plan[field] !== undefined) {
          report(
            [...planAt, field],
            `"${field}" is only for azure-managed-app plans`,
            `Remove "${field}", or change the offer type to azure-managed-app.`,
            'key'
          )
        }
      }
    }
  })
}

export function checkUniquePlanIds(
  offer: { id: string; plans?: { id: string }[] },
  at: FieldPath,
  source: SourceDocument,
  report: Report
): void {
  const firstById = new Map<string, number>()
  offer.plans?.forEach((plan, index) => {
    const first = firstById.get(plan.id)
    if (first === undefined) firstById.set(plan.id, index)
    else {
      const line = source.locate([...at, 'plans', first, 'id']).line
      report(
        [...at, 'plans', index, 'id'],
        `duplicate plan ID "${plan.id}" in offer "${offer.id}"`,
        `Plan IDs must be unique within an offer; "${plan.id}" is already used on line ${line}.`
      )
    }
  })
}

function checkPlanVersion(
  plan: RawPlan,
  at: FieldPath,
  version: string | undefined,
  report: Report
): void {
  checkDerivedVersion(plan.version, [...at, 'version'], version, report, {
    planId: plan.id,
    kind: 'package',
    where: 'on the plan'
  })
}

/**
 * A plan's X.Y.Z version (its package's, its image's) that the manifest may leave to the
 * published one: then a version must be known, and of that form.
 */
export function checkDerivedVersion(
  stated: string | undefined,
  at: FieldPath,
  version: string | undefined,
  report: Report,
  field: { planId: string; kind: 'package' | 'image'; where: string }
): void {
  if (stated !== undefined) return // the schema checked its format
  const { planId, kind, where } = field
  const noun = `${kind === 'image' ? 'an' : 'a'} ${kind} version`
  if (version === undefined) {
    report(
      at,
      `plan "${planId}" needs ${noun} but no version is known`,
      `Pass the \`version\` input, push a tag such as v1.2.3, or set "version: 1.2.3" ${where}.`,
      'value',
      true
    )
  } else if (!PLAN_VERSION.test(version)) {
    report(
      at,
      `the version ${version} cannot be used as the ${kind} version of plan "${planId}"`,
      `Partner Center takes X.Y.Z ${kind} versions: set "version: 1.2.3" ${where}.`
    )
  }
}

function checkManagedPlan(plan: RawPlan, at: FieldPath, report: Report): void {
  if (plan.tenantId === undefined) {
    report(
      [...at, 'tenantId'],
      `managed-app plan "${plan.id}" has no tenantId`,
      'Add "tenantId": the Azure tenant ID of the publisher that manages customer deployments.'
    )
  }
  if (plan.authorizations === undefined) {
    report(
      [...at, 'authorizations'],
      `managed-app plan "${plan.id}" has no authorizations`,
      'Add at least one { principalId, roleDefinitionId } under "authorizations".'
    )
  }
  checkPricing(plan, at, report)
  plan.policies?.forEach((policy, index) => {
    if (typeof policy.parameters !== 'string') return
    try {
      JSON.parse(policy.parameters)
    } catch {
      report(
        [...at, 'policies', index, 'parameters'],
        `policy "${policy.name}" has parameters that are not JSON`,
        'Write the parameters as a mapping, or as a JSON string.'
      )
    }
  })
}

function checkVisibility(plan: RawPlan, at: FieldPath, report: Report): void {
  if (plan.privateAudience !== undefined && plan.visibility !== 'private') {
    report(
      [...at, 'privateAudience'],
      `plan "${plan.id}" has a privateAudience but is not private`,
      'Add "visibility: private", or remove "privateAudience".',
      'key'
    )
  }
}

/**
 * A managed application's prices are set per market ([PCC] writes price schedules that list
 * their markets), so markets and prices are written together: one without the other could leave
 * a market without a price.
 */
function checkPricing(plan: RawPlan, at: FieldPath, report: Report): void {
  if ((plan.markets === undefined) !== (plan.pricing === undefined)) {
    const [missing, stated] =
      plan.markets === undefined ? ['markets', 'pricing'] : ['pricing', 'markets']
    report(
      [...at, missing],
      `plan "${plan.id}" states ${stated} without ${missing}`,
      missing === 'markets'
        ? 'Add "markets": prices apply to the plan\'s markets, so state both.'
        : 'Add "pricing" with its "monthly" price in USD: markets and prices are written together.'
    )
  }
  const markets = new Set(plan.markets ?? [])
  const priced = new Map<string, number>()
  plan.pricing?.byMarket?.forEach((entry, index) => {
    const path: FieldPath = [...at, 'pricing', 'byMarket', index, 'market']
    const first = priced.get(entry.market)
    if (first !== undefined) {
      report(
        path,
        `market "${entry.market}" has two prices in plan "${plan.id}"`,
        `Give each market one price; "${entry.market}" is already priced at byMarket[${first}].`
      )
    } else if (plan.markets !== undefined && !markets.has(entry.market)) {
      report(
        path,
        `market "${entry.market}" is priced but not one of the markets of plan "${plan.id}"`,
        `Add "${entry.market}" to the plan's markets, or remove its price.`
      )
    }
    if (first === undefined) priced.set(entry.market, index)
  })
}
