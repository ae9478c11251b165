import { afterEach, describe, expect, it } from '@jest/globals'
import { isPublishError } from '../../src/errors.js'
import type { IngestionApi, Phase } from '../../src/ingestion/api.js'
import type { Listing, Package, Variant } from '../../src/ingestion/types.js'
import { startClient, type ClientSetup } from './client-test-kit.js'
import { reply, type Handler } from './http-test-kit.js'

let setup: ClientSetup | undefined
afterEach(async () => {
  await setup?.server.close()
  setup = undefined
})

async function start(handler: Handler): Promise<ClientSetup> {
  setup = await startClient(handler)
  return setup
}

/** Satisfies every resource shape the client checks. */
const ANY_RESOURCE = {
  resourceType: 'Anything',
  id: 'x1',
  externalIDs: [],
  externalID: 'plan',
  state: 'Processed',
  substate: 'InDraft',
  currentDraftInstanceID: 'd1'
}

/** Answers the first request with `status` and `body`, every later one with `thenStatus`. */
function failingOnce(status: number, body: string, thenStatus: number): Handler {
  let n = 0
  return (_q, res) => (++n === 1 ? reply(res, status, body) : reply(res, thenStatus, ANY_RESOURCE))
}

const listing: Listing = {
  resourceType: 'AzureListing',
  id: 'l1',
  languageCode: 'en-us',
  '@odata.etag': '"etag-1"'
}
const pkg: Package = {
  resourceType: 'AzureApplicationPackage',
  id: 'pk1',
  fileName: 'app.zip',
  state: 'Uploaded'
}

type Row = [
  name: string,
  call: (api: IngestionApi) => Promise<unknown>,
  method: string,
  path: string,
  phase: Phase,
  list?: 'list'
]

