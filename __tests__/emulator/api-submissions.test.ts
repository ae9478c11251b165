/** The Ingestion model's submissions: creation checks, lifecycle by simulated time, promote, delete. */
import { describe, expect, it } from '@jest/globals'
import {
  ORIGIN,
  createHarness,
  creationRequest,
  errorDetail,
  readyPackages,
  type Harness,
  type Wire
} from './api-harness.js'

async function submit(h: Harness, pid: string, skip: string[] = []): Promise<Wire> {
  const reply = await h.call(
    'POST',
    `/products/${pid}/submissions`,
    await creationRequest(h, pid, skip)
  )
  expect(reply.status).toBe(201)
  expect(reply.headers?.Location).toBe(
    `${ORIGIN}/v1.0/ingestion/products/${pid}/submissions/${(reply.body as Wire).id}`
  )
  return reply.body
}

const status = async (h: Harness, pid: string, sid: string): Promise<string> => {
  const s = await h.ok('GET', `/products/${pid}/submissions/${sid}`)
  return `${s.state}/${s.substate}/${s.pendingUpdateInfo.status}`
}

describe('submission lifecycle', () => {
  it('goes Submitted → ReadyToPublish → (promote) Publishing → InStore on simulated time', async () => {
    const h = createHarness({ speed: 60 })
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    const created = await submit(h, pid)
    expect(created).toMatchObject({
      resourceType: 'Submission',
      state: 'InProgress',
      substate: 'Submitted',
      pendingUpdateInfo: { updateType: 'Submit', status: 'Running' },
      releaseNumber: 1,
      areResourcesReady: false
    })
    expect(created.id).toMatch(/^\d{19}$/)
    h.advance(299)
    expect(await status(h, pid, created.id)).toBe('InProgress/Submitted/Running')
    const promoteEarly = await h.call('POST', `/products/${pid}/submissions/${created.id}/promote`)
    expect(promoteEarly.status).toBe(409)
    h.advance(1 + 3600)
    expect(await status(h, pid, created.id)).toBe('Published/ReadyToPublish/Completed')
    expect(
      (await h.ok('GET', `/products/${pid}/submissions/${created.id}/reports`)).value[0].status
    ).toBe('Passed')

    const promoted = await h.call('POST', `/products/${pid}/submissions/${created.id}/promote`)
    expect(promoted.status).toBe(200)
    expect((promoted.body as Wire).targetEnvironment).toBe('live')
    expect(await status(h, pid, created.id)).toBe('Published/Publishing/Running')
    expect(await h.ok('GET', `/products/${pid}/submissions/${created.id}`)).not.toHaveProperty(
      'publishedTimeInUtc'
    )
    h.advance(3600)
    expect(await status(h, pid, created.id)).toBe('Published/InStore/Completed')
    const live = await h.ok('GET', `/products/${pid}/submissions/${created.id}`)
    expect(live.publishedTimeInUtc).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)

    const details = (
      await h.ok('GET', `/products/${pid}/submissions/${created.id}/workflowdetails`)
    ).value
    expect(details.map((d: Wire) => [d.targetEnvironment, d.state])).toEqual([
      ['preview', 'Completed'],
      ['live', 'Completed']
    ])
    expect(details[0].workflowSteps.map((s: Wire) => s.name)).toEqual([
      'Automated validation',
      'Certification',
      'Preview Creation',
      'Publisher Signoff'
    ])
    expect((await h.call('DELETE', `/products/${pid}/submissions/${created.id}`)).status).toBe(409)
  })

  it('auto-promotes when publishOption.isAutoPromote is set, and shows publishOption only on $expand', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-bc-connector')
    const pkgBranch = (await h.ok('GET', `/products/${pid}/branches/getByModule(module=Package)`))
      .value[0]
    const cfg = (
      await h.ok(
        'GET',
        `/products/${pid}/packageConfigurations/getByInstanceID(instanceID=${pkgBranch.currentDraftInstanceID})`
      )
    ).value[0]
    const app = await h.ok('POST', `/products/${pid}/packages`, {
      resourceType: 'Dynamics365BusinessCentralAddOnExtensionPackage',
      fileName: 'a.app'
    })
    await h.ok('PUT', `/products/${pid}/packages/${app.id}`, { ...app, state: 'Uploaded' })
    await h.ok('PUT', `/products/${pid}/packageConfigurations/${cfg.id}`, {
      ...cfg,
      packageReferences: [{ type: app.resourceType, value: app.id }]
    })
    const s = await h.ok('POST', `/products/${pid}/submissions`, {
      resourceType: 'SubmissionCreationRequest',
      targets: [{ type: 'Scope', value: 'preview' }],
      resources: [{ type: 'Package', value: pkgBranch.currentDraftInstanceID }],
      publishOption: { isAutoPromote: true, isManualPublish: false }
    })
    expect(await h.ok('GET', `/products/${pid}/submissions/${s.id}`)).not.toHaveProperty(
      'publishOption'
    )
    expect(
      (await h.ok('GET', `/products/${pid}/submissions/${s.id}?$expand=PublishOption`))
        .publishOption.isAutoPromote
    ).toBe(true)
    h.advance(300 + 3600 + 3600)
    expect(await status(h, pid, s.id)).toBe('Published/InStore/Completed')
    const details = (await h.ok('GET', `/products/${pid}/submissions/${s.id}/workflowdetails`))
      .value
    expect(details).toHaveLength(2)
  })

  it('fails validation with Resell-20007 when ResellerConfiguration is left out', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    const s = await submit(h, pid, ['ResellerConfiguration'])
    expect((await h.ok('GET', `/products/${pid}/submissions/${s.id}/validations`)).value).toEqual(
      []
    )
    h.advance(300)
    const failed = await h.ok('GET', `/products/${pid}/submissions/${s.id}`)
    expect([failed.state, failed.substate]).toEqual(['InProgress', 'Failed'])
    expect(failed.pendingUpdateInfo).toMatchObject({
      status: 'Failed',
      failureReason: expect.any(String)
    })
    expect((await h.ok('GET', `/products/${pid}/submissions/${s.id}/validations`)).value).toEqual([
      {
        errorCode: 'Resell-20007',
        severity: 'Error',
        message: 'ResellerConfiguration module is missing..',
        resource: 'Resell'
      }
    ])
    // A failed submission does not block the next one.
    expect(
      (await h.call('POST', `/products/${pid}/submissions`, await creationRequest(h, pid))).status
    ).toBe(201)
  })

  it('fails validation when a plan configuration references no Processed package', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const s = await submit(h, pid)
    h.advance(300)
    const items = (await h.ok('GET', `/products/${pid}/submissions/${s.id}/validations`)).value
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({
      resource: 'Package',
      message: expect.stringMatching(/processed package/)
    })
  })

  it('fails in certification when cert-failed is injected, with a Failed report', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    h.faults.configure('cert-failed x1')
    const s = await submit(h, pid)
    h.advance(300)
    expect(await status(h, pid, s.id)).toBe('InProgress/Submitted/Running')
    expect(
      (await h.ok('GET', `/products/${pid}/submissions/${s.id}/reports`)).value[0].status
    ).toBe('Pending')
    h.advance(3600)
    expect(await status(h, pid, s.id)).toBe('InProgress/FailedInCertification/Failed')
    const report = (await h.ok('GET', `/products/${pid}/submissions/${s.id}/reports`)).value[0]
    expect(report.status).toBe('Failed')
    expect(report.fileUri).toMatch(/^data:text\/plain;base64,/)
    const preview = (await h.ok('GET', `/products/${pid}/submissions/${s.id}/workflowdetails`))
      .value[0]
    expect(preview.workflowSteps[1]).toMatchObject({ name: 'Certification', state: 'Failed' })
  })

  it('fails validation when validation-failed is injected', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    h.faults.configure('validation-failed x1')
    const s = await submit(h, pid)
    h.advance(300)
    expect(await status(h, pid, s.id)).toBe('InProgress/Failed/Failed')
  })
})

