/**
 * Follow mode over the product-ingestion driver, against the emulator's model of the API
 * (pi-test-kit.ts) through the real client and transport: where the latest preview stands, the
 * promote (one configure with only the live submission resource) when it is due and target is
 * live, waiting when asked, certification failures, the write rule on the promote, and nothing to
 * follow. The follow knows only the offer's identity, as `mode: follow` loads it; nothing but the
 * promote is ever written (the model's request log).
 *
 * The submissions are made the way a workflow leaves them: a publish through the real code (with
 * `wait: false` for one in flight), then the test clock moved on so the model's lifecycle carries
 * it further (at the kit's speed 3600 a preview certifies in 1.08 s, goes live in 1 s).
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import type { OfferIdentity } from '../../src/manifest/model.js'
import type { ProductIngestionOfferSpec } from '../../src/manifest/model-product-ingestion.js'
import { schemaUri, WRITE_VERSIONS } from '../../src/product-ingestion/schema.js'
import type { SubmissionEntry } from '../../src/product-ingestion/types.js'
import type { OfferTracker } from '../../src/publish/context.js'
import { followAll, followOffer } from '../../src/publish/follow.js'
import { publishOffer } from '../../src/publish/offer.js'
import { productIngestionFollow, stageOf } from '../../src/publish/product-ingestion/follow.js'
import { entryOf } from '../../src/publish/product-ingestion/state.js'
import type { OfferResult } from '../../src/publish/result.js'
import type { Settings } from '../../src/settings.js'
import { exampleOffer, startPiKit, type PiKit } from './pi-test-kit.js'

const FOLLOW: Partial<Settings> = { mode: 'follow', target: 'live', wait: false }
const SUBMISSION = schemaUri('submission', WRITE_VERSIONS.submission)
/** Certification (3900 s) and going live (3600 s) at the kit's speed 3600, and a little more. */
const CERTIFIED_AFTER_MS = 1_200
const LIVE_AFTER_MS = 1_100

let kit: PiKit
let offer: ProductIngestionOfferSpec
beforeEach(async () => {
  kit = await startPiKit()
  offer = await exampleOffer('contoso-container')
})
afterEach(async () => {
  await kit.close()
})

/** What `mode: follow` knows of an offer: its identity, no content (load.ts loadOfferList). */
function identity(o: OfferIdentity): OfferIdentity {
  return { offerId: o.offerId, type: o.type, name: o.name, source: o.source }
}

/**
 * A publish through the real sequence, as the workflow before the follow made it (to preview
 * without waiting, unless told otherwise), then the model's time moved on by `laterMs`. The
 * request log starts empty after it, so `writes()` shows only the follow's.
 */
async function published(
  o: { settings?: Partial<Settings>; laterMs?: number } = {}
): Promise<OfferResult> {
  const result = await publishOffer(kit.run(offer, { wait: false, ...o.settings }).run)
  expect(result.errors).toEqual([])
  await kit.clock.sleep(o.laterMs ?? 0)
  kit.calls.length = 0
  return result
}

const readyPreview = () => published({ laterMs: CERTIFIED_AFTER_MS })

async function follow(
  settings: Partial<Settings> = {},
  o: { reportFinished?: boolean; of?: OfferIdentity } = {}
): Promise<{ result: OfferResult; lines: string[] }> {
  const { run, lines } = kit.run(identity(o.of ?? offer), { ...FOLLOW, ...settings })
  const result = await followOffer(run, productIngestionFollow, o.reportFinished ?? true)
  return { result, lines }
}

/** The requests that are not reads. */
function writes(): string[] {
  return kit.calls.filter(c => c.method !== 'GET').map(c => `${c.method} ${c.path}`)
}

async function submissions(productId: string): Promise<SubmissionEntry[]> {
  return kit.api.listSubmissions(`product/${productId}`)
}

