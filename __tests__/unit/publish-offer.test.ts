import { describe, expect, it } from '@jest/globals'
import { publishOffer } from '../../src/publish/offer.js'
import { FakeIngestion } from './publish-fake-api.js'
import { azureOffer, bcOffer, offerRun, plan } from './publish-fixtures.js'

function seededAzure(options?: ConstructorParameters<typeof FakeIngestion>[0]) {
  const api = new FakeIngestion(options)
  const product = api.addProduct('contoso-analytics', 'AzureApplication', [
    { planId: 'standard', subType: 'solution-template' },
    { planId: 'premium', subType: 'solution-template' }
  ])
  return { api, product }
}

describe('publishOffer: Azure Application', () => {
  it('uploads each plan package, points the plan at it and reaches preview with one submission', async () => {
    const { api, product } = seededAzure()
    const { run, uploads } = offerRun(api, azureOffer())
    const result = await publishOffer(run)

    expect(result.errors).toEqual([])
    expect(result.status).toBe('preview')
    expect(uploads.sort()).toEqual(['premium-1.2.3.zip', 'standard-1.2.3.zip'])
    const standard = api.variants.get(product.id)!.find(v => v.externalID === 'standard')!
    const [config] = api.configs.get(api.branchOf(product.id, 'Package', standard.id))!
    const pkg = api.packages.get(product.id)!.find(p => p.fileName === 'standard-1.2.3.zip')!
    expect(config.version).toBe('1.2.3')
    expect(config.packageReferences).toEqual([{ type: 'AzureApplicationPackage', value: pkg.id }])
    expect(api.submissions.get(product.id)).toHaveLength(1)
    const submitted = api.submissions.get(product.id)![0]
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
    const withLink = seededAzure({
      previewLink: 'https://azuremarketplace.microsoft.com/preview/x'
    })
    expect((await publishOffer(offerRun(withLink.api, azureOffer()).run)).previewLinks).toEqual([
      'https://azuremarketplace.microsoft.com/preview/x'
    ])
    const odd = seededAzure({ previewLink: 'javascript:alert(1)' })
    expect((await publishOffer(offerRun(odd.api, azureOffer()).run)).previewLinks).toEqual([])
  })

  it('promotes from ReadyToPublish and waits until InStore for target live', async () => {
    const { api } = seededAzure()
    const { run } = offerRun(api, azureOffer(), { target: 'live' })
    const result = await publishOffer(run)
    expect(result.status).toBe('live')
    expect(api.writes.filter(w => w.startsWith('POST promote'))).toHaveLength(1)
    expect(result.timeline.at(-1)?.state).toBe('Published/InStore')
  })

  it('writes the reseller channel only when it differs, and never in a dry run', async () => {
    const disabled = seededAzure()
    await publishOffer(offerRun(disabled.api, azureOffer({ resellerChannelState: 'Disabled' })).run)
    expect(disabled.api.writes).toContain('POST reseller Disabled')
    expect(disabled.api.reseller.resellerChannelState).toBe('Disabled')

    const same = seededAzure()
    await publishOffer(offerRun(same.api, azureOffer({ resellerChannelState: 'Enabled' })).run)
    expect(same.api.writes.filter(w => w.startsWith('POST reseller'))).toEqual([])

    const dry = seededAzure()
    const planned = offerRun(dry.api, azureOffer({ resellerChannelState: 'Disabled' }), {
      dryRun: true
    })
    await publishOffer(planned.run)
    expect(dry.api.writes).toEqual([])
  })

  it('stops after the drafts for target draft', async () => {
    const { api } = seededAzure()
    const { run } = offerRun(api, azureOffer(), { target: 'draft' })
    const result = await publishOffer(run)
    expect(result.status).toBe('draft')
    expect(api.writes).not.toContain('POST submission')
    expect(api.writes.some(w => w.startsWith('PUT config'))).toBe(true)
  })

  it('returns after creating the submission when wait is false', async () => {
    const { api } = seededAzure()
    const { run } = offerRun(api, azureOffer(), { wait: false })
    const result = await publishOffer(run)
    expect(result.status).toBe('submitted')
    expect(result.timeline).toEqual([])
  })

  it('writes nothing in a dry run and lists the plan', async () => {
    const { api } = seededAzure()
    const { run, uploads } = offerRun(api, azureOffer(), { dryRun: true })
    const result = await publishOffer(run)
    expect(result.status).toBe('planned')
    expect(api.writes).toEqual([])
    expect(uploads).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(
      expect.arrayContaining(['update', 'upload', 'submit'])
    )
  })

  it('plans the creation of a missing offer in a dry run without writing', async () => {
    const api = new FakeIngestion()
    const { run } = offerRun(api, azureOffer({ name: 'Contoso Analytics' }), { dryRun: true })
    const result = await publishOffer(run)
    expect(result.status).toBe('planned')
    expect(api.writes).toEqual([])
    expect(result.changes[0]).toEqual(
      expect.objectContaining({
        action: 'create',
        subject: expect.stringContaining('offer contoso-analytics')
      })
    )
  })

  it('creates a missing offer and its plans when the manifest names it', async () => {
    const api = new FakeIngestion()
    const { run } = offerRun(api, azureOffer({ name: 'Contoso Analytics' }), { target: 'draft' })
    const result = await publishOffer(run)
    expect(result.errors).toEqual([])
    expect(api.writes.slice(0, 3)).toEqual([
      'POST product Contoso Analytics',
      'POST variant standard',
      'POST variant premium'
    ])
  })

  it('fails with OFFER_NOT_FOUND and a hint when the offer is missing and has no name', async () => {
    const api = new FakeIngestion()
    const { run } = offerRun(api, azureOffer())
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors[0].code).toBe('OFFER_NOT_FOUND')
    expect(result.errors[0].message).toContain('name:')
    expect(api.writes).toEqual([])
  })

  it('refuses a plan whose kind differs from the manifest', async () => {
    const { api } = seededAzure()
    const { run } = offerRun(
      api,
      azureOffer({ plans: [plan('standard', { subType: 'managed-application' })] })
    )
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('PLAN_TYPE_MISMATCH')
    expect(result.errors[0].source?.line).toBe(20)
  })

  it('reports the validation items of a package that failed processing', async () => {
    const { api } = seededAzure({ packageOutcome: 'ProcessFailed' })
    const { run } = offerRun(api, azureOffer())
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toContain('PACKAGE_PROCESS_FAILED')
    expect(result.errors.some(e => e.message.includes('PKG-1: mainTemplate.json is missing'))).toBe(
      true
    )
    expect(api.writes).not.toContain('POST submission')
  })

  it('reuses a processed package with the same file name and version instead of uploading again', async () => {
    const { api, product } = seededAzure()
    api.packages.get(product.id)!.push({
      resourceType: 'AzureApplicationPackage',
      fileName: 'standard-1.2.3.zip',
      state: 'Processed',
      id: 'old-pkg'
    })
    const { run, uploads } = offerRun(api, azureOffer(), { target: 'draft' })
    await publishOffer(run)
    expect(uploads).toEqual(['premium-1.2.3.zip'])
    expect(api.writes.filter(w => w.startsWith('POST package'))).toEqual([
      'POST package premium-1.2.3.zip'
    ])
  })

  it('lists the packages once, whatever check-existing says, and uploads what it does not find', async () => {
    const { api } = seededAzure()
    const { run, uploads } = offerRun(api, azureOffer())
    await publishOffer(run)
    expect(uploads.sort()).toEqual(['premium-1.2.3.zip', 'standard-1.2.3.zip'])
    expect(api.lists).toEqual(['packages'])
  })

  it('uploads nothing at a version already uploaded and configured', async () => {
    const { api, product } = seededAzure()
    const first = offerRun(api, azureOffer(), { target: 'draft' })
    await publishOffer(first.run)
    api.lists.length = 0
    const { run, uploads } = offerRun(api, azureOffer(), { target: 'draft' })
    await publishOffer(run)
    expect(api.lists).toEqual(['packages'])
    expect(uploads).toEqual([])
    expect(api.packages.get(product.id)).toHaveLength(2)
  })

  it('collects validations and reports when the submission fails', async () => {
    const { api } = seededAzure({
      submissionPath: [
        ['InProgress', 'Submitted'],
        ['InProgress', 'Failed']
      ],
      validations: [
        {
          errorCode: 'Resell-20007',
          severity: 'Error',
          message: 'ResellerConfiguration module is missing..'
        }
      ]
    })
    const { run } = offerRun(api, azureOffer())
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toEqual([
      'SUBMISSION_FAILED',
      'SUBMISSION_FAILED',
      'CERTIFICATION_FAILED'
    ])
    expect(result.errors[1].message).toBe('Resell-20007: ResellerConfiguration module is missing..')
    expect(result.errors[2].message).not.toContain('sig=')
  })
})

