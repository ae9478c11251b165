/**
 * Step 6: packages. For every package the offer needs (one per plan for Azure Applications; the
 * app and the optional library for Business Central): reuse what an earlier attempt left, else
 * POST, upload to the SAS URL exactly as issued, PUT `Uploaded`, and wait for `Processed`.
 * Independent files upload side by side, bounded.
 *
 * The packages are listed on every run, whatever `check-existing` says: a package already
 * uploaded for this file and version can only be found that way (nothing else an upload changes
 * is visible to a later run until the configuration is written), and finding it is what keeps a
 * re-run, a new run of the same version and a run with nothing to change from uploading twice.
 * It costs one request per offer (look-first.ts).
 */
import { PublishError } from '../errors.js'
import type { Package, PackageResourceType } from '../ingestion/types.js'
import type { ResolvedFile } from '../manifest/model.js'
import { mapLimit } from '../concurrency.js'
import { PACKAGE_POLL, pollUntil } from './backoff.js'
import { createOnce } from './create-once.js'
import type { OfferRun } from './context.js'
import { findReusablePackage } from './package-reuse.js'
import { formatBytes } from './units.js'
import { replaceOnce } from './write-once.js'

export interface PackageJob {
  /** Plan ID, or `app` / `library` for Business Central. */
  label: string
  file: ResolvedFile
  resourceType: PackageResourceType
  version: string
}

export function packageJobs(run: OfferRun): PackageJob[] {
  const { offer } = run
  const bc = offer.businessCentral
  if (bc) {
    const jobs: PackageJob[] = [
      {
        label: 'app',
        file: bc.app,
        resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
        version: bc.appVersion
      }
    ]
    if (bc.library) {
      jobs.push({
        label: 'library',
        file: bc.library,
        resourceType: 'Dynamics365BusinessCentralAddOnLibraryExtensionPackage',
        version: bc.appVersion
      })
    }
    return jobs
  }
  return offer.plans.map(p => ({
    label: p.planId,
    file: p.package,
    resourceType: 'AzureApplicationPackage',
    version: p.version
  }))
}

/** Resolves with job label → processed package id. */
export async function publishPackages(
  run: OfferRun,
  productId: string,
  jobs: PackageJob[]
): Promise<Map<string, string>> {
  const existing = jobs.length ? await run.api.listPackages(productId) : []
  const ids = await mapLimit(jobs, run.deps.uploadConcurrency, async job => {
    const reusable = findReusablePackage(existing, job.file, job.resourceType, job.version)
    const id = await publishPackage(run, productId, job, reusable)
    run.result.packages.push({
      label: job.label,
      fileName: job.file.name,
      version: job.version,
      // A package the dry run would create has no id yet.
      packageId: run.isPlaceholder(id) ? undefined : id
    })
    return [job.label, id] as const
  })
  return new Map(ids)
}

async function publishPackage(
  run: OfferRun,
  productId: string,
  job: PackageJob,
  reusable: Package | undefined
): Promise<string> {
  if (reusable?.state === 'Processed') {
    run.record({
      action: 'reuse',
      subject: `package ${job.label} (${job.file.name}, already processed)`
    })
    return reusable.id
  }
  if (reusable && reusable.state !== 'PendingUpload') {
    run.record({
      action: 'reuse',
      subject: `package ${job.label} (${job.file.name}, still processing)`
    })
    // A dry run never waits: it takes the package as the real run would once processed.
    if (run.dryRun) return reusable.id
    return (await waitProcessed(run, productId, job, reusable)).id
  }

  const pending = await pendingPackage(run, productId, job, reusable)
  run.beforeWrite(`uploading package ${job.label}`)
  await run.upload(job.file, pending.fileSasUri ?? '', `package ${job.label}`)
  // Not interrupted by cancellation: a package left PendingUpload after its bytes are in would
  // only be re-uploaded by the next run.
  const uploaded = await replaceOnce(run, {
    what: `mark package '${job.file.name}' as Uploaded`,
    current: pending,
    read: () => run.api.getPackage(productId, pending.id),
    apply: p => (p.state === 'PendingUpload' ? { ...p, state: 'Uploaded' as const } : undefined),
    write: next => run.api.putPackage(productId, next)
  })
  return (await waitProcessed(run, productId, job, uploaded)).id
}

/** A package to upload into: the reusable PendingUpload one when it still has its SAS URL. */
async function pendingPackage(
  run: OfferRun,
  productId: string,
  job: PackageJob,
  reusable: Package | undefined
): Promise<Package> {
  if (reusable) {
    const fresh = await run.api.getPackage(productId, reusable.id)
    if (fresh.state === 'PendingUpload' && fresh.fileSasUri) {
      run.record({
        action: 'upload',
        subject: `package ${job.label} (${job.file.name}, ${formatBytes(job.file.size)}, into the pending package ${fresh.id})`
      })
      return fresh
    }
  }
  run.record({
    action: 'upload',
    subject: `package ${job.label} (${job.file.name}, ${formatBytes(job.file.size)})`
  })
  run.beforeWrite(`creating package ${job.label}`)
  return createOnce(run, {
    what: `package '${job.file.name}'`,
    create: () =>
      run.api.createPackage(productId, {
        resourceType: job.resourceType,
        fileName: job.file.name
      }),
    // Any PendingUpload package of this file will do: our bytes go into it.
    find: async () =>
      (await run.api.listPackages(productId))
        .filter(
          p =>
            p.resourceType === job.resourceType &&
            p.fileName === job.file.name &&
            p.state === 'PendingUpload'
        )
        .at(-1),
    idOf: p => p.id
  })
}

/**
 * Business Central packages are final in the PUT reply; Azure Application packages are polled.
 * The same loop serves both: a final state ends it before the first sleep.
 */
async function waitProcessed(
  run: OfferRun,
  productId: string,
  job: PackageJob,
  pkg: Package
): Promise<Package> {
  let latest = pkg
  let first = true
  const done = await pollUntil({
    clock: run.deps.clock,
    signal: run.deps.signal,
    deadline: run.deps.deadline,
    policy: PACKAGE_POLL,
    onReadFailed: error =>
      run.log(
        `could not read package ${job.label} (${error.message}): reading again at the next poll`
      ),
    what: `package ${job.label} to be processed`,
    read: async () => {
      if (first) {
        first = false
        return latest
      }
      latest = await run.api.getPackage(productId, pkg.id)
      return latest
    },
    done: p => p.state === 'Processed' || p.state === 'ProcessFailed'
  })
  if (done.state === 'ProcessFailed') {
    const items = done.validationItems ?? []
    throw new PublishError(
      'PACKAGE_PROCESS_FAILED',
      `Partner Center could not process package ${job.label} (${job.file.name}).`,
      {
        offerId: run.offer.offerId,
        source: job.file.source,
        hint: items.length
          ? 'Fix the problems listed below in the package and run again.'
          : 'Check the package in Partner Center.',
        cause: items
      }
    )
  }
  if (!run.dryRun) run.log(`package ${job.label}: processed (${done.id})`)
  return done
}