const ROWS: Row[] = [
  ['getProduct', a => a.getProduct('p 1'), 'GET', '/products/p%201', 'lookup'],
  [
    'createProduct',
    a => a.createProduct({ resourceType: 'AzureApplication', name: 'n', externalIDs: [] }),
    'POST',
    '/products',
    'write'
  ],
  ['getProductSetup', a => a.getProductSetup('p1'), 'GET', '/products/p1/setup', 'lookup'],
  ['listVariants', a => a.listVariants('p1'), 'GET', '/products/p1/variants', 'lookup', 'list'],
  [
    'createVariant',
    a =>
      a.createVariant('p1', {
        resourceType: 'AzureSkuVariant',
        friendlyName: 'f',
        externalID: 'e'
      }),
    'POST',
    '/products/p1/variants',
    'write'
  ],
  [
    'getBranches',
    a => a.getBranches('p1', 'Package'),
    'GET',
    '/products/p1/branches/getByModule(module=Package)',
    'lookup',
    'list'
  ],
  [
    'getListings',
    a => a.getListings('p1', 'i/1'),
    'GET',
    '/products/p1/listings/getByInstanceID(instanceID=i%2F1)',
    'lookup',
    'list'
  ],
  ['putListing', a => a.putListing('p1', listing), 'PUT', '/products/p1/listings/l1', 'write'],
  [
    'listImages',
    a => a.listImages('p1', 'l1'),
    'GET',
    '/products/p1/listings/l1/images?$expand=FileSasUri',
    'lookup',
    'list'
  ],
  [
    'createImage',
    a =>
      a.createImage('p1', 'l1', {
        resourceType: 'ListingImage',
        fileName: 'a.png',
        type: 'AzureLogoLarge',
        state: 'PendingUpload'
      }),
    'POST',
    '/products/p1/listings/l1/images',
    'write'
  ],
  [
    'getImage',
    a => a.getImage('p1', 'l1', 'img1'),
    'GET',
    '/products/p1/listings/l1/images/img1',
    'poll'
  ],
  [
    'putImage',
    a =>
      a.putImage('p1', 'l1', {
        resourceType: 'ListingImage',
        id: 'img1',
        fileName: 'a.png',
        type: 'AzureLogoLarge',
        state: 'Uploaded'
      }),
    'PUT',
    '/products/p1/listings/l1/images/img1',
    'write'
  ],
  [
    'deleteImage',
    a => a.deleteImage('p1', 'l1', 'img1'),
    'DELETE',
    '/products/p1/listings/l1/images/img1',
    'write'
  ],
  ['listPackages', a => a.listPackages('p1'), 'GET', '/products/p1/packages', 'lookup', 'list'],
  [
    'createPackage',
    a => a.createPackage('p1', { resourceType: 'AzureApplicationPackage', fileName: 'app.zip' }),
    'POST',
    '/products/p1/packages',
    'write'
  ],
  ['getPackage', a => a.getPackage('p1', 'pk1'), 'GET', '/products/p1/packages/pk1', 'poll'],
  ['putPackage', a => a.putPackage('p1', pkg), 'PUT', '/products/p1/packages/pk1', 'write'],
  [
    'getPackageConfigurations',
    a => a.getPackageConfigurations('p1', 'd1'),
    'GET',
    '/products/p1/packageConfigurations/getByInstanceID(instanceID=d1)',
    'lookup',
    'list'
  ],
  [
    'putPackageConfiguration',
    a =>
      a.putPackageConfiguration('p1', {
        resourceType: 'AzureSolutionTemplatePackageConfiguration',
        id: 'c1'
      }),
    'PUT',
    '/products/p1/packageconfigurations/c1',
    'write'
  ],
  [
    'getProperties',
    a => a.getProperties('p1', 'd1'),
    'GET',
    '/products/p1/properties/getByInstanceID(instanceID=d1)',
    'lookup',
    'list'
  ],
  [
    'putProperty',
    a => a.putProperty('p1', { resourceType: 'AzureProperty', id: 'pr1' }),
    'PUT',
    '/products/p1/properties/pr1',
    'write'
  ],
  [
    'getResellerConfiguration',
    a => a.getResellerConfiguration('p1'),
    'GET',
    '/products/p1/resellerConfiguration',
    'lookup'
  ],
  [
    'setResellerConfiguration',
    a =>
      a.setResellerConfiguration('p1', {
        resourceType: 'ResellerConfiguration',
        resellerChannelState: 'Disabled'
      }),
    'POST',
    '/products/p1/resellerConfiguration',
    'write'
  ],
  [
    'getProductAvailabilities',
    a => a.getProductAvailabilities('p1', 'd1'),
    'GET',
    '/products/p1/productAvailabilities/getByInstanceID(instanceID=d1)',
    'lookup',
    'list'
  ],
  [
    'putProductAvailability',
    a => a.putProductAvailability('p1', { resourceType: 'ProductAvailability', id: 'av1' }),
    'PUT',
    '/products/p1/productavailabilities/av1',
    'write'
  ],
  [
    'getFeatureAvailabilities',
    a => a.getFeatureAvailabilities('p1', 'd1'),
    'GET',
    '/products/p1/featureAvailabilities/getByInstanceID(instanceID=d1)?$expand=MarketStates,PriceSchedules,Trial',
    'lookup',
    'list'
  ],
  [
    'putFeatureAvailability',
    a => a.putFeatureAvailability('p1', { resourceType: 'FeatureAvailability', id: 'fa1' }),
    'PUT',
    '/products/p1/featureavailabilities/fa1?$expand=MarketStates,PriceSchedules,Trial',
    'write'
  ],
  [
    'listSubmissions',
    a => a.listSubmissions('p1'),
    'GET',
    '/products/p1/submissions',
    'lookup',
    'list'
  ],
  ['getSubmission', a => a.getSubmission('p1', 's1'), 'GET', '/products/p1/submissions/s1', 'poll'],
  [
    'createSubmission',
    a =>
      a.createSubmission('p1', {
        resourceType: 'SubmissionCreationRequest',
        targets: [{ type: 'Scope', value: 'preview' }],
        resources: []
      }),
    'POST',
    '/products/p1/submissions',
    'write'
  ],
  [
    'deleteSubmission',
    a => a.deleteSubmission('p1', 's1'),
    'DELETE',
    '/products/p1/submissions/s1',
    'write'
  ],
  [
    'promoteSubmission',
    a => a.promoteSubmission('p1', 's1'),
    'POST',
    '/products/p1/submissions/s1/promote',
    'write'
  ],
  [
    'getValidations',
    a => a.getValidations('p1', 's1'),
    'GET',
    '/products/p1/submissions/s1/validations',
    'poll',
    'list'
  ],
  [
    'getReports',
    a => a.getReports('p1', 's1'),
    'GET',
    '/products/p1/submissions/s1/reports',
    'poll',
    'list'
  ],
  [
    'getWorkflowDetails',
    a => a.getWorkflowDetails('p1', 's1'),
    'GET',
    '/products/p1/submissions/s1/workflowdetails',
    'poll',
    'list'
  ]
]

