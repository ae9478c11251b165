/**
 * Follow mode over the v1 driver, against the in-process emulator (publish-emulator.ts) through
 * the real client and transport: where the newest submission stands, the promote when it is due
 * and target is live (and only then), waiting when asked, failures with their validation items
 * and reports, and nothing to follow when a finished submission is already recorded. Nothing but
 * a promote is ever written (the emulator's request log).
 *
 * The submissions are made the way a workflow leaves them: a publish through the real code (with
 * `wait: false` for one in flight), then the fake clock moved on so the emulator's lifecycle
 * carries it further; failures are the emulator's behaviour faults (emulator/FAULTS.md).
 */
import { describe, expect, it } from '@jest/globals'
import type { Submission } from '../../src/ingestion/types.js'
import type { OfferSpec } from '../../src/manifest/model.js'
import type { OfferTracker } from '../../src/publish/context.js'
import { followAll, followOffer } from '../../src/publish/follow.js'
import { ingestionFollow, stageOf } from '../../src/publish/follow-ingestion.js'
import { publishOffer } from '../../src/publish/offer.js'
import type { OfferResult } from '../../src/publish/result.js'
import type { Settings } from '../../src/settings.js'
import { useEmulator, type TestService } from './publish-emulator.js'
import { azureOffer, offerRun } from './publish-fixtures.js'

const emulator = useEmulator()

const FOLLOW: Partial<Settings> = { mode: 'follow', target: 'live', wait: false }
const PROMOTE = 'POST /products/{productID}/submissions/{submissionID}/promote'
/** Validation (300 s) and certification (3600 s) at the emulator's speed 60, and a little more. */
const CERTIFIED_AFTER_MS = 70_000

/**
 * A publish through the real sequence, as the workflow before the follow made it (to preview
 * without waiting, unless told otherwise), then the service's time moved on by `laterMs`. The
 * request log starts empty after it, so `writes()` shows only the follow's.
 */
async function published(
  service: TestService,
  o: { settings?: Partial<Settings>; laterMs?: number; offer?: OfferSpec } = {}
): Promise<string> {
  const { run } = offerRun(service, o.offer ?? azureOffer(), { wait: false, ...o.settings })
  const result = await publishOffer(run)
  expect(result.errors).toEqual([])
  await service.clock.sleep(o.laterMs ?? 0)
  await service.clearLog()
  return result.submissionId!
}

/** A submission certified for preview, waiting for a promote. */
const readyPreview = (service: TestService) => published(service, { laterMs: CERTIFIED_AFTER_MS })
/** A submission published to live. */
const live = (service: TestService) =>
  published(service, { settings: { target: 'live', wait: true } })

async function follow(
  service: TestService,
  settings: Partial<Settings> = {},
  reportFinished = true
): Promise<OfferResult> {
  const { run } = offerRun(service, azureOffer(), { ...FOLLOW, ...settings })
  return followOffer(run, ingestionFollow, reportFinished)
}

