/**
 * Step 8: offer-level properties the manifest states (categories, industries, terms of use,
 * enterprise contract), the Business Central `appVersion` (never lowered), and the reseller
 * channel state.
 */
import { PublishError } from '../errors.js'
import type { Property } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { updateDraft } from './draft-update.js'
import { requireDraft, type DraftIds } from './drafts.js'
import { replaceOnce } from './write-once.js'
import { compareVersions } from './version.js'

type PropertyFields = Record<string, unknown>

/** Resolves with whether the property draft changed (Business Central submits it only then). */
export async function updateProperties(
  run: OfferRun,
  productId: string,
  drafts: DraftIds
): Promise<boolean> {
  const wanted = wantedProperties(run)
  if (Object.keys(wanted).length === 0) return false
  const { offerId } = run.offer
  const instanceId = requireDraft(drafts, 'Property', `offer ${offerId}`, offerId)
  const read = async (): Promise<Property> => {
    const [property] = await run.api.getProperties(productId, instanceId)
    if (!property) {
      throw new PublishError(
        'DRAFT_NOT_FOUND',
        'Partner Center has no properties for this offer.',
        { offerId: run.offer.offerId }
      )
    }
    return property
  }
  run.contentChecks.push({
    owner: 'offer',
    module: 'Property',
    subject: 'offer properties',
    holds: async instance => {
      const [property] = await run.api.getProperties(productId, instance)
      return property !== undefined && changedFields(property, wanted).length === 0
    }
  })
  const { changed } = await updateDraft(run, {
    subject: 'offer properties',
    read,
    diff: current => {
      checkVersion(run, current)
      return { changed: changedFields(current, wanted), next: { ...current, ...wanted } }
    },
    write: next => run.api.putProperty(productId, next)
  })
  return changed
}

function wantedProperties(run: OfferRun): PropertyFields {
  const { properties, businessCentral } = run.offer
  const wanted: PropertyFields = {}
  if (properties) {
    for (const key of [
      'categories',
      'industries',
      'termsOfUse',
      'useEnterpriseContract'
    ] as const) {
      if (properties[key] !== undefined) wanted[key] = properties[key]
    }
  }
  const appVersion = businessCentral?.appVersion ?? properties?.appVersion
  if (appVersion !== undefined) wanted.appVersion = appVersion
  return wanted
}

function changedFields(current: Property, wanted: PropertyFields): string[] {
  return Object.keys(wanted).filter(k => JSON.stringify(current[k]) !== JSON.stringify(wanted[k]))
}

function checkVersion(run: OfferRun, current: Property): void {
  const wanted = run.offer.businessCentral?.appVersion ?? run.offer.properties?.appVersion
  if (wanted && current.appVersion && compareVersions(wanted, current.appVersion) < 0) {
    throw new PublishError(
      'VERSION_NOT_HIGHER',
      `App version ${wanted} is lower than the version ${current.appVersion} already in Partner Center.`,
      {
        offerId: run.offer.offerId,
        source: run.offer.source,
        hint: 'Publish a higher app version; Partner Center never goes back to a lower one.'
      }
    )
  }
}

/**
 * The reseller channel (Cloud Solution Provider program) the manifest states. The resource has no
 * etag and its write is a POST of the whole object; it goes under the same write rule as a PUT,
 * with its content standing in for the etag (write-once.ts).
 */
export async function updateReseller(run: OfferRun, productId: string): Promise<void> {
  const wanted = run.offer.resellerChannelState
  if (!wanted) return
  const read = () => run.api.getResellerConfiguration(productId)
  const current = await read()
  if (current.resellerChannelState === wanted) return
  run.record({ action: 'update', subject: 'reseller channel', fields: ['resellerChannelState'] })
  run.beforeWrite('updating the reseller channel')
  await replaceOnce(run, {
    what: 'update the reseller channel',
    current,
    read,
    apply: c =>
      c.resellerChannelState === wanted ? undefined : { ...c, resellerChannelState: wanted },
    write: next => run.api.setResellerConfiguration(productId, next)
  })
}
