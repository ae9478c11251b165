/**
 * POST configure and its jobs, on the model with a clock the test moves: what is refused at once
 * (schema violations, the retired schema host, a missing $version, a product another job holds),
 * the job lifecycle, configure-detail with durable ids, cancel, and jobs that fail with errors
 * naming the resource.
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

const LEGACY = 'https://product-ingestion.azureedge.net/schema'

function newSaasProduct(externalId: string): Wire[] {
  return [
    {
      $schema: `${SCHEMA}/product/2022-03-01-preview3`,
      resourceName: 'newProduct',
      identity: { externalId },
      type: 'softwareAsAService',
      alias: 'Contoso Reports'
    },
    {
      $schema: `${SCHEMA}/plan/2022-03-01-preview2`,
      resourceName: 'basicPlan',
      product: { resourceName: 'newProduct' },
      identity: { externalId: 'basic' },
      alias: 'Basic'
    },
    {
      $schema: `${SCHEMA}/plan-listing/2022-03-01-preview5`,
      product: { resourceName: 'newProduct' },
      plan: { resourceName: 'basicPlan' },
      kind: 'azureSaaS-plan',
      languageId: 'en-us',
      name: 'Basic'
    }
  ]
}

function vmTechConfig(h: PiHarness): Wire {
  const vm = h.offer('contoso-vm')
  const config = editable(
    h,
    `virtual-machine-plan-technical-configuration/${vm.plans[0].durableId.slice('plan/'.length)}`
  )
  delete config.id
  return config
}

describe('POST configure: synchronous checks', () => {
  it('answers 202 with a notStarted job in the configure-status shape', () => {
    const h = createPiHarness()
    const reply = h.call('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: newSaasProduct('contoso-reports')
    })
    expect(reply.status).toBe(202)
    expect(reply.body).toEqual({
      $schema: `${SCHEMA}/configure-status/2022-07-01`,
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      jobStatus: 'notStarted',
      jobResult: 'pending',
      jobStart: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/),
      jobEnd: '0001-01-01T00:00:00',
      errors: []
    })
  })

  it('refuses a planted schema violation with 400 schemaValidationError naming the resource', () => {
    const h = createPiHarness()
    const config = vmTechConfig(h)
    config.vmImageVersions.push({ versionNumber: '2.0', vmImages: [] })
    const reply = h.call('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [config]
    })
    expect(reply.status).toBe(400)
    expect(reply.body).toEqual({
      error: {
        code: 'badRequest',
        message: 'Invalid configuration: schema validation failed',
        details: [
          {
            code: 'schemaValidationError',
            message: `Schema validation failed for schema ${config.$schema}: Must match pattern "^[0-9]+\\.[0-9]+\\.[0-9]+$" #/vmImageVersions/1/versionNumber`
          },
          {
            code: 'schemaValidationError',
            message: `Schema validation failed for schema ${config.$schema}: Must NOT have fewer than 1 items #/vmImageVersions/1/vmImages`
          }
        ]
      }
    })
    expect(h.model.snapshot().jobs).toEqual([])
  })

  it('names a resource by its resourceName, and refuses read-only fields and unknown envelope keys', () => {
    const h = createPiHarness()
    const [product, plan] = newSaasProduct('contoso-reports')
    const published = {
      ...submission(h.offer('contoso-saas').durableId, 'preview'),
      status: 'completed'
    }
    const reply = h.call('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [{ ...product, alias: 7 }, plan, published],
      extra: true
    })
    expect(reply.status).toBe(400)
    const details = reply.body.error.details as Wire[]
    expect(
      details.map(d => [
        d.message.replace(/^Schema validation failed for schema \S+: /, ''),
        d.resourceId
      ])
    ).toEqual([
      [
        "Property 'extra' has not been defined and the schema does not allow additional properties #",
        undefined
      ],
      ['Must be string #/alias', { resourceName: 'newProduct' }],
      ["Property 'status' is read-only: remove it before posting #/status", undefined]
    ])
  })

  it('answers the 2025 400 for the retired schema host, on the body or on a resource, without details', () => {
    const h = createPiHarness()
    const config = vmTechConfig(h)
    for (const body of [
      { $schema: `${LEGACY}/configure/2022-03-01-preview2`, resources: [config] },
      {
        $schema: `${SCHEMA}/configure/2022-03-01-preview2`,
        resources: [{ ...config, $schema: config.$schema.replace(SCHEMA, LEGACY) }]
      }
    ]) {
      const uri = body.$schema.startsWith(LEGACY) ? body.$schema : body.resources[0].$schema
      const reply = h.call('POST', `/configure?${V}`, body)
      expect(reply.status).toBe(400)
      expect(reply.body).toEqual({
        error: { code: 'badRequest', message: `Schema ${uri} could not be accessed` }
      })
    }
  })

  it('refuses an unknown schema version, and a resource version above the $version ceiling', () => {
    const h = createPiHarness()
    const config = vmTechConfig(h)
    const unknown = h.call('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [
        {
          ...config,
          $schema: `${SCHEMA}/virtual-machine-plan-technical-configuration/2022-03-01-preview9`
        }
      ]
    })
    expect(unknown.body.error.message).toBe(
      `Schema ${SCHEMA}/virtual-machine-plan-technical-configuration/2022-03-01-preview9 could not be accessed`
    )
    const above = h.call('POST', '/configure?$version=2022-03-01-preview3', {
      $schema: `${SCHEMA}/configure/2022-03-01-preview2`,
      resources: [config]
    })
    expect(above.status).toBe(400)
    expect(above.body.error.details[0].message).toContain(
      'The schema version 2022-03-01-preview5 is newer than the requested $version 2022-03-01-preview3'
    )
  })

  it('requires $version on every call', () => {
    const h = createPiHarness()
    const vm = h.offer('contoso-vm')
    for (const [method, path] of [
      ['POST', '/configure'],
      ['GET', '/product?externalId=contoso-vm'],
      ['GET', `/resource-tree/${vm.durableId}`],
      ['GET', `/${vm.durableId}`]
    ]) {
      const reply = h.call(
        method,
        path,
        method === 'POST' ? { $schema: `${SCHEMA}/configure/2022-07-01`, resources: [] } : undefined
      )
      expect(reply.status).toBe(400)
      expect(reply.body).toEqual({
        error: {
          code: 'badRequest',
          message: 'The $version query parameter is required on every call.',
          details: []
        }
      })
    }
  })

  it('runs one job at a time per product: a second configure while one is processing gets 409 conflict', () => {
    const h = createPiHarness()
    const first = h.configure([vmTechConfig(h)])
    const second = h.call('POST', `/configure?${V}`, {
      $schema: `${SCHEMA}/configure/2022-07-01`,
      resources: [vmTechConfig(h)]
    })
    expect(second.status).toBe(409)
    expect(second.body).toEqual({
      error: {
        code: 'conflict',
        message: `Another configure job (${first}) is processing this product; retry after it completes.`,
        details: [{ code: 'productLocked', message: expect.stringContaining(first), details: [] }]
      }
    })
    // Another product is not held.
    expect(h.configure(newSaasProduct('contoso-other'))).toMatch(/^[0-9a-f-]{36}$/)
    h.finish(first)
    expect(h.configure([vmTechConfig(h)])).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('with concurrentConfigure failed-job, accepts the second configure and fails its job with conflict', () => {
    const h = createPiHarness()
    h.config.concurrentConfigure = 'failed-job'
    const first = h.configure([vmTechConfig(h)])
    const second = h.configure([vmTechConfig(h)])
    expect(h.finish(first).jobResult).toBe('succeeded')
    const status = h.finish(second)
    expect(status.jobResult).toBe('failed')
    expect(status.errors[0]).toEqual({
      code: 'conflict',
      message: `Another configure job (${first}) was still processing the product.`,
      details: [
        { code: 'productLocked', message: 'The product is locked by another job.', details: [] }
      ]
    })
  })
})

describe('configure jobs', () => {
  it('moves notStarted → running → completed/succeeded, and the detail lists durable ids', () => {
    const h = createPiHarness()
    const jobId = h.configure(newSaasProduct('contoso-reports'))
    const status = () => h.call('GET', `/configure/${jobId}/status?${V}`).body
    expect(status()).toMatchObject({ jobStatus: 'notStarted', jobResult: 'pending' })
    expect(h.call('GET', `/configure/${jobId}?${V}`)).toMatchObject({
      status: 400,
      body: {
        error: { code: 'badRequest', message: `The configure job ${jobId} has not completed.` }
      }
    })
    h.advance(10)
    expect(status()).toMatchObject({
      jobStatus: 'running',
      jobResult: 'pending',
      jobEnd: '0001-01-01T00:00:00',
      resourceUri: `https://product-ingestion.mp.microsoft.com/configure/${jobId}`
    })
    h.advance(60)
    expect(status()).toMatchObject({ jobStatus: 'completed', jobResult: 'succeeded', errors: [] })
    expect(status().jobEnd).not.toBe('0001-01-01T00:00:00')

    const detail = h.call('GET', `/configure/${jobId}?${V}`)
    expect(detail.status).toBe(200)
    expect(detail.body.$schema).toBe(`${SCHEMA}/configure-detail/2022-03-01-preview2`)
    const [product, plan, planListing] = detail.body.resources as Wire[]
    expect(product).toMatchObject({
      id: expect.stringMatching(/^product\/[0-9a-f-]{36}$/),
      identity: { externalId: 'contoso-reports' }
    })
    expect(product.resourceName).toBeUndefined()
    const pg = product.id.split('/')[1]
    expect(plan).toMatchObject({
      id: expect.stringMatching(new RegExp(`^plan/${pg}/[0-9a-f-]{36}$`)),
      product: product.id
    })
    expect(planListing).toMatchObject({
      id: `plan-listing/${pg}/public/main/${plan.id.split('/')[2]}/en-us`,
      product: product.id,
      plan: plan.id
    })
  })

  it('fails a job with errors[] naming the resource when it would drop a published VM image version', () => {
    const h = createPiHarness()
    const config = vmTechConfig(h)
    const id = `virtual-machine-plan-technical-configuration/${h.offer('contoso-vm').plans[0].durableId.slice(5)}`
    config.vmImageVersions = [{ ...config.vmImageVersions[0], versionNumber: '2.0.0' }]
    const status = h.finish(h.configure([config]))
    expect(status).toMatchObject({ jobStatus: 'completed', jobResult: 'failed' })
    expect(status.errors).toEqual([
      {
        code: 'badRequest',
        message: 'Invalid resource',
        resourceId: id,
        details: [
          {
            code: 'businessValidationError',
            message:
              'Image version 1.0.0 has been published and cannot be removed: send every existing version in vmImageVersions, and deprecate old ones with lifecycleState instead.',
            resourceId: id,
            details: []
          }
        ]
      }
    ])
    expect(editable(h, id).vmImageVersions.map((v: Wire) => v.versionNumber)).toEqual(['1.0.0'])
  })

  it('adds an image version when the whole list is sent, and deprecates a published one', () => {
    const h = createPiHarness()
    const config = vmTechConfig(h)
    const source = {
      sourceType: 'sasUri',
      osDisk: {
        uri: 'https://contosoimages.blob.core.windows.net/vhds/ubuntu-1.1.0.vhd?sv=2020-10-02&sr=b&sp=rl&sig=c2lnbmF0dXJl'
      },
      dataDisks: []
    }
    config.vmImageVersions[0].lifecycleState = 'deprecated'
    config.vmImageVersions.push({
      versionNumber: '1.1.0',
      vmImages: [{ imageType: 'x64Gen2', source }]
    })
    expect(h.finish(h.configure([config]))).toMatchObject({ jobResult: 'succeeded', errors: [] })
    const stored = editable(
      h,
      `virtual-machine-plan-technical-configuration/${h.offer('contoso-vm').plans[0].durableId.slice(5)}`
    )
    expect(stored.vmImageVersions.map((v: Wire) => [v.versionNumber, v.lifecycleState])).toEqual([
      ['1.0.0', 'deprecated'],
      ['1.1.0', undefined]
    ])
  })

  it('reports a reference that does not resolve as resourceNotFound, and applies the rest', () => {
    const h = createPiHarness()
    const [product, plan] = newSaasProduct('contoso-reports')
    const orphan = {
      ...plan,
      resourceName: 'orphan',
      product: { resourceName: 'missing' },
      identity: { externalId: 'orphan' }
    }
    const jobId = h.configure([product, orphan])
    const status = h.finish(jobId)
    expect(status.jobResult).toBe('failed')
    expect(status.errors).toEqual([
      {
        code: 'badRequest',
        message: 'The product {"resourceName":"missing"} was not found.',
        resourceId: { resourceName: 'orphan' },
        details: [
          {
            code: 'resourceNotFound',
            message: 'The product {"resourceName":"missing"} was not found.',
            resourceId: { resourceName: 'orphan' },
            details: []
          }
        ]
      }
    ])
    // The docs: the detail of a failed job lists the resources processed successfully.
    const detail = h.call('GET', `/configure/${jobId}?${V}`)
    expect(detail.body.resources.map((r: Wire) => r.identity.externalId)).toEqual([
      'contoso-reports'
    ])
    h.config.failedJobDetail = 'not-found'
    expect(h.call('GET', `/configure/${jobId}?${V}`).status).toBe(404)
  })

  it('refuses a listing whose kind does not match the product type', () => {
    const h = createPiHarness()
    const saas = h.offer('contoso-saas')
    const listing = {
      $schema: `${SCHEMA}/listing/2022-03-01-preview5`,
      product: saas.durableId,
      kind: 'azureContainer',
      languageId: 'en-us',
      title: 'Contoso Insights'
    }
    const status = h.finish(h.configure([listing]))
    expect(status.errors[0].details[0]).toMatchObject({
      code: 'businessValidationError',
      message:
        'The kind "azureContainer" does not match the product type softwareAsAService: use azureSaaS.'
    })
  })

  it('fails the next job on purpose with the job-failed fault, applying nothing', () => {
    const h = createPiHarness()
    h.faults.configure('job-failed x1')
    const status = h.finish(h.configure(newSaasProduct('contoso-reports')))
    expect(status.jobResult).toBe('failed')
    expect(status.errors[0]).toMatchObject({
      code: 'badRequest',
      resourceId: { resourceName: 'newProduct' },
      details: [
        {
          code: 'businessValidationError',
          message: 'The emulator failed this job on purpose (fault job-failed).'
        }
      ]
    })
    expect(h.call('GET', `/product?externalId=contoso-reports&${V}`).body.value).toEqual([])
    expect(h.finish(h.configure(newSaasProduct('contoso-reports'))).jobResult).toBe('succeeded')
  })

  it('cancels a job that has not been processed, and refuses once it has completed', () => {
    const h = createPiHarness()
    const jobId = h.configure(newSaasProduct('contoso-reports'))
    const cancelled = h.call('POST', `/configure/${jobId}/cancel?${V}`)
    expect(cancelled.status).toBe(200)
    expect(cancelled.body).toMatchObject({
      jobId,
      jobStatus: 'completed',
      jobResult: 'cancelled',
      errors: []
    })
    h.advance(3600)
    expect(h.call('GET', `/product?externalId=contoso-reports&${V}`).body.value).toEqual([])
    expect(h.call('GET', `/configure/${jobId}?${V}`).body.resources).toEqual([])

    const done = h.configure(newSaasProduct('contoso-reports'))
    h.finish(done)
    expect(h.call('POST', `/configure/${done}/cancel?${V}`)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'badRequest',
          message: 'Cannot cancel job, job has already completed.',
          details: []
        }
      },
      problems: ['Cannot cancel job, job has already completed.']
    })
  })

  it('answers 404 for an unknown job, and 405 for a wrong method', () => {
    const h = createPiHarness()
    expect(
      h.call('GET', `/configure/0f6c2a4e-8c1d-4d3b-9a6e-2b7c8d9e0f1a/status?${V}`).body.error.code
    ).toBe('notFound')
    expect(h.call('GET', `/configure?${V}`).status).toBe(405)
  })
})
