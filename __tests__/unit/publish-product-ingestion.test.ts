/**
 * The product-ingestion driver against the emulator's model (pi-test-kit.ts): one configure with
 * only what differs, nothing on an unchanged re-run, the write rule after ambiguous outcomes,
 * conflicts, failed jobs at their manifest lines, and bodies that the published schemas accept.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadManifest } from '../../src/manifest/load.js'
import {
  isProductIngestionOffer,
  type ProductIngestionOfferSpec
} from '../../src/manifest/model-product-ingestion.js'
import { publishOffer } from '../../src/publish/offer.js'
import { inFlight } from '../../src/publish/product-ingestion/state.js'
import { resourceSchemas } from '../emulator/product-ingestion-harness.js'
import { reply } from './http-test-kit.js'
import { exampleOffer, startPiKit, type PiKit } from './pi-test-kit.js'

const SCHEMA = 'https://schema.mp.microsoft.com/schema'
const DIGEST = `sha256:${'ab'.repeat(32)}`

/**
 * The one offer of a manifest with `offers:` followed by `yaml`, loaded for version 1.2.3. Its
 * first line is `version: 1`, so a plan's cnab or image mapping starts on line 9.
 */
async function offerOf(yaml: string, version = '1.2.3'): Promise<ProductIngestionOfferSpec> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pi-manifest-'))
  writeFileSync(path.join(dir, 'marketplace.yml'), `version: 1\noffers:\n${yaml}`)
  const [offer] = (await loadManifest('marketplace.yml', { version, workspace: dir })).offers
  if (!isProductIngestionOffer(offer)) throw new Error('not a product-ingestion offer')
  return offer
}

const CONTAINER = (digest = DIGEST, registry = 'contosoregistry') => `  - id: contoso-container
    type: azure-container
    plans:
      - id: standard
        name: Standard
        cnab:
          tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
          subscriptionId: 0b1f6471-1bf0-4dda-aec3-cb9272f09590
          resourceGroup: containers
          registry: ${registry}
          repository: contoso-container/bundle
          tag: \${{ version }}
          digest: ${digest}
`

const VM = (image: string) => `  - id: contoso-vm
    type: azure-virtual-machine
    plans:
      - id: ubuntu-22-04
        name: Ubuntu 22.04 LTS
        image:
${image}`

const GALLERY = (version: string) => `          x64Gen2:
            galleryImageVersion: /subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/images/providers/Microsoft.Compute/galleries/contoso/images/ubuntu-22-04/versions/${version}
            tenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
`

function types(body: { resources: Record<string, unknown>[] }): string[] {
  return body.resources.map(r => String(r.$schema).split('/')[4]).sort()
}

let kit: PiKit
beforeEach(async () => {
  kit = await startPiKit()
})
afterEach(async () => {
  await kit.close()
})

