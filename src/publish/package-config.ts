/**
 * Step 7: the technical configurations (package configurations) that point at the packages: each
 * plan's for Azure Applications, the offer's for Business Central. Read once, before the packages
 * (in parallel with nothing else to wait for), and that read serves the update after them.
 */
import { PublishError } from '../errors.js'
import type { PackageConfiguration } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { updateDraft } from './draft-update.js'
import { requireDraft, type Drafts } from './drafts.js'
import { diffPackageConfig, type PackageConfigChange } from './package-config-diff.js'
import type { PlanVariants } from './plans.js'
import type { Owner } from './submitted-content.js'

/** One technical configuration as read from its Package draft. */
export interface TechnicalConfig {
  /** `plan standard` or `offer`: for messages. */
  where: string
  /** `offer` (Business Central) or the plan's variant id, as the submission lists it. */
  owner: Owner
  instanceId: string
  current: PackageConfiguration
}

/** Plan ID (Azure) or `offer` (Business Central) → its technical configuration, read in parallel. */
export async function readTechnicalConfigs(
  run: OfferRun,
  productId: string,
  plans: PlanVariants,
  drafts: Drafts
): Promise<Map<string, TechnicalConfig>> {
  const { offer } = run
  const targets: Array<{ key: string; where: string; owner: Owner; instanceId: string }> = []
  if (offer.businessCentral) {
    const where = `offer ${offer.offerId}`
    targets.push({
      key: 'offer',
      where: 'offer',
      owner: 'offer',
      instanceId: requireDraft(drafts.offer, 'Package', where, offer.offerId)
    })
  }
  for (const plan of offer.plans) {
    const variant = plans.byPlanId.get(plan.planId)
    if (!variant) continue
    const where = `plan ${plan.planId}`
    targets.push({
      key: plan.planId,
      where,
      owner: variant.id,
      instanceId: requireDraft(drafts.plans.get(variant.id), 'Package', where, offer.offerId)
    })
  }
  const read = await Promise.all(
    targets.map(async ({ key, where, owner, instanceId }) => {
      const current = await readConfig(run, productId, instanceId, where)
      return [key, { where, owner, instanceId, current }] as const
    })
  )
  return new Map(read)
}

/** Points each technical configuration at its new package (and version, and managed-app fields). */
export async function updateTechnicalConfigs(
  run: OfferRun,
  productId: string,
  configs: Map<string, TechnicalConfig>,
  packageIds: Map<string, string>
): Promise<void> {
  const { offer } = run
  if (offer.businessCentral) {
    const app = packageIds.get('app')
    const library = packageIds.get('library')
    const config = configs.get('offer')
    if (!config || !app) return
    const references: Record<string, string> = {
      Dynamics365BusinessCentralAddOnExtensionPackage: app
    }
    if (library) references.Dynamics365BusinessCentralAddOnLibraryExtensionPackage = library
    await updatePackageConfig(run, productId, config, { references })
    return
  }
  for (const plan of offer.plans) {
    const config = configs.get(plan.planId)
    const packageId = packageIds.get(plan.planId)
    if (!config || !packageId) continue
    await updatePackageConfig(run, productId, config, {
      version: plan.version,
      references: { AzureApplicationPackage: packageId },
      managedApp: plan.managedApp
    })
  }
}

async function updatePackageConfig(
  run: OfferRun,
  productId: string,
  config: TechnicalConfig,
  change: PackageConfigChange
): Promise<void> {
  run.contentChecks.push({
    owner: config.owner,
    module: 'Package',
    subject: `${config.where} technical configuration`,
    holds: async instanceId =>
      diffPackageConfig(await readConfig(run, productId, instanceId, config.where), change).changed
        .length === 0
  })
  await updateDraft(run, {
    subject: `${config.where} technical configuration`,
    known: config.current,
    read: () => readConfig(run, productId, config.instanceId, config.where),
    diff: current => diffPackageConfig(current, change),
    write: next => run.api.putPackageConfiguration(productId, next)
  })
}

async function readConfig(
  run: OfferRun,
  productId: string,
  instanceId: string,
  where: string
): Promise<PackageConfiguration> {
  const [config] = await run.api.getPackageConfigurations(productId, instanceId)
  if (!config) {
    throw new PublishError(
      'DRAFT_NOT_FOUND',
      `Partner Center has no technical configuration for ${where}.`,
      {
        offerId: run.offer.offerId,
        hint: 'Open the technical configuration page of the plan in Partner Center once, then run again.'
      }
    )
  }
  return config
}