describe('publishOffer: conflicts and resume', () => {
  it('fails with SUBMISSION_CONFLICT naming the blocking submission when the service refuses the POST', async () => {
    const { api, product } = seededAzure()
    api.submissions.get(product.id)!.push({
      resourceType: 'Submission',
      id: 'theirs',
      state: 'InProgress',
      substate: 'Submitted',
      resources: []
    })
    const { run } = offerRun(api, azureOffer())
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('SUBMISSION_CONFLICT')
    expect(result.errors[0].message).toContain('theirs')
    expect(result.errors[0].message).toContain('InProgress/Submitted')
    // The drafts changed, so the POST went first; its 409 was then explained from the list.
    expect(api.writes.at(-1)).toBe('POST submission')
    expect(api.lists).toEqual(['packages', 'submissions'])
    expect(api.submissions.get(product.id)).toHaveLength(1)
  })

  it('with check-existing always, finds the blocking submission before posting', async () => {
    const { api, product } = seededAzure()
    api.submissions.get(product.id)!.push({
      resourceType: 'Submission',
      id: 'theirs',
      state: 'InProgress',
      substate: 'Submitted',
      resources: []
    })
    const { run } = offerRun(api, azureOffer(), { checkExisting: 'always' })
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('SUBMISSION_CONFLICT')
    expect(result.errors[0].message).toContain('theirs')
    expect(api.writes).not.toContain('POST submission')
  })

  it('passes on a 409 that no running submission explains', async () => {
    const { api, product } = seededAzure()
    api.failNextSubmission = 'conflict'
    const { run } = offerRun(api, azureOffer())
    const result = await publishOffer(run)
    expect(result.errors.map(e => e.code)).toEqual(['HTTP_STATUS'])
    expect(api.submissions.get(product.id)).toHaveLength(0)
  })

  it('waits for the blocking submission to finish when on-conflict is wait, and never deletes it', async () => {
    const { api, product } = seededAzure()
    api.submissions.get(product.id)!.push({
      resourceType: 'Submission',
      id: 'theirs',
      state: 'InProgress',
      substate: 'Submitted',
      resources: []
    })
    const { run } = offerRun(api, azureOffer(), { onConflict: 'wait' })
    const result = await publishOffer(run)
    expect(result.status).toBe('preview')
    expect(api.submissions.get(product.id)).toHaveLength(2)
  })

  it('adopts an in-progress submission of exactly these unchanged drafts instead of making a second one', async () => {
    const { api, product } = seededAzure()
    const first = offerRun(api, azureOffer(), { wait: false })
    await publishOffer(first.run)
    const again = offerRun(api, azureOffer())
    const result = await publishOffer(again.run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'reuse', 'adopt'])
    expect(api.submissions.get(product.id)).toHaveLength(1)
    expect(result.status).toBe('preview')
  })

  it('adopts its earlier submission even when the drafts got new instance ids after it', async () => {
    const { api, product } = seededAzure({ rotateDrafts: true })
    await publishOffer(offerRun(api, azureOffer(), { wait: false }).run)
    const result = await publishOffer(offerRun(api, azureOffer()).run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'reuse', 'adopt'])
    expect(api.submissions.get(product.id)).toHaveLength(1)
  })

  it('does not adopt a submission of other packages, even when this run changed nothing', async () => {
    const { api, product } = seededAzure({ rotateDrafts: true })
    await publishOffer(offerRun(api, azureOffer(), { wait: false }).run)
    // Someone re-points the drafts at other packages, submits them, and restores ours.
    const submitted = api.submissions.get(product.id)![0]
    for (const variant of submitted.variantResources ?? []) {
      const instance = variant.resources.find(r => r.type === 'Package')!.value
      api.configs.get(instance)![0].packageReferences = [
        { type: 'AzureApplicationPackage', value: 'someone-elses' }
      ]
    }
    const result = await publishOffer(offerRun(api, azureOffer()).run)
    expect(result.errors[0].code).toBe('SUBMISSION_CONFLICT')
  })

  it('finds the submission an ambiguous POST failure created instead of failing or posting twice', async () => {
    const { api, product } = seededAzure()
    api.failNextSubmission = 'network-after-create'
    const { run } = offerRun(api, azureOffer())
    const result = await publishOffer(run)
    expect(result.errors).toEqual([])
    expect(api.writes.filter(w => w === 'POST submission')).toHaveLength(1)
    expect(result.submissionId).toBe(api.submissions.get(product.id)![0].id)
  })

  it('finds it too when it was certified before the read-back, once the drafts have moved on from its instances', async () => {
    const { api, product } = seededAzure({ rotateDrafts: true })
    api.failNextSubmission = 'network-after-create'
    // Certification that fast happens only in an emulator, but a failed validation is quick too.
    const list = api.listSubmissions.bind(api)
    api.listSubmissions = async (productId: string) =>
      (await list(productId)).map(s => ({ ...s, state: 'Published', substate: 'ReadyToPublish' }))
    const result = await publishOffer(offerRun(api, azureOffer()).run)
    expect(result.errors).toEqual([])
    expect(api.writes.filter(w => w === 'POST submission')).toHaveLength(1)
    expect(result.submissionId).toBe(api.submissions.get(product.id)![0].id)
  })

  it('stops before the next write once cancelled and says where', async () => {
    const { api } = seededAzure()
    const { run, controller } = offerRun(api, azureOffer())
    controller.abort()
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('CANCELLED')
    expect(result.stoppedAt).toBe('updating the offer listing')
    expect(api.writes).toEqual([])
  })
})