describe('one diff per offer', () => {
  it('sends one configure with only the changed resources and a preview submission', async () => {
    const { run } = kit.run(await exampleOffer('contoso-saas'))
    const result = await publishOffer(run)

    expect(result).toMatchObject({ status: 'preview', errors: [] })
    expect(result.productId).toBe(kit.offer('contoso-saas').durableId.slice('product/'.length))
    expect(result.submissionId).toMatch(/^submission\/[0-9a-f-]+\/\d+$/)
    const [body, ...more] = kit.configures()
    expect(more).toEqual([])
    expect(types(body)).toEqual([
      'listing',
      'plan-listing',
      'price-and-availability-plan',
      'software-as-a-service-technical-configuration',
      'submission'
    ])
    expect(result.changes.map(c => [c.action, c.subject])).toEqual([
      ['update', 'offer listing'],
      ['update', 'technical configuration'],
      ['update', 'plan starter listing'],
      ['update', 'plan starter price and availability'],
      ['submit', 'submission to preview (with the changed resources)']
    ])
  })

  it('sends bodies on the current schema host that the published schemas accept, with $version on every call', async () => {
    for (const offerId of ['contoso-saas', 'contoso-vm', 'contoso-container']) {
      const { run } = kit.run(await exampleOffer(offerId), { target: 'live' })
      expect((await publishOffer(run)).status).toBe('live')
    }
    expect(kit.calls.every(c => c.query.get('$version') === '2022-07-01')).toBe(true)
    const bodies = kit.configures()
    expect(bodies).toHaveLength(6)
    for (const body of bodies) {
      expect(body.$schema).toBe(`${SCHEMA}/configure/2022-07-01`)
      for (const resource of body.resources) {
        const [type, version] = String(resource.$schema).slice(`${SCHEMA}/`.length).split('/')
        expect(String(resource.$schema).startsWith(`${SCHEMA}/`)).toBe(true)
        expect(resourceSchemas().validate(type, version, resource)).toEqual([])
        expect(resource).not.toHaveProperty('validations')
      }
    }
  })

  it('a second run of the same manifest sends no configure: unchanged', async () => {
    const offer = await exampleOffer('contoso-container')
    expect((await publishOffer(kit.run(offer, { target: 'live' }).run)).status).toBe('live')
    const sent = kit.configures().length
    const again = kit.run(offer, { target: 'live' })
    const result = await publishOffer(again.run)
    expect(result.status).toBe('unchanged')
    expect(result.changes).toEqual([])
    expect(kit.configures()).toHaveLength(sent)
    expect(again.lines).toContain('nothing to change: the live already shows the manifest')
  })

  it('an unchanged offer says what it compared: the live submission, or the draft', async () => {
    const offer = await exampleOffer('contoso-container')
    const first = await publishOffer(kit.run(offer, { target: 'live' }).run)
    expect(first.comparedWith).toBeUndefined()
    const live = await publishOffer(kit.run(offer, { target: 'live' }).run)
    expect(live.status).toBe('unchanged')
    // It made no submission (as on the Ingestion path): the one compared is named below.
    expect(live.submissionId).toBeUndefined()
    expect(live.comparedWith).toEqual({
      submissionId: first.submissionId,
      state: 'live: completed/succeeded',
      compared: expect.arrayContaining([
        'offer listing',
        'plan standard price and availability',
        'plan standard technical configuration (CNAB 1.2.3)'
      ])
    })
    const draft = await publishOffer(kit.run(offer, { target: 'draft' }).run)
    expect(draft.status).toBe('unchanged')
    expect(draft.comparedWith).toEqual({ state: 'draft', compared: live.comparedWith?.compared })
    const planned = await publishOffer(kit.run(offer, { target: 'preview', dryRun: true }).run)
    expect(planned).toMatchObject({
      status: 'planned',
      comparedWith: { submissionId: first.submissionId, state: 'preview: completed/succeeded' }
    })
  })

  it('target draft: the changed resources without a submission, then unchanged', async () => {
    const offer = await exampleOffer('contoso-vm')
    expect((await publishOffer(kit.run(offer, { target: 'draft' }).run)).status).toBe('draft')
    expect(types(kit.configures()[0])).toEqual([
      'listing',
      'virtual-machine-plan-technical-configuration'
    ])
    expect((await publishOffer(kit.run(offer, { target: 'draft' }).run)).status).toBe('unchanged')
    // The draft holds it; preview does not yet: a preview run submits the draft as it is.
    const preview = await publishOffer(kit.run(offer).run)
    expect(preview.status).toBe('preview')
    expect(types(kit.configures()[1])).toEqual(['submission'])
  })

  it('a dry run reads only, and plans each resource and the submission', async () => {
    const { run, lines } = kit.run(await exampleOffer('contoso-vm'), {
      dryRun: true,
      target: 'live'
    })
    const result = await publishOffer(run)
    expect(result.status).toBe('planned')
    expect(kit.calls.filter(c => c.method !== 'GET')).toEqual([])
    expect(result.changes.map(c => [c.action, c.subject])).toEqual([
      ['update', 'offer listing'],
      ['update', 'plan ubuntu-22-04 technical configuration (image version 1.2.3)'],
      ['submit', 'submission to preview (with the changed resources)']
    ])
    const body = lines.find(l => l.includes('"versionNumber":"1.2.3"'))
    expect(JSON.parse(body ?? '{}')).toMatchObject({
      $schema: `${SCHEMA}/virtual-machine-plan-technical-configuration/2022-03-01-preview5`
    })
  })
})

