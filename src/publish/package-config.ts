/** Step 7: point the package configuration (technical configuration) at the new packages. */
import { PublishError } from '../errors.js'
import type { PackageConfiguration } from '../ingestion/types.js'
import type { OfferRun } from './context.js'
import { updateDraft } from './draft-update.js'
import { diffPackageConfig, type PackageConfigChange } from './package-config-diff.js'

export async function updatePackageConfig(
  run: OfferRun,
  productId: string,
  instanceId: string,
  change: PackageConfigChange,
  where: string
): Promise<void> {
  const read = async (): Promise<PackageConfiguration> => {
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
  await updateDraft(run, {
    subject: `${where} technical configuration`,
    read,
    diff: current => diffPackageConfig(current, change),
    write: next => run.api.putPackageConfiguration(productId, next)
  })
}