// Objects, not arrays: jest would take a sixth array element's absence as a `done` callback.
const CASES = ROWS.map(([name, call, method, path, phase, list]) => ({
  name,
  call,
  method,
  path,
  phase,
  list: list === 'list'
}))

describe('every operation', () => {
  it.each(CASES)(
    '$name sends $method $path, counted as $phase',
    async ({ call, method, path, phase, list }) => {
      const s = await start((q, res) => {
        if (q.method === 'DELETE') return reply(res, 204)
        if (q.method === 'POST' && !q.url.endsWith('/promote')) return reply(res, 201, ANY_RESOURCE)
        reply(res, 200, list ? { value: [ANY_RESOURCE] } : ANY_RESOURCE)
      })
      const result = await call(s.api)
      expect(s.server.received).toHaveLength(1)
      const sent = s.server.received[0]!
      expect(sent.method).toBe(method)
      expect(sent.url).toBe(`/v1.0/ingestion${path}`)
      expect(sent.headers.authorization).toBe('Bearer token-1')
      expect(sent.headers.accept).toBe('application/json')
      expect(sent.headers['client-request-id']).toMatch(/^[0-9a-f-]{36}$/)
      expect(s.transport.counts()[phase]).toBe(1)
      if (method === 'DELETE') expect(result).toBeUndefined()
      else expect(result).toEqual(list ? [ANY_RESOURCE] : ANY_RESOURCE)
    }
  )
})

