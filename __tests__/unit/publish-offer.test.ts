/**
 * publishOffer against the in-process emulator (publish-emulator.ts), through the real client and
 * transport. Where a test needs what the emulator cannot do, a wrapper around the real client adds
 * just that, and says why.
 */
import { describe, expect, it } from '@jest/globals'
import type { IngestionApi } from '../../src/ingestion/api.js'
import type { Module, Submission, TypeValuePair } from '../../src/ingestion/types.js'
import { publishOffer } from '../../src/publish/offer.js'
import { useEmulator, type FreshOptions, type TestService } from './publish-emulator.js'
import {
  azureOffer,
  bcOffer,
  file,
  gap,
  managedOffer,
  offerRun,
  plan,
  SUBSCRIPTION
} from './publish-fixtures.js'

const emulator = useEmulator()

const SUBMISSIONS = 'POST /products/{productID}/submissions'
const PACKAGES = 'POST /products/{productID}/packages'
const OFFER_MODULES: Module[] = [
  'Availability',
  'Listing',
  'Package',
  'Property',
  'ResellerConfiguration'
]

/** The seed's contoso-analytics: an Azure Application with plans standard and premium. */
async function seededAzure(options?: FreshOptions) {
  const service = await emulator.fresh(options)
  return { service, api: service.api, productId: service.productId('contoso-analytics') }
}

/** The current draft instance of a module, offer level or the plan's. */
async function draftOf(api: IngestionApi, productId: string, module: Module, variantID?: string) {
  const branches = await api.getBranches(productId, module)
  return branches.find(b => b.variantID === variantID)!.currentDraftInstanceID
}

/** A package uploaded and processed before the run, as an earlier attempt would leave it. */
async function processedPackage(service: TestService, productId: string, fileName: string) {
  const pkg = await service.api.createPackage(productId, {
    resourceType: 'AzureApplicationPackage',
    fileName
  })
  await service.uploader([])(file(fileName), pkg.fileSasUri!)
  await service.api.putPackage(productId, { ...pkg, state: 'Uploaded' })
  await service.clock.sleep(60_000)
  return pkg
}

/** Someone else's submission of the current drafts, as another tool makes it (§4.1). */
async function submitDrafts(api: IngestionApi, productId: string): Promise<Submission> {
  const resources: TypeValuePair[] = []
  const plans = new Map<string, TypeValuePair[]>()
  for (const module of OFFER_MODULES) {
    for (const branch of await api.getBranches(productId, module)) {
      const ref = { type: module, value: branch.currentDraftInstanceID }
      if (branch.variantID === undefined) resources.push(ref)
      else plans.set(branch.variantID, [...(plans.get(branch.variantID) ?? []), ref])
    }
  }
  return api.createSubmission(productId, {
    resourceType: 'SubmissionCreationRequest',
    targets: [{ type: 'Scope', value: 'preview' }],
    resources,
    variantResources: [...plans].map(([variantID, list]) => ({ variantID, resources: list }))
  })
}

/** Points every plan's configuration at these packages. */
async function pointPlansAt(api: IngestionApi, productId: string, packageIds: string[]) {
  for (const variant of await api.listVariants(productId)) {
    const instance = await draftOf(api, productId, 'Package', variant.id)
    const [config] = await api.getPackageConfigurations(productId, instance)
    await api.putPackageConfiguration(productId, {
      ...config,
      version: '0.9.0',
      packageReferences: packageIds.map(value => ({ type: 'AzureApplicationPackage', value }))
    })
  }
}

/**
 * Another publisher's running submission of other packages: it blocks a new one for a minute.
 * The offer is complete first (a draft run of the manifest), or the submission would fail
 * validation at once and block nothing.
 */
async function theirSubmission(service: TestService, productId: string): Promise<Submission> {
  await publishOffer(offerRun(service, azureOffer(), { target: 'draft' }).run)
  const theirs = await processedPackage(service, productId, 'theirs-0.9.0.zip')
  await pointPlansAt(service.api, productId, [theirs.id])
  const submission = await submitDrafts(service.api, productId)
  await service.clearLog()
  return submission
}

