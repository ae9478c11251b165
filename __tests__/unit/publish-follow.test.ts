/**
 * Follow mode over the v1 driver and the in-memory Ingestion API: where the newest submission
 * stands, the promote when it is due and target is live (and only then), waiting when asked,
 * failures with their validation items, and nothing to follow when a finished submission is
 * already recorded. Nothing but a promote is ever written.
 */
import { describe, expect, it } from '@jest/globals'
import type { Submission } from '../../src/ingestion/types.js'
import type { OfferTracker } from '../../src/publish/context.js'
import { followAll, followOffer } from '../../src/publish/follow.js'
import { ingestionFollow, stageOf } from '../../src/publish/follow-ingestion.js'
import type { OfferResult } from '../../src/publish/result.js'
import type { Settings } from '../../src/settings.js'
import { FakeIngestion } from './publish-fake-api.js'
import { azureOffer, offerRun } from './publish-fixtures.js'

const FOLLOW: Partial<Settings> = { mode: 'follow', target: 'live', wait: false }

/** An offer whose submissions are in these states, oldest first (release numbers 1, 2…). */
function offerWith(states: Array<[string, string]>, options = {}) {
  const api = new FakeIngestion(options)
  const product = api.addProduct('contoso-analytics', 'AzureApplication')
  api.submissions.set(
    product.id,
    states.map(([state, substate], i) => submission(`sub-${i + 1}`, state, substate, i + 1))
  )
  return { api, product }
}

function submission(
  id: string,
  state: string,
  substate: string,
  releaseNumber: number
): Submission {
  return { resourceType: 'Submission', id, state, substate, releaseNumber }
}

async function follow(
  api: FakeIngestion,
  settings: Partial<Settings> = {},
  reportFinished = true
): Promise<OfferResult> {
  const { run } = offerRun(api, azureOffer(), { ...FOLLOW, ...settings })
  return followOffer(run, ingestionFollow, reportFinished)
}

describe('follow', () => {
  it('reports a submission in certification and writes nothing', async () => {
    const { api } = offerWith([['InProgress', 'Submitted']])
    const result = await follow(api)
    expect(result).toMatchObject({ status: 'submitted', submissionId: 'sub-1', releaseNumber: 1 })
    expect(result.timeline.map(t => t.state)).toEqual(['InProgress/Submitted'])
    expect(api.writes).toEqual([])
  })

  it('promotes a ready preview when target is live, without waiting', async () => {
    const { api } = offerWith([['Published', 'ReadyToPublish']])
    const result = await follow(api)
    expect(result.status).toBe('preview')
    expect(result.changes).toEqual([{ action: 'promote', subject: 'submission sub-1 to live' }])
    expect(api.writes).toEqual(['POST promote sub-1'])
  })

  it('with wait, waits for the preview, promotes it and waits until it is live', async () => {
    const { api } = offerWith([['InProgress', 'Submitted']])
    const result = await follow(api, { wait: true })
    expect(result.status).toBe('live')
    expect(api.writes).toEqual(['POST promote sub-1'])
    expect(result.timeline.map(t => t.state)).toEqual([
      'InProgress/Submitted',
      'Published/ReadyToPublish',
      'Published/InStore'
    ])
  })

  it('leaves a ready preview as it is when target is preview', async () => {
    const { api } = offerWith([['Published', 'ReadyToPublish']])
    expect((await follow(api, { target: 'preview' })).status).toBe('preview')
    expect(api.writes).toEqual([])
  })

  it('in a dry run says it would promote and writes nothing', async () => {
    const { api } = offerWith([['Published', 'ReadyToPublish']])
    const result = await follow(api, { dryRun: true, wait: true })
    expect(result.changes).toEqual([{ action: 'promote', subject: 'submission sub-1 to live' }])
    expect(api.writes).toEqual([])
  })

  it('follows the newest submission by release number', async () => {
    const { api } = offerWith([
      ['Published', 'InStore'],
      ['InProgress', 'Submitted']
    ])
    expect(await follow(api)).toMatchObject({ submissionId: 'sub-2', status: 'submitted' })
  })

  it('fails a failed certification with its validation items', async () => {
    const validations = [
      { resource: 'Package', severity: 'Error', message: 'mainTemplate.json is not valid' }
    ]
    const { api } = offerWith([['InProgress', 'FailedInCertification']], { validations })
    const result = await follow(api)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toContain('SUBMISSION_FAILED')
    expect(result.errors.map(e => e.message)).toContain('mainTemplate.json is not valid')
    expect(api.writes).toEqual([])
  })

  it.each([
    ['is live', ['Published', 'InStore'], 'live'],
    ['failed', ['InProgress', 'FailedInCertification'], 'draft']
  ] as const)(
    'has nothing to follow when the latest submission %s and that is recorded',
    async (outcome, state, status) => {
      const { api } = offerWith([[...state]])
      const result = await follow(api, {}, false)
      expect(result).toMatchObject({ status, errors: [] })
      expect(result.nothingToFollow).toBe(
        `its latest submission sub-1 ${outcome} and no open deployment awaits it`
      )
      expect(api.writes).toEqual([])
    }
  )

  it('has nothing to follow for an offer without submissions, or not in Partner Center', async () => {
    const { api } = offerWith([])
    expect(await follow(api)).toMatchObject({
      status: 'draft',
      nothingToFollow: 'it has no submission'
    })
    expect(await follow(new FakeIngestion())).toMatchObject({
      status: 'draft',
      nothingToFollow: 'it has no submission'
    })
  })

  it('refuses a product of another type than the manifest says', async () => {
    const api = new FakeIngestion()
    api.addProduct('contoso-analytics', 'AzureDynamics365BusinessCentral')
    const result = await follow(api)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toEqual(['UNSUPPORTED_OFFER'])
  })
})

describe('followAll', () => {
  it('asks the tracker whether a finished submission is still to report, and tells it the result', async () => {
    const { api } = offerWith([['Published', 'InStore']])
    const told: string[] = []
    const tracker = (open: boolean | undefined): OfferTracker => ({
      started: async () => {
        throw new Error('a follow never starts a deployment')
      },
      resumed: async offerId => (told.push(`resumed ${offerId}`), open),
      finished: async result => {
        told.push(`finished ${result.offerId} ${result.status} ${result.nothingToFollow ?? ''}`)
      }
    })
    for (const open of [true, undefined, false]) {
      const { run } = offerRun(api, azureOffer(), FOLLOW)
      await followAll({ ...run.deps, tracker: tracker(open) }, [azureOffer()])
    }
    expect(told).toEqual([
      'resumed contoso-analytics',
      'finished contoso-analytics live ',
      'resumed contoso-analytics',
      'finished contoso-analytics live ',
      'resumed contoso-analytics',
      'finished contoso-analytics live its latest submission sub-1 is live and no open deployment awaits it'
    ])
  })
})

describe('stageOf', () => {
  it.each([
    ['InProgress', 'InDraft', 'pending'],
    ['InProgress', 'Submitted', 'pending'],
    ['InProgress', 'Failed', 'failed'],
    ['InProgress', 'FailedInCertification', 'failed'],
    ['Published', 'ReadyToPublish', 'preview'],
    ['Published', 'Publishing', 'publishing'],
    ['Published', 'InStore', 'live'],
    ['Published', 'Published', 'live']
  ])('%s/%s is %s', (state, substate, stage) => {
    expect(stageOf(submission('s', state, substate, 1))).toBe(stage)
  })
})
