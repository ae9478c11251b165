/**
 * Whatever the service sends, the client answers with a typed value or a PublishError: never a
 * TypeError, never an unhandled rejection of another kind.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import fc from 'fast-check'
import { isPublishError } from '../../src/errors.js'
import type { IngestionApi } from '../../src/ingestion/api.js'
import { startClient, type ClientSetup } from './client-test-kit.js'
import { reply } from './http-test-kit.js'

interface Scripted {
  status: number
  body: string
  headers?: Record<string, string>
}

let script: Scripted[] = []
let setup: ClientSetup

beforeAll(async () => {
  setup = await startClient((_q, res) => {
    const next = script.shift() ?? { status: 200, body: '{"value":[]}' }
    reply(res, next.status, next.body, next.headers)
  })
})
afterAll(async () => {
  await setup.server.close()
})

async function outcome(
  call: (api: IngestionApi) => Promise<unknown>,
  replies: Scripted[]
): Promise<unknown> {
  script = [...replies]
  try {
    return { value: await call(setup.api) }
  } catch (error) {
    return error
  } finally {
    script = []
  }
}

const CALLS: Array<(api: IngestionApi) => Promise<unknown>> = [
  api => api.findProductByOfferId('contoso-analytics'),
  api => api.getProduct('p1'),
  api => api.listVariants('p1'),
  api => api.getBranches('p1', 'Listing'),
  api => api.getPackage('p1', 'pk1'),
  api => api.getSubmission('p1', 's1'),
  api => api.listSubmissions('p1'),
  api =>
    api.createSubmission('p1', {
      resourceType: 'SubmissionCreationRequest',
      targets: [],
      resources: []
    }),
  api => api.putListing('p1', { resourceType: 'AzureListing', id: 'l1' }),
  api => api.deleteImage('p1', 'l1', 'i1'),
  api => api.getWorkflowDetails('p1', 's1')
]

describe('malformed replies', () => {
  it.each([
    ['a body that is not JSON', '<html>gateway</html>', /not JSON/],
    ['an empty body', '', /empty body/],
    [
      'a product without an id',
      '{"resourceType":"AzureApplication","externalIDs":[]}',
      /'id' is missing/
    ],
    [
      'a product whose externalIDs is a string',
      '{"id":"p1","resourceType":"AzureApplication","externalIDs":"x"}',
      /'externalIDs' is a string/
    ],
    ['an array instead of an object', '[]', /an array where a product was expected/]
  ])(
    'getProduct turns %s into HTTP_BAD_REPLY with the request id',
    async (_what, body, message) => {
      const error = await outcome(
        api => api.getProduct('p1'),
        [{ status: 200, body, headers: { 'request-id': 'rid-7' } }]
      )
      expect(isPublishError(error) && error.code).toBe('HTTP_BAD_REPLY')
      expect(isPublishError(error) && error.message).toMatch(message)
      expect(isPublishError(error) && error.details).toMatchObject({
        method: 'GET',
        path: '/v1.0/ingestion/products/p1',
        requestId: 'rid-7'
      })
    }
  )

  it.each([
    ['missing value', '{"items":[]}', /'value' is missing/],
    ['value that is an object', '{"value":{}}', /'value' is an object/],
    ['an item of the wrong shape', '{"value":[{"id":"v1"}]}', /'externalID' is missing/],
    [
      'a branch without its draft instance',
      '{"value":[{"resourceType":"Branch","module":"Listing"}]}',
      /currentDraftInstanceID/
    ]
  ])('lists turn %s into HTTP_BAD_REPLY', async (_what, body, message) => {
    const call = body.includes('Branch')
      ? (api: IngestionApi) => api.getBranches('p1', 'Listing')
      : (api: IngestionApi) => api.listVariants('p1')
    const error = await outcome(call, [{ status: 200, body }])
    expect(isPublishError(error) && error.code).toBe('HTTP_BAD_REPLY')
    expect(isPublishError(error) && error.message).toMatch(message)
  })

  it('accepts unknown submission states as they are', async () => {
    const body = JSON.stringify({
      resourceType: 'Submission',
      id: 's1',
      state: 'Archived',
      substate: 'RolledBack'
    })
    expect(await outcome(api => api.getSubmission('p1', 's1'), [{ status: 200, body }])).toEqual({
      value: { resourceType: 'Submission', id: 's1', state: 'Archived', substate: 'RolledBack' }
    })
  })

  it('accepts an empty page', async () => {
    expect(
      await outcome(api => api.listSubmissions('p1'), [{ status: 200, body: '{"value":[]}' }])
    ).toEqual({ value: [] })
  })
})

describe('any reply', () => {
  /** Satisfies every shape, so that mutations of it reach past the first check. */
  const VALID_ITEM = {
    resourceType: 'AzureApplication',
    id: 'x1',
    externalIDs: [{ type: 'AzureOfferId', value: 'contoso-analytics' }],
    externalID: 'plan',
    state: 'Processed',
    substate: 'InDraft',
    currentDraftInstanceID: 'd1'
  }
  const junk = fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.object(),
    fc.array(
      fc.oneof(
        fc.constant(null),
        fc.string(),
        fc.integer(),
        fc.record({ type: fc.oneof(fc.string(), fc.integer()), value: fc.anything() })
      )
    )
  )
  const item = fc
    .dictionary(
      fc.constantFrom(...Object.keys(VALID_ITEM), 'variantID', 'pendingUpdateInfo', 'nextLink'),
      junk,
      { maxKeys: 3 }
    )
    .map(overrides => ({ ...VALID_ITEM, ...overrides }))
  const link = fc.oneof(
    fc.constant(undefined),
    fc.string(),
    fc.integer(),
    fc.constantFrom(
      'v1.0/ingestion/products?$skipToken=a',
      '/x',
      'http://other.example/v1.0/ingestion/x',
      'http://[bad',
      '//evil.example/x'
    )
  )
  const jsonish = fc.oneof(
    fc.string(),
    fc.json(),
    fc.constantFrom(
      '',
      'null',
      '[]',
      '{}',
      '{"value":null}',
      '{"value":[null]}',
      '"ICH50400 - {"',
      '<Error><Code>X</Code></Error>'
    ),
    item.map(i => JSON.stringify(i)),
    fc
      .record({ value: fc.array(item, { maxLength: 30 }), nextLink: link })
      .map(page => JSON.stringify(page))
  )
  const scripted = fc.record({
    status: fc.constantFrom(200, 201, 202, 204, 400, 401, 403, 404, 409, 412, 500),
    body: jsonish,
    headers: fc.option(
      fc.constantFrom(
        { location: '/v1.0/ingestion/products/p1/submissions/s1' },
        { location: 'http://[bad' }
      ),
      {
        nil: undefined
      }
    )
  })

  it('findProductByOfferId copes with any externalIDs entries', async () => {
    const entry = fc.oneof(
      junk,
      fc.record({
        type: fc.constantFrom('AzureOfferId', 'azureofferid', 'StoreID'),
        value: fc.constantFrom('contoso-analytics', 'other')
      })
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(entry, { maxLength: 4 }), { maxLength: 5 }),
        async lists => {
          const body = JSON.stringify({
            value: lists.map((externalIDs, n) => ({ ...VALID_ITEM, id: `p${n}`, externalIDs }))
          })
          const result = await outcome(
            api => api.findProductByOfferId('contoso-analytics'),
            [{ status: 200, body }]
          )
          if (result instanceof Error && !isPublishError(result)) throw result
          return true
        }
      ),
      { numRuns: 200 }
    )
  })

  it('gives a value or a PublishError, never another exception', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CALLS),
        fc.array(scripted, { minLength: 1, maxLength: 4 }),
        async (call, replies) => {
          const result = await outcome(
            call,
            replies.map(r => ({ ...r, headers: r.headers ?? {} }))
          )
          if (result instanceof Error && !isPublishError(result)) throw result
          return true
        }
      ),
      { numRuns: 300 }
    )
  })
})