describe('request bodies and headers', () => {
  it('sends UTF-8 JSON with a charset and the etag verbatim in If-Match', async () => {
    const s = await start((q, res) =>
      reply(res, 200, { ...JSON.parse(q.body), '@odata.etag': '"etag-2"' })
    )
    const title = 'Contoso Analytics – Überblick ✓'
    const result = await s.api.putListing('p1', { ...listing, title })
    const sent = s.server.received[0]!
    expect(sent.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(sent.headers['if-match']).toBe('"etag-1"')
    expect(Number(sent.headers['content-length'])).toBe(Buffer.byteLength(sent.body, 'utf8'))
    expect(JSON.parse(sent.body)).toEqual({ ...listing, title })
    expect(result['@odata.etag']).toBe('"etag-2"')
  })

  it('sends If-Match: * when the object has no etag', async () => {
    const s = await start((q, res) => reply(res, 200, JSON.parse(q.body)))
    await s.api.putPackage('p1', pkg)
    expect(s.server.received[0]!.headers['if-match']).toBe('*')
  })

  it('sends no body and no content type on GET', async () => {
    const s = await start((_q, res) => reply(res, 200, ANY_RESOURCE))
    await s.api.getProduct('p1')
    expect(s.server.received[0]!.body).toBe('')
    expect(s.server.received[0]!.headers['content-type']).toBeUndefined()
    expect(s.server.received[0]!.headers['if-match']).toBeUndefined()
  })
})

describe('token refresh', () => {
  it.each([401, 403])('after a %i fetches a new token and tries once more', async status => {
    const s = await start(failingOnce(status, '"expired"', 200))
    await s.api.getSubmission('p1', 's1')
    expect(s.server.received.map(r => r.headers.authorization)).toEqual([
      'Bearer token-1',
      'Bearer token-2'
    ])
    expect(s.tokens.invalidated).toBe(1)
    expect(s.logs.join('\n')).toMatch(/answered \d{3}: fetching a new token/)
  })

  it('gives up after the second 401 with HTTP_STATUS', async () => {
    const s = await start((_q, res) => reply(res, 401, ''))
    const error = await s.api.getProduct('p1').catch((e: unknown) => e)
    expect(isPublishError(error) && error.code).toBe('HTTP_STATUS')
    expect(isPublishError(error) && error.details.status).toBe(401)
    expect(s.server.received).toHaveLength(2)
  })

  it('refreshes even for a create, since a 401 means nothing was created', async () => {
    const s = await start(failingOnce(401, '', 201))
    await s.api.createPackage('p1', {
      resourceType: 'AzureApplicationPackage',
      fileName: 'app.zip'
    })
    expect(s.server.received).toHaveLength(2)
  })
})

describe('creation calls', () => {
  it('are not retried on 503: the caller looks up what the first attempt did', async () => {
    const s = await start((_q, res) => reply(res, 503, ''))
    const error = await s.api
      .createPackage('p1', { resourceType: 'AzureApplicationPackage', fileName: 'app.zip' })
      .catch((e: unknown) => e)
    expect(isPublishError(error) && error.details.status).toBe(503)
    expect(s.server.received).toHaveLength(1)
  })

  it('while reads are retried on 503', async () => {
    const s = await start(failingOnce(503, '', 200))
    await s.api.getPackage('p1', 'pk1')
    expect(s.server.received).toHaveLength(2)
  })

  it('accept 202 with a submission body', async () => {
    const submission = {
      resourceType: 'Submission',
      id: '1152921505697735884',
      state: 'InProgress',
      substate: 'Submitted'
    }
    const s = await start((_q, res) => reply(res, 202, submission))
    const result = await s.api.createSubmission('p1', {
      resourceType: 'SubmissionCreationRequest',
      targets: [],
      resources: []
    })
    expect(result).toEqual(submission)
  })

  it('follow the Location of a 202 without a body', async () => {
    const submission = {
      resourceType: 'Submission',
      id: 's9',
      state: 'InProgress',
      substate: 'Submitted'
    }
    const s = await start((q, res) =>
      q.method === 'POST'
        ? reply(res, 202, undefined, { location: `${setup!.baseUrl}/products/p1/submissions/s9` })
        : reply(res, 200, submission)
    )
    const result = await s.api.createSubmission('p1', {
      resourceType: 'SubmissionCreationRequest',
      targets: [],
      resources: []
    })
    expect(result).toEqual(submission)
    expect(s.server.received[1]!.url).toBe('/v1.0/ingestion/products/p1/submissions/s9')
  })

  it('report a service error with what was being done', async () => {
    const s = await start((_q, res) =>
      reply(res, 409, { code: 'InvalidState', message: 'A submission is already in progress.' })
    )
    const error = await s.api
      .createSubmission('p1', {
        resourceType: 'SubmissionCreationRequest',
        targets: [{ type: 'Scope', value: 'preview' }],
        resources: []
      })
      .catch((e: unknown) => e)
    expect(isPublishError(error) && error.message).toMatch(
      /^Could not create a preview submission for product p1: POST \/v1\.0\/ingestion\/products\/p1\/submissions answered HTTP 409: InvalidState A submission is already in progress\./
    )
    expect(isPublishError(error) && error.details.serviceCode).toBe('InvalidState')
  })
})

describe('plan creation', () => {
  it('returns the created variant', async () => {
    const created: Variant = {
      resourceType: 'AzureSkuVariant',
      id: 'v1',
      friendlyName: 'Standard',
      externalID: 'standard',
      subType: 'solution-template'
    }
    const s = await start((_q, res) => reply(res, 201, created))
    expect(
      await s.api.createVariant('p1', {
        resourceType: 'AzureSkuVariant',
        friendlyName: 'Standard',
        externalID: 'standard'
      })
    ).toEqual(created)
  })
})