describe('virtual machine image versions', () => {
  it('adds the version and keeps the ones already there', async () => {
    const { run } = kit.run(await offerOf(VM(GALLERY('${{ version }}'))))
    expect((await publishOffer(run)).status).toBe('preview')
    const config = kit.configures()[0].resources[0] as {
      vmImageVersions: { versionNumber: string }[]
      skus: unknown[]
    }
    expect(config.vmImageVersions.map(v => v.versionNumber)).toEqual(['1.0.0', '1.2.3'])
    expect(config.skus).toEqual([
      { imageType: 'x64Gen2', skuId: 'ubuntu-22-04', securityType: ['trusted'] }
    ])
  })

  it('refuses a version already there with other images, before writing', async () => {
    const { run } = kit.run(await offerOf(VM(GALLERY('9.9.9')), '1.0.0'))
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors[0]).toMatchObject({
      code: 'VERSION_NOT_HIGHER',
      source: expect.objectContaining({ line: 9 })
    })
    expect(kit.configures()).toEqual([])
  })

  it('recognises a VHD published before when only its SAS changed', async () => {
    const vhd = (sig: string) =>
      VM(`          x64Gen1:
            osDisk: https://contosoimages.blob.core.windows.net/vhds/os-1.2.3.vhd?sv=2022-11-02&sp=rl&sig=${sig}
`)
    expect(
      (await publishOffer(kit.run(await offerOf(vhd('first')), { target: 'draft' }).run)).status
    ).toBe('draft')
    const config = kit.configures()[0].resources[0] as { skus: unknown[] }
    expect(config.skus).toEqual([
      { imageType: 'x64Gen2', skuId: 'ubuntu-22-04', securityType: ['trusted'] },
      { imageType: 'x64Gen1', skuId: 'ubuntu-22-04-gen1' }
    ])
    const again = await publishOffer(kit.run(await offerOf(vhd('second')), { target: 'draft' }).run)
    expect(again.status).toBe('unchanged')
  })
})

describe('configure bodies the service refuses', () => {
  it('a planted violation (a registry name with an underscore) is refused with the field and its line', async () => {
    const { run } = kit.run(await offerOf(CONTAINER(DIGEST, 'contoso_registry')))
    const result = await publishOffer(run)
    expect(result.status).toBe('failed')
    expect(result.errors[0]).toMatchObject({ code: 'CONFIGURE_FAILED' })
    expect(result.errors[0].message).toMatch(/refused the configure request/)
    expect(result.errors[1]).toMatchObject({
      code: 'CONFIGURE_FAILED',
      message: expect.stringMatching(
        /schemaValidationError: plan standard technical configuration .*registryName/
      ),
      source: expect.objectContaining({ line: 9 })
    })
    expect(kit.model.snapshot().jobs).toEqual([])
  })

  it('a digest that is not sha256 is what the published container schema refuses', () => {
    const resource = {
      $schema: `${SCHEMA}/container-plan-technical-configuration/2022-03-01-preview3`,
      product: 'product/x',
      plan: 'plan/x/y',
      payloadType: 'cnab',
      clusterExtensionType: 'Contoso.EdgeAnalytics',
      cnabReferences: [
        {
          tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
          subscriptionId: '0b1f6471-1bf0-4dda-aec3-cb9272f09590',
          resourceGroupName: 'containers',
          registryName: 'contosoregistry',
          repositoryName: 'bundle',
          tag: '1.2.3',
          digest: 'sha256:abc'
        }
      ]
    }
    const problems = resourceSchemas().validate(
      'container-plan-technical-configuration',
      '2022-03-01-preview3',
      resource
    )
    expect(problems.join('\n')).toMatch(/digest/)
  })

  it('a failed job is CONFIGURE_FAILED, one problem at the line of the resource it names', async () => {
    const failing = await startPiKit('job-failed x1')
    try {
      const { run } = failing.run(await offerOf(CONTAINER()))
      const result = await publishOffer(run)
      expect(result.status).toBe('failed')
      expect(result.errors.map(e => e.code)).toEqual(['CONFIGURE_FAILED', 'CONFIGURE_FAILED'])
      expect(result.errors[1]).toMatchObject({
        message: expect.stringMatching(
          /^businessValidationError: plan standard technical configuration \(CNAB 1\.2\.3\): .*job-failed/
        ),
        source: expect.objectContaining({ line: 9 })
      })
    } finally {
      await failing.close()
    }
  })

  it('a certification failure is SUBMISSION_FAILED', async () => {
    const failing = await startPiKit('cert-failed x1')
    try {
      const result = await publishOffer(failing.run(await offerOf(CONTAINER())).run)
      expect(result.status).toBe('failed')
      expect(result.errors[0].code).toBe('SUBMISSION_FAILED')
      expect(result.errors.slice(1).map(e => e.message)).toEqual([
        expect.stringMatching(/Issues found during Certification/)
      ])
    } finally {
      await failing.close()
    }
  })
})

