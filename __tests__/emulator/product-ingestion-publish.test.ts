/**
 * Publishing through configure: a submission with target preview (the whole draft, or modular with
 * the changed resources), then live with the preview submission's id; submission lists, the job
 * that stays running through certification, and the refusals the evidence quotes.
 */
import { describe, expect, it } from '@jest/globals'
import {
  createPiHarness,
  editable,
  SCHEMA,
  submission,
  V,
  type PiHarness,
  type Wire
} from './product-ingestion-harness.js'

function submissions(h: PiHarness, durableId: string, query = ''): Wire[] {
  return h.call('GET', `/submission/${durableId.slice('product/'.length)}?${V}${query}`).body.value
}

function newCnab(h: PiHarness, tag: string, digest: string): Wire {
  const container = h.offer('contoso-container')
  const config = editable(
    h,
    `container-plan-technical-configuration/${container.plans[0].durableId.slice(5)}`
  )
  config.cnabReferences = [{ ...config.cnabReferences[0], tag, digest }]
  return config
}

const DIGEST = `sha256:${'fedcba9876543210'.repeat(4)}`

describe('publishing', () => {
  it('takes a container offer to preview then live, the job running through certification', () => {
    const h = createPiHarness()
    const container = h.offer('contoso-container')
    const pg = container.durableId.slice('product/'.length)
    const before = submissions(h, container.durableId)
    const seededLive = before.find(s => s.target.targetType === 'live')

    const jobId = h.configure([
      newCnab(h, '1.1.0', DIGEST),
      submission(container.durableId, 'preview')
    ])
    h.advance(120)
    const running = h.call('GET', `/configure/${jobId}/status?${V}`).body
    expect(running).toMatchObject({ jobStatus: 'running', jobResult: 'pending' })
    const preview = submissions(h, container.durableId, '&targetType=preview')
    expect(preview).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(new RegExp(`^submission/${pg}/\\d{19}$`)),
        target: { targetType: 'preview' },
        status: 'running',
        result: 'pending'
      })
    ])
    // The draft has the new digest; preview still shows the seeded one until certification ends.
    const tree = (target: string): Wire[] =>
      h.call('GET', `/resource-tree/${container.durableId}?targetType=${target}&${V}`).body
        .resources
    const digestIn = (target: string) =>
      tree(target).find(r => r.id.startsWith('container-plan-technical-configuration/'))
        .cnabReferences[0].digest
    expect(digestIn('draft')).toBe(DIGEST)
    expect(digestIn('preview')).not.toBe(DIGEST)

    expect(h.finish(jobId)).toMatchObject({ jobStatus: 'completed', jobResult: 'succeeded' })
    expect(digestIn('preview')).toBe(DIGEST)
    expect(digestIn('live')).not.toBe(DIGEST)
    const previewId = submissions(h, container.durableId, '&targetType=preview')[0].id

    const liveJob = h.configure([submission(container.durableId, 'live', previewId)])
    h.advance(120)
    expect(submissions(h, container.durableId, '&targetType=live')).toEqual([
      expect.objectContaining({ id: previewId, status: 'running', result: 'pending' })
    ])
    expect(h.finish(liveJob).jobResult).toBe('succeeded')
    expect(digestIn('live')).toBe(DIGEST)
    const after = submissions(h, container.durableId)
    expect(after.map(s => [s.id, s.target.targetType, s.status, s.result])).toEqual([
      [`submission/${pg}/0`, 'draft', undefined, undefined],
      [previewId, 'preview', 'completed', 'succeeded'],
      [previewId, 'live', 'completed', 'succeeded']
    ])
    expect(previewId).not.toBe(seededLive.id)
  })

  it('reads a submission’s phases at the speed of the moment, as the Ingestion API does: a lower speed holds it, a higher one releases it', () => {
    const h = createPiHarness()
    const container = h.offer('contoso-container')
    const jobId = h.configure([
      newCnab(h, '1.1.0', DIGEST),
      submission(container.durableId, 'preview')
    ])
    const phase = (target: string) =>
      submissions(h, container.durableId, `&targetType=${target}`).map(s => s.status)
    // Validation and certification take 3900 realistic seconds from the job's processing (60 s):
    // at speed 1, 2000 s is halfway; at speed 4 it is past the end.
    h.advance(2000)
    expect(phase('preview')).toEqual(['running'])
    h.config.speed = 4
    expect(phase('preview')).toEqual(['completed'])
    expect(h.call('GET', `/configure/${jobId}/status?${V}`).body.jobStatus).toBe('completed')
    h.config.speed = 1
    expect(phase('preview')).toEqual(['running'])
    h.advance(2000)
    expect(phase('preview')).toEqual(['completed'])
    const previewId = submissions(h, container.durableId, '&targetType=preview')[0].id

    h.configure([submission(container.durableId, 'live', previewId)])
    h.advance(120)
    expect(phase('live')).toEqual(['running'])
    h.config.speed = 1e6
    expect(phase('live')).toEqual(['completed'])
  })

  it('publishes a SaaS offer with the whole draft (no id) or the draft submission /0', () => {
    const h = createPiHarness()
    const saas = h.offer('contoso-saas')
    const pg = saas.durableId.slice('product/'.length)
    expect(h.finish(h.configure([submission(saas.durableId, 'preview')])).jobResult).toBe(
      'succeeded'
    )
    const second = h.finish(
      h.configure([submission(saas.durableId, 'preview', `submission/${pg}/0`)])
    )
    expect(second.jobResult).toBe('succeeded')
    const detailOf = submissions(h, saas.durableId, '&targetType=preview')
    expect(detailOf).toHaveLength(1)
  })

  it('creates a complete SaaS offer and publishes it to preview in one request, by resourceName', () => {
    const h = createPiHarness()
    const product = { resourceName: 'reports' }
    const plan = { resourceName: 'team' }
    const listing = { resourceName: 'listing' }
    const resources = [
      {
        $schema: `${SCHEMA}/product/2022-07-01`,
        ...product,
        identity: { externalId: 'contoso-reports' },
        type: 'softwareAsAService',
        alias: 'Contoso Reports'
      },
      {
        $schema: `${SCHEMA}/commercial-marketplace-setup/2022-03-01-preview2`,
        product,
        sellThroughMicrosoft: true
      },
      {
        $schema: `${SCHEMA}/property/2022-03-01-preview5`,
        product,
        kind: 'azureSaaS',
        termsConditions: 'standardMicrosoft',
        categories: { analytics: [] }
      },
      {
        $schema: `${SCHEMA}/listing/2022-03-01-preview5`,
        ...listing,
        product,
        kind: 'azureSaaS',
        languageId: 'en-us',
        title: 'Contoso Reports'
      },
      {
        $schema: `${SCHEMA}/listing-asset/2022-03-01-preview5`,
        product,
        listing,
        kind: 'azure',
        type: 'azureLogoLarge',
        languageId: 'en-us',
        fileName: 'logo.png',
        url: 'https://contoso.example/logo.png'
      },
      {
        $schema: `${SCHEMA}/listing-trailer/2022-03-01-preview5`,
        product,
        listing,
        kind: 'azure',
        streamingUrl: 'https://contoso.example/trailer.mp4',
        assets: {
          'en-us': { title: 'Tour', imageList: [{ url: 'https://contoso.example/trailer.png' }] }
        }
      },
      {
        $schema: `${SCHEMA}/software-as-a-service-technical-configuration/2022-03-01-preview3`,
        product,
        landingPageUrl: 'https://contoso.example/landing',
        connectionWebhook: 'https://contoso.example/webhook',
        azureAdTenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
        azureAdAppId: '3c5a0f7e-2d1b-4e8f-9a6c-7b0d1e2f3a4b'
      },
      {
        $schema: `${SCHEMA}/price-and-availability-offer/2022-03-01-preview3`,
        product,
        previewAudiences: []
      },
      {
        $schema: `${SCHEMA}/reseller/2022-03-01-preview2`,
        product,
        resellerChannelState: 'notSet',
        audiences: []
      },
      {
        $schema: `${SCHEMA}/plan/2022-07-01`,
        ...plan,
        product,
        identity: { externalId: 'team' },
        alias: 'Team'
      },
      {
        $schema: `${SCHEMA}/plan-listing/2022-03-01-preview5`,
        product,
        plan,
        kind: 'azureSaaS-plan',
        languageId: 'en-us',
        name: 'Team'
      },
      {
        $schema: `${SCHEMA}/price-and-availability-plan/2022-03-01-preview4`,
        product,
        plan,
        visibility: 'visible',
        audience: 'public',
        markets: ['us', 'ca'],
        pricing: {
          recurrentPrice: {
            priceInputOption: 'usd',
            recurrentPriceMode: 'perUser',
            userLimits: { min: 1, max: 100 },
            prices: [
              {
                billingTerm: { type: 'year', value: 1 },
                paymentOption: { type: 'month', value: 1 },
                pricePerPaymentInUsd: 9
              }
            ]
          }
        }
      },
      {
        $schema: `${SCHEMA}/submission/2022-03-01-preview2`,
        product,
        target: { targetType: 'preview' }
      }
    ]
    const jobId = h.configure(resources)
    expect(h.finish(jobId)).toMatchObject({ jobResult: 'succeeded', errors: [] })
    const ids = (h.call('GET', `/configure/${jobId}?${V}`).body.resources as Wire[]).map(r => r.id)
    const pg = ids[0].split('/')[1]
    expect(ids).toEqual(
      expect.arrayContaining([
        `product/${pg}`,
        `commercial-marketplace-setup/${pg}`,
        `listing-asset/${pg}/public/main/default/en-us/azurelogolarge/1`,
        `listing-trailer/${pg}/public/main/default/2`,
        expect.stringMatching(new RegExp(`^submission/${pg}/\\d{19}$`))
      ])
    )
    const preview = h.call('GET', `/resource-tree/product/${pg}?targetType=preview&${V}`).body
      .resources as Wire[]
    expect(preview).toHaveLength(resources.length)
  })

  it('refuses a second publish while one is in progress, with the service message', () => {
    const h = createPiHarness()
    const vm = h.offer('contoso-vm')
    const first = h.configure([submission(vm.durableId, 'preview')])
    h.advance(120)
    const second = h.configure([submission(vm.durableId, 'preview')])
    const status = h.finish(second)
    const running = submissions(h, vm.durableId, '&targetType=preview')[0]
    expect(status.jobResult).toBe('failed')
    expect(status.errors).toEqual([
      {
        code: 'internalServerError',
        message: `An In Progress submission ${running.id.split('/')[2]} already exists.`,
        resourceId: `submission/${vm.durableId.slice(8)}/0`,
        details: []
      }
    ])
    expect(h.finish(first).jobResult).toBe('succeeded')
  })

  it('refuses to push a submission to live that is not the latest preview', () => {
    const h = createPiHarness()
    const vm = h.offer('contoso-vm')
    const seeded = submissions(h, vm.durableId, '&targetType=live')[0]
    h.finish(h.configure([submission(vm.durableId, 'preview')]))
    const status = h.finish(h.configure([submission(vm.durableId, 'live', seeded.id)]))
    expect(status.errors).toEqual([
      {
        code: 'conflict',
        message: `The submission cannot be pushed to live as its not the latest submission of ${vm.durableId}.`,
        resourceId: seeded.id,
        details: []
      }
    ])
  })

  it('fails the job with the certification error of the cert-failed fault, and keeps preview as it was', () => {
    const h = createPiHarness()
    h.faults.configure('cert-failed x1')
    const container = h.offer('contoso-container')
    const status = h.finish(
      h.configure([newCnab(h, '1.1.0', DIGEST), submission(container.durableId, 'preview')])
    )
    const failed = submissions(h, container.durableId, '&targetType=preview')[0]
    expect(failed).toMatchObject({ status: 'completed', result: 'failed' })
    expect(status.jobResult).toBe('failed')
    expect(status.errors).toEqual([
      {
        code: 'internalServerError',
        message: 'Operation failed',
        resourceId: failed.id,
        details: [
          {
            code: 'invalidState',
            message: 'Certification',
            details: [
              { code: 'invalidState', message: 'Issues found during Certification.', details: [] }
            ]
          }
        ]
      }
    ])
    const preview = h.call('GET', `/resource-tree/${container.durableId}?targetType=preview&${V}`)
      .body.resources as Wire[]
    const config = preview.find(r => r.id.startsWith('container-plan-technical-configuration/'))
    expect(config.cnabReferences[0].digest).not.toBe(DIGEST)
    const live = h.finish(h.configure([submission(container.durableId, 'live', failed.id)]))
    expect(live.errors[0].details[0]).toMatchObject({ code: 'invalidState' })
  })

  it('does not publish when another resource of the same request failed', () => {
    const h = createPiHarness()
    const vm = h.offer('contoso-vm')
    const config = editable(
      h,
      `virtual-machine-plan-technical-configuration/${vm.plans[0].durableId.slice(5)}`
    )
    config.vmImageVersions = []
    delete config.id
    const status = h.finish(h.configure([config, submission(vm.durableId, 'preview')]))
    expect(status.errors.map((e: Wire) => e.details[0].code)).toEqual([
      'businessValidationError',
      'operationCanceled'
    ])
    expect(submissions(h, vm.durableId, '&targetType=preview')[0].status).toBe('completed')
  })

  it('refuses to publish an offer without plans', () => {
    const h = createPiHarness()
    const created = h.finish(
      h.configure([
        {
          $schema: `${SCHEMA}/product/2022-03-01-preview3`,
          identity: { externalId: 'contoso-empty' },
          type: 'azureContainer',
          alias: 'Empty'
        }
      ])
    )
    expect(created.jobResult).toBe('succeeded')
    const product = h.call('GET', `/product?externalId=contoso-empty&${V}`).body.value[0]
    const status = h.finish(h.configure([submission(product.id, 'preview')]))
    expect(status.errors[0].details.map((d: Wire) => d.message)).toEqual([
      'The product has no plan.',
      'The product has no listing.'
    ])
  })
})