describe('publishOffer: Azure Application', () => {
  it('uploads each plan package, points the plan at it and reaches preview with one submission', async () => {
    const { service, api, productId } = await seededAzure()
    const { run, uploads } = offerRun(service, azureOffer())
    const result = await publishOffer(run)

    expect(result.errors).toEqual([])
    expect(result.status).toBe('preview')
    expect(uploads.sort()).toEqual(['logo-216x216.png', 'premium-1.2.3.zip', 'standard-1.2.3.zip'])
    const standard = (await api.listVariants(productId)).find(v => v.externalID === 'standard')!
    const [config] = await api.getPackageConfigurations(
      productId,
      await draftOf(api, productId, 'Package', standard.id)
    )
    const pkg = (await api.listPackages(productId)).find(p => p.fileName === 'standard-1.2.3.zip')!
    expect(config.version).toBe('1.2.3')
    expect(config.packageReferences).toEqual([{ type: 'AzureApplicationPackage', value: pkg.id }])
    const submissions = await api.listSubmissions(productId)
    expect(submissions).toHaveLength(1)
    const submitted = submissions[0]
    expect(submitted.resources?.map(r => r.type).sort()).toEqual([
      'Availability',
      'Listing',
      'Package',
      'Property',
      'ResellerConfiguration'
    ])
    expect(submitted.variantResources).toHaveLength(2)
    expect(result.submissionId).toBe(submitted.id)
    expect(result.timeline.map(t => t.state)).toEqual([
      'InProgress/Submitted',
      'Published/ReadyToPublish'
    ])
    expect(result.timeline[0].durationMs).toBeGreaterThan(0)
  })

  it('passes through a preview link when the service gives one, and only an https one', async () => {
    // The emulator sends no previewLink: it is undocumented and no recording has one. The real
    // client's replies get it added here.
    const linking = (service: TestService, previewLink: string) => ({
      ...service,
      client: (o: Parameters<TestService['client']>[0]): IngestionApi => {
        const api = service.client(o)
        return {
          ...api,
          getSubmission: async (productId, submissionId) => ({
            ...(await api.getSubmission(productId, submissionId)),
            previewLink
          })
        }
      }
    })
    const withLink = await seededAzure()
    const link = 'https://azuremarketplace.microsoft.com/preview/x'
    expect(
      (await publishOffer(offerRun(linking(withLink.service, link), azureOffer()).run)).previewLinks
    ).toEqual([link])
    const odd = await seededAzure()
    const oddRun = offerRun(linking(odd.service, 'javascript:alert(1)'), azureOffer())
    expect((await publishOffer(oddRun.run)).previewLinks).toEqual([])
  })

  it('promotes from ReadyToPublish and waits until InStore for target live', async () => {
    const { service } = await seededAzure()
    const { run } = offerRun(service, azureOffer(), { target: 'live' })
    const result = await publishOffer(run)
    expect(result.status).toBe('live')
    expect((await service.writes()).filter(w => w.endsWith('/promote'))).toHaveLength(1)
    expect(result.timeline.at(-1)?.state).toBe('Published/InStore')
  })

  it('writes the reseller channel only when it differs, and never in a dry run', async () => {
    const RESELLER = 'POST /products/{productID}/resellerConfiguration'
    /** The seed's reseller channel is Disabled; these tests start from Enabled. */
    const enabled = async () => {
      const seeded = await seededAzure()
      await seeded.api.setResellerConfiguration(seeded.productId, {
        resourceType: 'ResellerConfiguration',
        resellerChannelState: 'Enabled'
      })
      await seeded.service.clearLog()
      return seeded
    }
    const disabled = await enabled()
    const disabling = offerRun(disabled.service, azureOffer({ resellerChannelState: 'Disabled' }))
    await publishOffer(disabling.run)
    expect(await disabled.service.writes()).toContain(RESELLER)
    expect(
      (await disabled.api.getResellerConfiguration(disabled.productId)).resellerChannelState
    ).toBe('Disabled')

    const same = await enabled()
    await publishOffer(offerRun(same.service, azureOffer({ resellerChannelState: 'Enabled' })).run)
    expect((await same.service.writes()).filter(w => w === RESELLER)).toEqual([])

    const dry = await enabled()
    const planned = offerRun(dry.service, azureOffer({ resellerChannelState: 'Disabled' }), {
      dryRun: true
    })
    await publishOffer(planned.run)
    expect(await dry.service.writes()).toEqual([])
  })

  it('stops after the drafts for target draft', async () => {
    const { service } = await seededAzure()
    const { run } = offerRun(service, azureOffer(), { target: 'draft' })
    const result = await publishOffer(run)
    expect(result.status).toBe('draft')
    const writes = await service.writes()
    expect(writes).not.toContain(SUBMISSIONS)
    expect(writes).toContain(
      'PUT /products/{productID}/packageconfigurations/{packageConfigurationID}'
    )
  })

  it('returns after creating the submission when wait is false', async () => {
    const { service } = await seededAzure()
    const { run } = offerRun(service, azureOffer(), { wait: false })
    const result = await publishOffer(run)
    expect(result.status).toBe('submitted')
    expect(result.timeline).toEqual([])
  })

  it('writes nothing in a dry run and lists the plan', async () => {
    const { service } = await seededAzure()
    const { run, uploads } = offerRun(service, azureOffer(), { dryRun: true })
    const result = await publishOffer(run)
    expect(result.status).toBe('planned')
    expect(await service.writes()).toEqual([])
    expect(uploads).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(
      expect.arrayContaining(['update', 'upload', 'submit'])
    )
  })

  it('plans the creation of a missing offer in a dry run without writing', async () => {
    const service = await emulator.fresh({ offers: [] })
    const { run } = offerRun(service, azureOffer({ name: 'Contoso Analytics' }), { dryRun: true })
    const result = await publishOffer(run)
    expect(result.status).toBe('planned')
    expect(await service.writes()).toEqual([])
    expect(result.changes[0]).toEqual(
      expect.objectContaining({
        action: 'create',
        subject: expect.stringContaining('offer contoso-analytics')
      })
    )
  })

  it('creates a missing offer and its plans when the manifest names it', async () => {
    const service = await emulator.fresh({ offers: [] })
    const { run } = offerRun(service, azureOffer({ name: 'Contoso Analytics' }), {
      target: 'draft'
    })
    const result = await publishOffer(run)
    expect(result.errors).toEqual([])
    expect((await service.writes()).slice(0, 3)).toEqual([
      'POST /products',
      'POST /products/{productID}/variants',
      'POST /products/{productID}/variants'
    ])
    const [product] = (await service.state()).products
    expect(product.product.name).toBe('Contoso Analytics')
    expect(product.variants.map(v => v.body.externalID)).toEqual(['standard', 'premium'])
  })

  it('fails with OFFER_NOT_FOUND and a hint when the offer is missing and has no name', async () => {
    const service = await emulator.fresh({ offers: [] })
    const { run } = offerRun(service, azureOffer())
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors[0].code).toBe('OFFER_NOT_FOUND')
    expect(result.errors[0].message).toContain('name:')
    expect(await service.writes()).toEqual([])
  })

  it('refuses a plan whose kind differs from the manifest', async () => {
    const { service } = await seededAzure()
    const { run } = offerRun(
      service,
      azureOffer({ plans: [plan('standard', { subType: 'managed-application' })] })
    )
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('PLAN_TYPE_MISMATCH')
    expect(result.errors[0].source?.line).toBe(20)
  })

  it('reports the validation items of a package that failed processing', async () => {
    const { service } = await seededAzure({ brokenPackages: true })
    const { run } = offerRun(service, azureOffer())
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toContain('PACKAGE_PROCESS_FAILED')
    expect(
      result.errors.some(e =>
        e.message.includes(
          "MissingRequiredFile: The package must contain 'mainTemplate.json' at the root of the .zip."
        )
      )
    ).toBe(true)
    expect(await service.writes()).not.toContain(SUBMISSIONS)
  })

  it('reuses a processed package with the same file name and version instead of uploading again', async () => {
    const { service, api, productId } = await seededAzure()
    await processedPackage(service, productId, 'standard-1.2.3.zip')
    await service.clearLog()
    const { run, uploads } = offerRun(service, azureOffer(), { target: 'draft' })
    await publishOffer(run)
    expect(uploads).toEqual(['logo-216x216.png', 'premium-1.2.3.zip'])
    expect((await service.writes()).filter(w => w === PACKAGES)).toHaveLength(1)
    expect((await api.listPackages(productId)).map(p => p.fileName).sort()).toEqual([
      'premium-1.2.3.zip',
      'standard-1.2.3.zip'
    ])
  })

  it('lists the packages once, whatever check-existing says, and uploads what it does not find', async () => {
    const { service } = await seededAzure()
    const { run, uploads } = offerRun(service, azureOffer())
    await publishOffer(run)
    expect(uploads.sort()).toEqual(['logo-216x216.png', 'premium-1.2.3.zip', 'standard-1.2.3.zip'])
    expect(await service.lists()).toEqual(['packages'])

    const always = await seededAzure()
    await processedPackage(always.service, always.productId, 'standard-1.2.3.zip')
    await always.service.clearLog()
    const checked = offerRun(always.service, azureOffer(), {
      target: 'draft',
      checkExisting: 'always'
    })
    await publishOffer(checked.run)
    expect(await always.service.lists()).toEqual(['packages'])
    expect(checked.uploads).toEqual(['logo-216x216.png', 'premium-1.2.3.zip'])
  })

  it('uploads nothing at a version already uploaded and configured', async () => {
    const { service, api, productId } = await seededAzure()
    const first = offerRun(service, azureOffer(), { target: 'draft' })
    await publishOffer(first.run)
    await service.clearLog()
    const { run, uploads } = offerRun(service, azureOffer(), { target: 'draft' })
    await publishOffer(run)
    expect(await service.lists()).toEqual(['packages'])
    expect(uploads).toEqual([])
    expect(await api.listPackages(productId)).toHaveLength(2)
  })

  it('collects validations and reports when the submission fails', async () => {
    const { service } = await seededAzure()
    await service.faults('validation-failed x1')
    // The emulator makes no report once validation failed, and its reports are data: URIs; the
    // service's report links are SAS URLs whose signature must not reach a message.
    const reporting = {
      ...service,
      client: (o: Parameters<TestService['client']>[0]): IngestionApi => ({
        ...service.client(o),
        getReports: async () => [
          { status: 'Failed', fileUri: 'https://reports.example/r.pdf?sig=secret' }
        ]
      })
    }
    const { run } = offerRun(reporting, azureOffer())
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toEqual([
      'SUBMISSION_FAILED',
      'SUBMISSION_FAILED',
      'CERTIFICATION_FAILED'
    ])
    expect(result.errors[1].message).toBe(
      'Submission-20001: Validation failed (forced by the emulator fault validation-failed).'
    )
    expect(result.errors[2].message).not.toContain('sig=')
  })
})