describe('submission creation rules', () => {
  it('answers 409 while another submission runs, or when submission-409 is injected', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    const first = await submit(h, pid)
    const second = await h.call(
      'POST',
      `/products/${pid}/submissions`,
      await creationRequest(h, pid)
    )
    expect(second.status).toBe(409)
    expect(errorDetail(second).faultCode).toBe(50409)

    expect((await h.call('DELETE', `/products/${pid}/submissions/${first.id}`)).status).toBe(204)
    h.faults.configure('submission-409 x1')
    expect(
      (await h.call('POST', `/products/${pid}/submissions`, await creationRequest(h, pid))).status
    ).toBe(409)
    const third = await submit(h, pid)
    expect(third.releaseNumber).toBe(2)
    const list = (await h.ok('GET', `/products/${pid}/submissions`)).value
    expect(list.map((s: Wire) => s.id)).toEqual([third.id])
    const filtered = await h.ok(
      'GET',
      `/products/${pid}/submissions?$filter=${encodeURIComponent("state eq 'Published'")}`
    )
    expect(filtered.value).toEqual([])
  })

  it('rejects a draft id that is not the current draft of its module with 400', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    const request = await creationRequest(h, pid)
    request.resources[0].value = 'not-a-draft'
    const reply = await h.call('POST', `/products/${pid}/submissions`, request)
    expect(reply.status).toBe(400)
    expect(errorDetail(reply).data.Resources[0]).toMatch(/not-a-draft/)
  })

  it('accepts the literal {productId}-ResellerInstance as the reseller draft', async () => {
    const h = createHarness()
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    const request = await creationRequest(h, pid)
    const reseller = request.resources.find((r: Wire) => r.type === 'ResellerConfiguration')
    reseller.value = `${pid}-ResellerInstance`
    expect((await h.call('POST', `/products/${pid}/submissions`, request)).status).toBe(201)
  })

  /** Submits with rotation on; the requests before and after, and the listing draft ids. */
  async function rotated(keepSubmittedInstances: boolean) {
    const h = createHarness({ rotateDraftInstances: true, keepSubmittedInstances })
    const pid = h.productId('contoso-analytics')
    await readyPackages(h, pid)
    const before = await creationRequest(h, pid)
    const listingOf = (r: Wire): string => r.resources.find((x: Wire) => x.type === 'Listing').value
    const listings = async (instance: string): Promise<Wire[]> =>
      (await h.ok('GET', `/products/${pid}/listings/getByInstanceID(instanceID=${instance})`)).value
    const [offerListing] = await listings(listingOf(before))
    await h.ok('POST', `/products/${pid}/listings/${offerListing.id}/images`, {
      resourceType: 'ListingImage',
      fileName: 'logo-48x48.png',
      type: 'AzureLogoSmall'
    })
    await submit(h, pid)
    const after = await creationRequest(h, pid)
    return {
      h,
      pid,
      before,
      after,
      oldListing: listingOf(before),
      newListing: listingOf(after),
      listings
    }
  }

  it('rotates draft instance ids after a submission when configured, keeping the content', async () => {
    const { h, pid, before, after, newListing, listings } = await rotated(true)
    const ids = (r: Wire) => r.resources.map((x: Wire) => x.value)
    const offerLevel = (list: string[]) => list.filter(v => !v.endsWith('-ResellerInstance'))
    for (const id of offerLevel(ids(after))) expect(ids(before)).not.toContain(id)
    expect((await listings(newListing))[0].title).toBe('Contoso Analytics')
    const stale = await h.call('POST', `/products/${pid}/submissions`, before)
    expect(stale.status).toBe(400)
  })

  it('keeps what was submitted readable, and read-only, under the old instance ids', async () => {
    const { h, pid, oldListing, newListing, listings } = await rotated(true)
    const [kept] = await listings(oldListing)
    const [draft] = await listings(newListing)
    expect(kept.title).toBe(draft.title)
    expect(kept.id).not.toBe(draft.id)
    const images = async (listingId: string): Promise<string[]> =>
      (await h.ok('GET', `/products/${pid}/listings/${listingId}/images`)).value.map(
        (i: Wire) => i.fileName
      )
    expect(await images(draft.id)).not.toEqual([])
    expect(await images(kept.id)).toEqual(await images(draft.id))

    const write = await h.call(
      'PUT',
      `/products/${pid}/listings/${kept.id}`,
      {
        ...kept,
        title: 'Changed after submission'
      },
      { 'If-Match': kept['@odata.etag'] }
    )
    expect(write.status).toBe(409)
    expect(errorDetail(write).data.Listing[0]).toMatch(/belongs to submission/)
    const addImage = await h.call('POST', `/products/${pid}/listings/${kept.id}/images`, {
      resourceType: 'ListingImage',
      fileName: 'late.png',
      type: 'AzureLogoSmall'
    })
    expect(addImage.status).toBe(409)
    expect((await listings(oldListing))[0].title).toBe(draft.title)
    // The draft itself stays writable.
    const edit = await h.call(
      'PUT',
      `/products/${pid}/listings/${draft.id}`,
      {
        ...draft,
        title: 'Next release'
      },
      { 'If-Match': draft['@odata.etag'] }
    )
    expect(edit.status).toBe(200)
    expect((await listings(oldListing))[0].title).toBe(kept.title)
  })

  it('lets the old instance ids stop resolving with --drop-submitted-instances', async () => {
    const { oldListing, newListing, listings } = await rotated(false)
    expect(await listings(oldListing)).toEqual([])
    expect(await listings(newListing)).toHaveLength(1)
  })
})