describe('follow (product ingestion)', () => {
  it('reports a preview in certification and writes nothing', async () => {
    const { submissionId, productId } = await published()
    const { result } = await follow()
    expect(result).toMatchObject({
      status: 'submitted',
      submissionId,
      productId,
      partnerCenterUrl: `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${productId}/overview`,
      errors: []
    })
    expect(result.timeline.map(t => t.state)).toEqual(['preview: running/pending'])
    expect(writes()).toEqual([])
  })

  it('promotes a ready preview when target is live with one configure of the live submission alone, then reports it going live and live', async () => {
    const { submissionId, productId } = await readyPreview()
    const { result } = await follow()
    expect(result).toMatchObject({ status: 'preview', submissionId, errors: [] })
    expect(result.changes).toEqual([{ action: 'promote', subject: `${submissionId} to live` }])
    expect(writes()).toEqual(['POST /configure'])
    expect(kit.configures()[0].resources).toEqual([
      {
        $schema: SUBMISSION,
        id: submissionId,
        product: `product/${productId}`,
        target: { targetType: 'live' }
      }
    ])
    // Without waiting, the promote returns once the live submission exists (the seed's earlier
    // live submission is not it), so the next run finds it going live instead of promoting again.
    expect(entryOf(await submissions(productId!), 'live')).toMatchObject({
      id: submissionId,
      status: 'running'
    })
    kit.calls.length = 0
    expect((await follow()).result).toMatchObject({ status: 'preview', submissionId })
    await kit.clock.sleep(LIVE_AFTER_MS)
    const { result: live } = await follow()
    expect(live).toMatchObject({ status: 'live', submissionId, changes: [] })
    expect(live.timeline.map(t => t.state)).toEqual(['live: completed/succeeded'])
    expect(writes()).toEqual([])
  })

  it('with wait, waits for the preview, promotes it and waits until it is live', async () => {
    const { submissionId } = await published()
    const { result } = await follow({ wait: true })
    expect(result).toMatchObject({ status: 'live', submissionId, errors: [] })
    expect(writes()).toEqual(['POST /configure'])
    // The submission, then the promote's job, then the submission going live.
    expect(result.timeline.map(t => t.state)).toEqual([
      'preview: running/pending',
      'preview: completed/succeeded',
      'live: notStarted/pending',
      'live: running/pending',
      'live: completed/succeeded'
    ])
  })

  it('leaves a ready preview as it is when target is preview', async () => {
    await readyPreview()
    expect((await follow({ target: 'preview' })).result.status).toBe('preview')
    expect(writes()).toEqual([])
  })

  it('in a dry run says it would promote and writes nothing', async () => {
    const { submissionId } = await readyPreview()
    const { result } = await follow({ dryRun: true })
    expect(result.changes).toEqual([{ action: 'promote', subject: `${submissionId} to live` }])
    expect(writes()).toEqual([])
  })

  it('a failed certification fails the offer with SUBMISSION_FAILED, and writes nothing', async () => {
    await kit.close()
    kit = await startPiKit('cert-failed')
    const { submissionId } = await published({ laterMs: CERTIFIED_AFTER_MS })
    const { result } = await follow()
    expect(result.status).toBe('failed')
    expect(result.errors).toEqual([expect.objectContaining({ code: 'SUBMISSION_FAILED' })])
    expect(result.errors[0].message).toContain(
      `Submission ${submissionId} of offer "contoso-container" failed (preview: completed/failed).`
    )
    expect(writes()).toEqual([])
  })

  it('a live submission is reported once: with no open deployment there is nothing to follow', async () => {
    const { submissionId } = await published({ settings: { target: 'live', wait: true } })
    const { result: reported } = await follow()
    expect(reported).toMatchObject({ status: 'live', submissionId })
    const { result, lines } = await follow({}, { reportFinished: false })
    expect(result.status).toBe('live')
    expect(result.nothingToFollow).toBe(
      `its latest ${submissionId} is live and no open deployment awaits it`
    )
    expect(lines).toContain(`nothing to follow: ${result.nothingToFollow}`)
    expect(writes()).toEqual([])
  })

  it('promotes once when the promote took effect but its reply was lost (the write rule)', async () => {
    await readyPreview()
    const jobs = kit.model.snapshot().jobs.length
    kit.loseFirstReply('/configure')
    const { result, lines } = await follow()
    expect(result).toMatchObject({ status: 'preview', errors: [] })
    expect(kit.configures()).toHaveLength(1)
    expect(kit.model.snapshot().jobs).toHaveLength(jobs + 1)
    expect(lines.some(l => /failed in transit .*reading the offer back/.test(l))).toBe(true)
    expect(lines.some(l => /had taken effect/.test(l))).toBe(true)
  })

  it('an offer of another type in Partner Center is UNSUPPORTED_OFFER, and nothing is written', async () => {
    await readyPreview()
    const { result } = await follow({}, { of: { ...identity(offer), type: 'saas' } })
    expect(result.errors[0]).toMatchObject({ code: 'UNSUPPORTED_OFFER' })
    expect(writes()).toEqual([])
  })

  it('an offer that does not exist has nothing to follow', async () => {
    const { result } = await follow({}, { of: { ...identity(offer), offerId: 'contoso-missing' } })
    expect(result).toMatchObject({ status: 'draft', nothingToFollow: 'it has no submission' })
  })

  it('followAll picks this driver for the product-ingestion types and tells the tracker', async () => {
    await readyPreview()
    const told: string[] = []
    const tracker: OfferTracker = {
      started: async () => undefined,
      resumed: async offerId => (told.push(`resumed ${offerId}`), true),
      finished: async result => void told.push(`finished ${result.offerId} ${result.status}`)
    }
    const { run } = kit.run(identity(offer), FOLLOW)
    const [result] = await followAll({ ...run.deps, tracker }, [identity(offer)])
    expect(result.changes.map(c => c.action)).toEqual(['promote'])
    expect(told).toEqual(['resumed contoso-container', 'finished contoso-container preview'])
  })
})

describe('stageOf', () => {
  const entry = (targetType: string, status: string, result: string): SubmissionEntry => ({
    id: 'submission/p/1',
    target: { targetType },
    status,
    result
  })
  it.each([
    ['preview', 'running', 'pending', 'pending'],
    ['preview', 'notStarted', 'pending', 'pending'],
    ['preview', 'completed', 'succeeded', 'preview'],
    ['preview', 'Completed', 'Succeeded', 'preview'],
    ['preview', 'completed', 'failed', 'failed'],
    ['live', 'running', 'pending', 'publishing'],
    ['live', 'completed', 'succeeded', 'live'],
    ['live', 'completed', 'failed', 'failed']
  ] as const)('%s %s/%s is %s', (target, status, result, stage) => {
    expect(stageOf(entry(target, status, result))).toBe(stage)
  })
})