describe('outcomes a reply does not tell', () => {
  it('a configure whose reply was lost after it took effect is not sent again', async () => {
    kit.loseFirstReply('/configure')
    const { run, lines } = kit.run(await offerOf(CONTAINER()))
    const result = await publishOffer(run)
    expect(result.status).toBe('preview')
    expect(kit.configures()).toHaveLength(1)
    expect(kit.model.snapshot().jobs).toHaveLength(1)
    expect(lines.some(l => /failed in transit .*reading the offer back/.test(l))).toBe(true)
  })

  it('at the service’s own pace, a lost reply’s job is waited out through its 409s and never sent twice', async () => {
    // At speed 1 a job holds the offer for a minute: the read-back 2 s after the lost reply finds
    // nothing applied yet, and every send after it meets the job's 409 until the job is done.
    const slow = await startPiKit('', 1)
    try {
      slow.loseFirstReply('/configure')
      const { run, lines } = slow.run(await offerOf(CONTAINER()))
      const result = await publishOffer(run)
      expect(result.errors).toEqual([])
      expect(result.status).toBe('preview')
      expect(slow.model.snapshot().jobs).toHaveLength(1)
      // More sends than the write rule's six: a send refused while a job holds the offer made
      // nothing, so it does not count; the time budget bounds the wait.
      expect(slow.configures().length).toBeGreaterThan(6)
      expect(lines.some(l => /had taken effect/.test(l))).toBe(true)
    } finally {
      await slow.close()
    }
  })

  it('a configure refused with 503 before it took effect is sent again', async () => {
    let refused = false
    kit.intercept((call, _answer, res) => {
      if (refused || call.path !== '/configure') return undefined
      refused = true
      reply(res, 503, { error: { code: 'serviceUnavailable', message: 'busy', details: [] } })
      return true
    })
    const result = await publishOffer(kit.run(await offerOf(CONTAINER())).run)
    expect(result.status).toBe('preview')
    expect(kit.configures()).toHaveLength(2)
    expect(kit.model.snapshot().jobs).toHaveLength(1)
  })

  it("someone else's change between the read and the write is CONCURRENT_CHANGE, and nothing is sent over it", async () => {
    const container = kit.offer('contoso-container')
    const configId = `container-plan-technical-configuration/${container.plans[0].durableId.slice('plan/'.length)}`
    let raced = false
    kit.intercept(async (call, _answer, res) => {
      if (raced || call.path !== '/configure') return undefined
      raced = true
      const current = kit.model.handle({
        method: 'GET',
        path: `/${configId}`,
        query: new URLSearchParams('$version=2022-07-01'),
        body: undefined
      }).reply.body as { cnabReferences: Record<string, unknown>[] }
      await kit.colleague([
        {
          ...current,
          cnabReferences: [
            { ...current.cnabReferences[0], tag: '9.9.9', digest: `sha256:${'cd'.repeat(32)}` }
          ]
        }
      ])
      reply(res, 503, { error: { code: 'serviceUnavailable', message: 'busy', details: [] } })
      return true
    })
    const result = await publishOffer(kit.run(await offerOf(CONTAINER())).run)
    expect(result.status).toBe('failed')
    expect(result.errors[0]).toMatchObject({
      code: 'CONCURRENT_CHANGE',
      source: expect.objectContaining({ line: 9 })
    })
    expect(kit.configures()).toHaveLength(1)
  })

  it('a 409 (another job holds the offer) is waited out, then the offer is read back', async () => {
    let locked = 0
    kit.intercept((call, _answer, res) => {
      if (locked >= 2 || call.path !== '/configure') return undefined
      locked++
      reply(res, 409, {
        error: {
          code: 'conflict',
          message: 'Another configure job is processing this product.',
          details: [{ code: 'productLocked', message: 'locked', details: [] }]
        }
      })
      return true
    })
    const { run, lines } = kit.run(await offerOf(CONTAINER()))
    expect((await publishOffer(run)).status).toBe('preview')
    expect(kit.configures()).toHaveLength(3)
    expect(lines.filter(l => /another configure job is processing/.test(l))).toHaveLength(2)
  })
})