describe('publishOffer: availability', () => {
  const AVAILABILITY_WRITES = [
    'PUT /products/{productID}/productavailabilities/{productAvailabilityID}',
    'PUT /products/{productID}/featureavailabilities/{featureAvailabilityID}'
  ]

  it("writes the preview audience and a managed plan's markets and prices, and nothing again", async () => {
    const service = await emulator.fresh()
    const { api } = service
    const productId = service.productId('contoso-managed-ops')
    const result = await publishOffer(offerRun(service, managedOffer()).run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('preview')
    expect(result.changes).toEqual(
      expect.arrayContaining([
        { action: 'update', subject: 'offer availability', fields: ['audiences'] },
        {
          action: 'update',
          subject: 'plan managed availability',
          fields: ['marketStates', 'priceSchedules']
        }
      ])
    )
    const [offerLevel] = await api.getProductAvailabilities(
      productId,
      await draftOf(api, productId, 'Availability')
    )
    expect(offerLevel.audiences).toEqual([
      { type: 'PreviewMarketplaceGroup', values: [SUBSCRIPTION] }
    ])
    const [managed] = await api.listVariants(productId)
    const [planLevel] = await api.getFeatureAvailabilities(
      productId,
      await draftOf(api, productId, 'Availability', managed.id)
    )
    expect(planLevel.marketStates).toEqual([
      { marketCode: 'US', state: 'Enabled' },
      { marketCode: 'GB', state: 'Enabled' }
    ])
    expect(
      planLevel.priceSchedules?.map(s => [s.marketCodes, s.schedules?.[0].retailPrice])
    ).toEqual([
      [['US'], { openPrice: 49.99, currencyCode: 'USD' }],
      [['GB'], { openPrice: 39.99, currencyCode: 'GBP' }]
    ])

    await service.clearLog()
    const again = await publishOffer(offerRun(service, managedOffer(), { target: 'draft' }).run)
    expect(again.errors).toEqual([])
    const writes = await service.writes()
    expect(writes.filter(w => AVAILABILITY_WRITES.includes(w))).toEqual([])
  })

  it('records the availability it would write in a dry run, and writes none', async () => {
    const service = await emulator.fresh()
    const { run } = offerRun(service, managedOffer(), { dryRun: true })
    const result = await publishOffer(run)
    expect(result.status).toBe('planned')
    expect(await service.writes()).toEqual([])
    expect(result.changes.map(c => c.subject)).toEqual(
      expect.arrayContaining(['offer availability', 'plan managed availability'])
    )
  })

  it('creates nothing when a new offer lacks what its first submission needs, one error per setting', async () => {
    const service = await emulator.fresh({ offers: [] })
    const managed = managedOffer().plans[0]
    const offer = managedOffer({
      name: 'Contoso Managed Operations',
      previewAudience: undefined,
      firstSubmissionGaps: [gap('offers[0].previewAudience', 'preview audience', 3)],
      plans: [
        {
          ...managed,
          availability: undefined,
          firstSubmissionGaps: [
            gap('offers[0].plans[0].markets', 'markets', 20),
            gap('offers[0].plans[0].pricing', 'price', 20)
          ]
        }
      ]
    })
    for (const dryRun of [true, false]) {
      const result = await publishOffer(offerRun(service, offer, { dryRun }).run)
      expect(result.status).toBe('failed')
      expect(result.errors.map(e => [e.code, e.source?.line])).toEqual([
        ['OFFER_INCOMPLETE', 3],
        ['OFFER_INCOMPLETE', 20],
        ['OFFER_INCOMPLETE', 20]
      ])
      expect(result.errors[1].message).toContain('offers[0].plans[0].markets')
      expect(result.errors[1].message).toContain('nothing was created')
      expect(result.changes).toEqual([])
    }
    expect(await service.writes()).toEqual([])
  })

  it('creates no plan of an existing offer when a new plan lacks what its first submission needs', async () => {
    const service = await emulator.fresh()
    const extra = plan('extra', {
      firstSubmissionGaps: [gap('offers[0].plans[2].listing.summary', 'listing summary', 30)]
    })
    const { run } = offerRun(service, azureOffer({ plans: [plan('standard'), extra] }))
    const result = await publishOffer(run)
    expect(result.errors.map(e => e.code)).toEqual(['OFFER_INCOMPLETE'])
    expect(result.errors[0].message).toContain('plan "extra" does not exist yet')
    expect(await service.writes()).toEqual([])
  })

  it('leaves what Partner Center has of an existing offer when the manifest does not state it', async () => {
    const service = await emulator.fresh()
    const offer = azureOffer({
      firstSubmissionGaps: [gap('offers[0].previewAudience', 'preview audience', 3)]
    })
    const result = await publishOffer(offerRun(service, offer, { target: 'draft' }).run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('draft')
  })
})

describe('publishOffer: conflicts and resume', () => {
  it('fails with SUBMISSION_CONFLICT naming the blocking submission when the service refuses the POST', async () => {
    const { service, api, productId } = await seededAzure()
    const theirs = await theirSubmission(service, productId)
    const { run } = offerRun(service, azureOffer())
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('SUBMISSION_CONFLICT')
    expect(result.errors[0].message).toContain(theirs.id)
    expect(result.errors[0].message).toContain('InProgress/Submitted')
    // The drafts changed, so the POST went first; its 409 was then explained from the list.
    expect((await service.writes()).at(-1)).toBe(SUBMISSIONS)
    expect(await service.lists()).toEqual(['packages', 'submissions'])
    expect(await api.listSubmissions(productId)).toHaveLength(1)
  })

  it('with check-existing always, finds the blocking submission before posting', async () => {
    const { service, productId } = await seededAzure()
    const theirs = await theirSubmission(service, productId)
    const { run } = offerRun(service, azureOffer(), { checkExisting: 'always' })
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('SUBMISSION_CONFLICT')
    expect(result.errors[0].message).toContain(theirs.id)
    expect(await service.writes()).not.toContain(SUBMISSIONS)
  })

  it('passes on a 409 that no running submission explains', async () => {
    const { service, api, productId } = await seededAzure()
    await service.faults('submission-409 x1')
    const { run } = offerRun(service, azureOffer())
    const result = await publishOffer(run)
    expect(result.errors.map(e => e.code)).toEqual(['HTTP_STATUS'])
    expect(await api.listSubmissions(productId)).toHaveLength(0)
  })

  it('waits for the blocking submission to finish when on-conflict is wait, and never deletes it', async () => {
    const { service, api, productId } = await seededAzure()
    const theirs = await theirSubmission(service, productId)
    const { run, lines } = offerRun(service, azureOffer(), { onConflict: 'wait' })
    const result = await publishOffer(run)
    expect(lines).toContainEqual(expect.stringContaining(`waiting for submission ${theirs.id}`))
    expect(result.status).toBe('preview')
    expect(await api.listSubmissions(productId)).toHaveLength(2)
  })

  it('adopts an in-progress submission of exactly these unchanged drafts instead of making a second one', async () => {
    const { service, api, productId } = await seededAzure({
      config: { rotateDraftInstances: false }
    })
    const first = offerRun(service, azureOffer(), { wait: false })
    await publishOffer(first.run)
    const again = offerRun(service, azureOffer())
    const result = await publishOffer(again.run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'reuse', 'adopt'])
    expect(await api.listSubmissions(productId)).toHaveLength(1)
    expect(result.status).toBe('preview')
  })

  it('adopts its earlier submission even when the drafts got new instance ids after it', async () => {
    const { service, api, productId } = await seededAzure({
      config: { rotateDraftInstances: true }
    })
    await publishOffer(offerRun(service, azureOffer(), { wait: false }).run)
    const result = await publishOffer(offerRun(service, azureOffer()).run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'reuse', 'adopt'])
    expect(await api.listSubmissions(productId)).toHaveLength(1)
  })

  it('does not adopt a submission of other packages, even when this run changed nothing', async () => {
    const { service, api, productId } = await seededAzure()
    await publishOffer(offerRun(service, azureOffer(), { target: 'draft' }).run)
    // Someone points the drafts at other packages, submits them, and restores ours.
    const ours = await draftPackages(api, productId)
    await theirSubmission(service, productId)
    for (const [instance, references] of await draftPackages(api, productId, ours)) {
      const [config] = await api.getPackageConfigurations(productId, instance)
      await api.putPackageConfiguration(productId, {
        ...config,
        version: '1.2.3',
        packageReferences: references
      })
    }
    const result = await publishOffer(offerRun(service, azureOffer()).run)
    expect(result.changes.map(c => c.action)).not.toContain('update')
    expect(result.errors[0].code).toBe('SUBMISSION_CONFLICT')
  })

  it('finds the submission an ambiguous POST failure created instead of failing or posting twice', async () => {
    const { service, api, productId } = await seededAzure()
    await service.faults('POST /products/*/submissions -> reset-after x1')
    const { run } = offerRun(service, azureOffer())
    const result = await publishOffer(run)
    expect(result.errors).toEqual([])
    expect((await service.writes()).filter(w => w === SUBMISSIONS)).toHaveLength(1)
    expect(result.submissionId).toBe((await api.listSubmissions(productId))[0].id)
  })

  it('finds it too when it was certified before the read-back, once the drafts have moved on from its instances', async () => {
    const { service, api, productId } = await seededAzure({
      config: { rotateDraftInstances: true }
    })
    await service.faults('POST /products/*/submissions -> reset-after x1')
    // The emulator's certification takes simulated minutes, and the read-back follows the lost
    // reply at once, so the list still shows it InProgress. Certification that fast happens only
    // in an emulator, but a failed validation is quick too: the run's list of submissions shows
    // every submission already past certification (its reads of one submission stay real).
    const certified = {
      ...service,
      client: (o: Parameters<TestService['client']>[0]): IngestionApi => {
        const client = service.client(o)
        return {
          ...client,
          listSubmissions: async (id: string) =>
            (await client.listSubmissions(id)).map(s => ({
              ...s,
              state: 'Published',
              substate: 'ReadyToPublish'
            }))
        }
      }
    }
    const result = await publishOffer(offerRun(certified, azureOffer()).run)
    expect(result.errors).toEqual([])
    expect((await service.writes()).filter(w => w === SUBMISSIONS)).toHaveLength(1)
    expect(result.submissionId).toBe((await api.listSubmissions(productId))[0].id)
  })

  it('stops before the next write once cancelled and says where', async () => {
    const { service } = await seededAzure()
    // The real transport sends nothing once the run is cancelled, reads included: the job is
    // cancelled here right after the run has read the offer listing, before its first write.
    let cancel = (): void => undefined
    const cancelling = {
      ...service,
      client: (o: Parameters<TestService['client']>[0]): IngestionApi => {
        const api = service.client(o)
        return {
          ...api,
          getListings: async (productId, instanceId) => {
            const listings = await api.getListings(productId, instanceId)
            cancel()
            return listings
          }
        }
      }
    }
    const { run, controller } = offerRun(cancelling, azureOffer())
    cancel = () => controller.abort()
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('CANCELLED')
    expect(result.stoppedAt).toBe('updating the offer listing')
    expect(await service.writes()).toEqual([])
  })
})