describe('publishOffer: Business Central', () => {
  function seededBc() {
    const api = new FakeIngestion()
    const product = api.addProduct('contoso-bc-connector', 'AzureDynamics365BusinessCentral')
    return { api, product }
  }

  it('references the new app package, raises appVersion and submits Package and Property', async () => {
    const { api, product } = seededBc()
    const { run } = offerRun(api, bcOffer())
    const result = await publishOffer(run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('preview')
    const [config] = api.configs.get(api.branchOf(product.id, 'Package'))!
    const pkg = api.packages.get(product.id)![0]
    expect(config.packageReferences).toEqual([
      { type: 'Dynamics365BusinessCentralAddOnExtensionPackage', value: pkg.id }
    ])
    expect(api.properties.get(api.branchOf(product.id, 'Property'))![0].appVersion).toBe('1.2.3.0')
    expect(api.submissions.get(product.id)![0].resources?.map(r => r.type)).toEqual([
      'Package',
      'Property'
    ])
  })

  it('adopts the submission an earlier attempt made after it raised the app version', async () => {
    const { api, product } = seededBc()
    await publishOffer(offerRun(api, bcOffer(), { wait: false }).run)
    const result = await publishOffer(offerRun(api, bcOffer()).run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'adopt'])
    expect(api.submissions.get(product.id)).toHaveLength(1)
  })

  it('refuses an app version lower than the one in Partner Center', async () => {
    const { api, product } = seededBc()
    api.properties.get(api.branchOf(product.id, 'Property'))![0].appVersion = '2.0.0.0'
    const { run } = offerRun(api, bcOffer())
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('VERSION_NOT_HIGHER')
    expect(api.writes.some(w => w.startsWith('PUT property'))).toBe(false)
  })

  it('refuses an offer of another product type', async () => {
    const api = new FakeIngestion()
    api.addProduct('contoso-bc-connector', 'AzureApplication')
    const { run } = offerRun(api, bcOffer())
    const result = await publishOffer(run)
    expect(result.errors[0].code).toBe('UNSUPPORTED_OFFER')
  })
})