describe('submissions in flight', () => {
  it('with changes to send, someone else’s submission fails the run (on-conflict: fail) before any write', async () => {
    expect(
      (await publishOffer(kit.run(await offerOf(CONTAINER()), { wait: false }).run)).status
    ).toBe('submitted')
    const sent = kit.configures().length
    const result = await publishOffer(
      kit.run(await offerOf(CONTAINER(`sha256:${'ef'.repeat(32)}`))).run
    )
    expect(result.errors[0]).toMatchObject({ code: 'SUBMISSION_CONFLICT' })
    expect(kit.configures()).toHaveLength(sent)
  })

  it('with on-conflict: wait, the run waits for it and then publishes', async () => {
    await publishOffer(kit.run(await offerOf(CONTAINER()), { wait: false }).run)
    const result = await publishOffer(
      kit.run(await offerOf(CONTAINER(`sha256:${'ef'.repeat(32)}`)), { onConflict: 'wait' }).run
    )
    expect(result.status).toBe('preview')
    expect(kit.configures()).toHaveLength(2)
  })

  it('a re-run of a release submitted with wait: false follows its submission instead of submitting again', async () => {
    const offer = await offerOf(CONTAINER())
    const first = await publishOffer(kit.run(offer, { wait: false }).run)
    expect(first.status).toBe('submitted')
    const productId = `product/${first.productId}`
    expect(inFlight(await kit.api.listSubmissions(productId))).toMatchObject({
      id: first.submissionId,
      status: 'running'
    })

    const again = await publishOffer(kit.run(offer, { target: 'live' }).run)
    expect(again.status).toBe('live')
    expect(again.changes.map(c => c.action)).toEqual(['adopt', 'promote'])
    expect(kit.configures()).toHaveLength(2)
    expect(inFlight(await kit.api.listSubmissions(productId))).toBeUndefined()
  })
})

describe('new offers', () => {
  it('creates the product, its listing, plan and technical configuration in one request', async () => {
    const offer = await offerOf(`  - id: contoso-newsaas
    type: saas
    name: Contoso Reports
    listing: { title: Contoso Reports }
    properties: { categories: { analytics: [] }, useEnterpriseContract: true }
    marketplaceSetup: { sellThroughMicrosoft: true }
    technicalConfiguration:
      landingPage: https://contoso.example.com/reports/landing
      webhook: https://contoso.example.com/reports/webhook
      entraTenantId: 72f988bf-86f1-41af-91ab-2d7cd011db47
      entraAppId: 3c5a0f7e-2d1b-4e8f-9a6c-7b0d1e2f3a4b
    plans:
      - id: team
        name: Team
        markets: [us]
        pricing: { model: per-user, monthly: 10, users: { min: 1, max: 50 } }
`)
    const result = await publishOffer(kit.run(offer).run)
    expect(result.errors).toEqual([])
    expect(result.status).toBe('preview')
    expect(result.productId).toMatch(/^[0-9a-f-]{36}$/)
    expect(kit.configures()).toHaveLength(1)
    expect(types(kit.configures()[0])).toEqual([
      'commercial-marketplace-setup',
      'listing',
      'plan',
      'plan-listing',
      'price-and-availability-offer',
      'price-and-availability-plan',
      'product',
      'property',
      'software-as-a-service-technical-configuration',
      'submission'
    ])
  })

  it('an offer that does not exist and has no name is OFFER_NOT_FOUND, nothing sent', async () => {
    const result = await publishOffer(
      kit.run(await offerOf(CONTAINER().replace('contoso-container', 'contoso-missing'))).run
    )
    expect(result.errors[0]).toMatchObject({ code: 'OFFER_NOT_FOUND' })
    expect(kit.configures()).toEqual([])
  })
})