/**
 * Each plan's current Package draft instance with its package references; with `from`, the
 * references are those `from` held for the same plan (drafts may have new instance ids since).
 */
async function draftPackages(
  api: IngestionApi,
  productId: string,
  from?: Map<string, TypeValuePair[]>
): Promise<Map<string, TypeValuePair[]>> {
  const plans = new Map<string, TypeValuePair[]>()
  const earlier = [...(from?.values() ?? [])]
  for (const [i, variant] of (await api.listVariants(productId)).entries()) {
    const instance = await draftOf(api, productId, 'Package', variant.id)
    const [config] = await api.getPackageConfigurations(productId, instance)
    plans.set(instance, from ? earlier[i] : (config.packageReferences ?? []))
  }
  return plans
}

describe('publishOffer: Business Central', () => {
  async function seededBc() {
    const service = await emulator.fresh()
    return { service, api: service.api, productId: service.productId('contoso-bc-connector') }
  }

  it('references the new app package, raises appVersion and submits Package and Property', async () => {
    const { service, api, productId } = await seededBc()
    const { run } = offerRun(service, bcOffer())
    const result = await publishOffer(run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('preview')
    const [config] = await api.getPackageConfigurations(
      productId,
      await draftOf(api, productId, 'Package')
    )
    const [pkg] = await api.listPackages(productId)
    expect(config.packageReferences).toEqual([
      { type: 'Dynamics365BusinessCentralAddOnExtensionPackage', value: pkg.id }
    ])
    const [property] = await api.getProperties(productId, await draftOf(api, productId, 'Property'))
    expect(property.appVersion).toBe('1.2.3.0')
    expect((await api.listSubmissions(productId))[0].resources?.map(r => r.type)).toEqual([
      'Package',
      'Property'
    ])
  })

  it('adopts the submission an earlier attempt made after it raised the app version', async () => {
    const { service, api, productId } = await seededBc()
    await publishOffer(offerRun(service, bcOffer(), { wait: false }).run)
    const result = await publishOffer(offerRun(service, bcOffer()).run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'adopt'])
    expect(await api.listSubmissions(productId)).toHaveLength(1)
  })

  it('refuses an app version lower than the one in Partner Center', async () => {
    const { service, api, productId } = await seededBc()
    const [property] = await api.getProperties(productId, await draftOf(api, productId, 'Property'))
    await api.putProperty(productId, { ...property, appVersion: '2.0.0.0' })
    await service.clearLog()
    const { run } = offerRun(service, bcOffer())
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('VERSION_NOT_HIGHER')
    expect(await service.writes()).not.toContain(
      'PUT /products/{productID}/properties/{propertyID}'
    )
  })

  it('refuses an offer of another product type', async () => {
    const service = await emulator.fresh({
      offers: [
        { offerId: 'contoso-bc-connector', type: 'AzureApplication', name: 'Connector', plans: [] }
      ]
    })
    const { run } = offerRun(service, bcOffer())
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('UNSUPPORTED_OFFER')
  })
})