describe('follow', () => {
  it('reports a submission in certification and writes nothing', async () => {
    const service = await emulator.fresh()
    const id = await published(service)
    const result = await follow(service)
    expect(result).toMatchObject({ status: 'submitted', submissionId: id, releaseNumber: 1 })
    expect(result.timeline.map(t => t.state)).toEqual(['InProgress/Submitted'])
    expect(await service.writes()).toEqual([])
  })

  it('promotes a ready preview when target is live, without waiting', async () => {
    const service = await emulator.fresh()
    const id = await readyPreview(service)
    const result = await follow(service)
    expect(result.status).toBe('preview')
    expect(result.changes).toEqual([{ action: 'promote', subject: `submission ${id} to live` }])
    expect(await service.writes()).toEqual([PROMOTE])
    const [submission] = await service.api.listSubmissions(service.productId('contoso-analytics'))
    expect(submission).toMatchObject({ id, state: 'Published', substate: 'Publishing' })
  })

  it('promotes once when the promote took effect but its reply was lost (the write rule)', async () => {
    const service = await emulator.fresh()
    const id = await readyPreview(service)
    await service.faults('POST /products/*/submissions/*/promote -> 503-after x1')
    const { run, lines } = offerRun(service, azureOffer(), FOLLOW)
    const result = await followOffer(run, ingestionFollow, true)
    expect(result).toMatchObject({ status: 'preview', errors: [] })
    expect(await service.writes()).toEqual([PROMOTE])
    expect(lines).toContainEqual(
      `the request to promote submission ${id} to live failed (HTTP 503) but had taken effect: Published/Publishing`
    )
  })

  it('with wait, waits for the preview, promotes it and waits until it is live', async () => {
    const service = await emulator.fresh()
    await published(service)
    const result = await follow(service, { wait: true })
    expect(result.status).toBe('live')
    expect(await service.writes()).toEqual([PROMOTE])
    expect(result.timeline.map(t => t.state)).toEqual([
      'InProgress/Submitted',
      'Published/ReadyToPublish',
      'Published/Publishing',
      'Published/InStore'
    ])
  })

  it('leaves a ready preview as it is when target is preview', async () => {
    const service = await emulator.fresh()
    await readyPreview(service)
    expect((await follow(service, { target: 'preview' })).status).toBe('preview')
    expect(await service.writes()).toEqual([])
  })

  it('in a dry run says it would promote and writes nothing', async () => {
    const service = await emulator.fresh()
    const id = await readyPreview(service)
    const result = await follow(service, { dryRun: true, wait: true })
    expect(result.changes).toEqual([{ action: 'promote', subject: `submission ${id} to live` }])
    expect(await service.writes()).toEqual([])
  })

  it('follows the newest submission by release number', async () => {
    const service = await emulator.fresh()
    const first = await live(service)
    // A changed listing, so the second publish has something to submit.
    const changed = azureOffer({
      listing: { ...azureOffer().listing!, summary: 'Analytics for every team' }
    })
    const second = await published(service, { offer: changed })
    expect(second).not.toBe(first)
    expect(await follow(service)).toMatchObject({
      submissionId: second,
      releaseNumber: 2,
      status: 'submitted'
    })
  })

  it.each([
    [
      'validation',
      'validation-failed',
      'Submission-20001: Validation failed (forced by the emulator fault validation-failed).'
    ],
    ['certification', 'cert-failed', expect.stringMatching(/^Certification failed\. Report: /)]
  ])('fails a failed %s with its validation items and reports', async (_, fault, detail) => {
    const service = await emulator.fresh()
    await service.faults(`${fault} x1`)
    await published(service, { laterMs: CERTIFIED_AFTER_MS })
    const result = await follow(service)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toContain('SUBMISSION_FAILED')
    expect(result.errors.map(e => e.message)).toContainEqual(detail)
    expect(await service.writes()).toEqual([])
  })

  it.each([
    ['is live', live, 'live'],
    [
      'failed',
      async (service: TestService) => {
        await service.faults('cert-failed x1')
        return published(service, { laterMs: CERTIFIED_AFTER_MS })
      },
      'draft'
    ]
  ] as const)(
    'has nothing to follow when the latest submission %s and that is recorded',
    async (outcome, make, status) => {
      const service = await emulator.fresh()
      const id = await make(service)
      const result = await follow(service, {}, false)
      expect(result).toMatchObject({ status, errors: [] })
      expect(result.nothingToFollow).toBe(
        `its latest submission ${id} ${outcome} and no open deployment awaits it`
      )
      expect(await service.writes()).toEqual([])
    }
  )

  it('has nothing to follow for an offer without submissions, or not in Partner Center', async () => {
    const seeded = await emulator.fresh()
    expect(await follow(seeded)).toMatchObject({
      status: 'draft',
      nothingToFollow: 'it has no submission'
    })
    expect(await follow(await emulator.fresh({ offers: [] }))).toMatchObject({
      status: 'draft',
      nothingToFollow: 'it has no submission'
    })
  })

  it('refuses a product of another type than the manifest says', async () => {
    const service = await emulator.fresh({
      offers: [
        {
          offerId: 'contoso-analytics',
          type: 'AzureDynamics365BusinessCentral',
          name: 'Contoso Analytics',
          plans: []
        }
      ]
    })
    const result = await follow(service)
    expect(result.status).toBe('failed')
    expect(result.errors.map(e => e.code)).toEqual(['UNSUPPORTED_OFFER'])
  })
})

describe('followAll', () => {
  it('asks the tracker whether a finished submission is still to report, and tells it the result', async () => {
    const service = await emulator.fresh()
    const id = await live(service)
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
      const { run } = offerRun(service, azureOffer(), FOLLOW)
      await followAll({ ...run.deps, tracker: tracker(open) }, [azureOffer()])
    }
    expect(told).toEqual([
      'resumed contoso-analytics',
      'finished contoso-analytics live ',
      'resumed contoso-analytics',
      'finished contoso-analytics live ',
      'resumed contoso-analytics',
      `finished contoso-analytics live its latest submission ${id} is live and no open deployment awaits it`
    ])
    expect(await service.writes()).toEqual([])
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
    const submission: Submission = { resourceType: 'Submission', id: 's', state, substate }
    expect(stageOf(submission)).toBe(stage)
  })
})