describe('publishOffer: unchanged means untouched', () => {
  it('submits nothing when the live submission already holds the manifest, and says what it compared', async () => {
    const { api, product } = seededAzure({ rotateDrafts: true })
    expect((await publishOffer(offerRun(api, azureOffer(), { target: 'live' }).run)).status).toBe(
      'live'
    )
    const writes = api.writes.length
    const result = await publishOffer(offerRun(api, azureOffer(), { target: 'live' }).run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('unchanged')
    expect(api.writes.slice(writes)).toEqual([])
    const [submission] = api.submissions.get(product.id)!
    expect(result.submissionId).toBeUndefined()
    expect(result.comparedWith).toEqual({
      submissionId: submission.id,
      releaseNumber: 1,
      state: 'Published/InStore',
      compared: [
        'offer listing',
        'plan standard technical configuration',
        'plan premium technical configuration'
      ]
    })
  })

  it('submits when only a draft run wrote the content: the live submission does not hold it', async () => {
    const { api, product } = seededAzure({ rotateDrafts: true })
    await publishOffer(offerRun(api, azureOffer(), { target: 'live' }).run)
    const next = azureOffer({ listing: { title: 'Contoso Analytics 2', source: { file: 'm' } } })
    await publishOffer(offerRun(api, next, { target: 'draft' }).run)
    const result = await publishOffer(offerRun(api, next, { target: 'live' }).run)
    expect(result.errors).toEqual([])
    expect(result.changes.map(c => c.action)).toEqual(['reuse', 'reuse', 'submit', 'promote'])
    expect(result.status).toBe('live')
    expect(api.submissions.get(product.id)).toHaveLength(2)
  })

  it('submits again when the service keeps draft ids: a draft that is its own submission proves nothing', async () => {
    const { api, product } = seededAzure()
    await publishOffer(offerRun(api, azureOffer(), { target: 'live' }).run)
    const result = await publishOffer(offerRun(api, azureOffer(), { target: 'live' }).run)
    expect(result.status).toBe('live')
    expect(api.submissions.get(product.id)).toHaveLength(2)
  })

  it('Business Central: submits the Property too when the live one does not hold this app version', async () => {
    const api = new FakeIngestion({ rotateDrafts: true })
    const product = api.addProduct('contoso-bc-connector', 'AzureDynamics365BusinessCentral')
    await publishOffer(offerRun(api, bcOffer(), { target: 'draft' }).run)
    const result = await publishOffer(offerRun(api, bcOffer(), { target: 'live' }).run)
    expect(result.status).toBe('live')
    expect(api.submissions.get(product.id)![0].resources?.map(r => r.type)).toEqual([
      'Package',
      'Property'
    ])
    const again = await publishOffer(offerRun(api, bcOffer(), { target: 'live' }).run)
    expect(again.status).toBe('unchanged')
    expect(again.comparedWith?.compared).toEqual([
      'offer technical configuration',
      'offer properties'
    ])
  })
})