describe('publishOffer: unchanged means untouched', () => {
  it('submits nothing when the live submission already holds the manifest, and says what it compared', async () => {
    const { service, api, productId } = await seededAzure({
      config: { rotateDraftInstances: true }
    })
    expect(
      (await publishOffer(offerRun(service, azureOffer(), { target: 'live' }).run)).status
    ).toBe('live')
    await service.clearLog()
    const result = await publishOffer(offerRun(service, azureOffer(), { target: 'live' }).run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('unchanged')
    expect(await service.writes()).toEqual([])
    const [submission] = await api.listSubmissions(productId)
    expect(result.submissionId).toBeUndefined()
    expect(result.comparedWith).toEqual({
      submissionId: submission.id,
      releaseNumber: 1,
      state: 'Published/InStore',
      compared: [
        'offer listing and images',
        'plan standard listing',
        'plan premium listing',
        'plan standard technical configuration',
        'plan premium technical configuration',
        'offer properties',
        'offer availability'
      ]
    })
  })

  it('submits when only a draft run wrote the content: the live submission does not hold it', async () => {
    const { service, api, productId } = await seededAzure({
      config: { rotateDraftInstances: true }
    })
    await publishOffer(offerRun(service, azureOffer(), { target: 'live' }).run)
    const next = azureOffer({ listing: { title: 'Contoso Analytics 2', source: { file: 'm' } } })
    await publishOffer(offerRun(service, next, { target: 'draft' }).run)
    const result = await publishOffer(offerRun(service, next, { target: 'live' }).run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'reuse', 'submit', 'promote'])
    expect(result.status).toBe('live')
    expect(await api.listSubmissions(productId)).toHaveLength(2)
  })

  it('submits again when the service keeps draft ids: a draft that is its own submission proves nothing', async () => {
    const { service, api, productId } = await seededAzure({
      config: { rotateDraftInstances: false }
    })
    await publishOffer(offerRun(service, azureOffer(), { target: 'live' }).run)
    const result = await publishOffer(offerRun(service, azureOffer(), { target: 'live' }).run)
    expect(result.status).toBe('live')
    expect(await api.listSubmissions(productId)).toHaveLength(2)
  })

  it('Business Central: submits the Property too when the live one does not hold this app version', async () => {
    const service = await emulator.fresh({ config: { rotateDraftInstances: true } })
    const { api } = service
    const productId = service.productId('contoso-bc-connector')
    await publishOffer(offerRun(service, bcOffer(), { target: 'draft' }).run)
    const result = await publishOffer(offerRun(service, bcOffer(), { target: 'live' }).run)
    expect(result.status).toBe('live')
    expect((await api.listSubmissions(productId))[0].resources?.map(r => r.type)).toEqual([
      'Package',
      'Property'
    ])
    const again = await publishOffer(offerRun(service, bcOffer(), { target: 'live' }).run)
    expect(again.status).toBe('unchanged')
    expect(again.comparedWith?.compared).toEqual([
      'offer technical configuration',
      'offer properties'
    ])
  })
})
