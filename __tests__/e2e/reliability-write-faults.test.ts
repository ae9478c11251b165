/**
 * The fault matrix for writes (issue 9, docs/reliability.md): every write route the action sends
 * × {fails before taking effect (503), takes effect then answers 503 (503-after), takes effect
 * then the connection drops (reset-after)}. Each cell must end in the clean run's end state: live,
 * with the same packages, images, submissions and drafts as a run without faults, no duplicates.
 *
 * One emulator serves every cell, and one action run serves each column: the manifest holds one
 * offer per route (the e2e workspace's contoso-analytics under another offer ID, with the
 * reseller channel stated and its premium plan hidden), and each route's fault clause names its
 * own offer's product, so the offers (published side by side, as `concurrency` allows) do not meet
 * each other's faults.
 * A clean run of the same manifest gives each offer's expected end state.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { readFileSync } from 'node:fs'
import type { RunResult } from '../helpers/runner.js'
import { REPO_ROOT } from '../helpers/emulator.js'
import { apiCaller, v1Token } from '../emulator/wire-client.js'
import { expectNoLeaks } from './leaks.js'
import { firedFaults, publishLive, shapeOf, type Shape } from './reliability.js'
import { startSession, type Session } from './session.js'
import { createWorkspace, offerAs } from './workspace.js'

interface Cell {
  route: string
  offerId: string
  /** The `METHOD PATH` of the fault clause, for this offer's product (none for a new offer). */
  target: (productId: string) => string
  /** Plans the offer already has; the manifest always states standard and premium. */
  plans?: string[]
  /** The offer is not in Partner Center yet: the run creates it. */
  created?: boolean
  /** The offer's listing already has a large logo the manifest replaces (so it is deleted). */
  replacesImage?: boolean
}

const CELLS: Cell[] = [
  { route: 'PUT listing', offerId: 'wf-listing', target: p => `PUT /products/${p}/listings/*` },
  {
    route: 'POST image',
    offerId: 'wf-image-post',
    target: p => `POST /products/${p}/listings/*/images`
  },
  {
    route: 'PUT image (Uploaded)',
    offerId: 'wf-image-put',
    target: p => `PUT /products/${p}/listings/*/images/*`
  },
  {
    route: 'DELETE image (replaced)',
    offerId: 'wf-image-delete',
    target: p => `DELETE /products/${p}/listings/*/images/*`,
    replacesImage: true
  },
  {
    route: 'POST package',
    offerId: 'wf-package-post',
    target: p => `POST /products/${p}/packages`
  },
  {
    route: 'PUT package (Uploaded)',
    offerId: 'wf-package-put',
    target: p => `PUT /products/${p}/packages/*`
  },
  {
    route: 'PUT package configuration',
    offerId: 'wf-config',
    target: p => `PUT /products/${p}/packageconfigurations/*`
  },
  { route: 'PUT property', offerId: 'wf-property', target: p => `PUT /products/${p}/properties/*` },
  {
    route: 'PUT offer availability',
    offerId: 'wf-offer-availability',
    target: p => `PUT /products/${p}/productavailabilities/*`
  },
  {
    route: 'PUT plan availability',
    offerId: 'wf-plan-availability',
    target: p => `PUT /products/${p}/featureavailabilities/*`
  },
  {
    route: 'POST reseller configuration',
    offerId: 'wf-reseller',
    target: p => `POST /products/${p}/resellerConfiguration`
  },
  {
    route: 'POST submission',
    offerId: 'wf-submission',
    target: p => `POST /products/${p}/submissions`
  },
  {
    route: 'POST promote',
    offerId: 'wf-promote',
    target: p => `POST /products/${p}/submissions/*/promote`
  },
  {
    route: 'POST variant (a new plan)',
    offerId: 'wf-variant',
    target: p => `POST /products/${p}/variants`,
    plans: ['standard']
  },
  {
    route: 'POST product (a new offer)',
    offerId: 'wf-product',
    target: () => 'POST /products',
    created: true
  }
]

const KINDS = [
  { name: 'fails before taking effect', kind: '503' },
  { name: 'takes effect, then answers 503', kind: '503-after' },
  { name: 'takes effect, then drops the connection', kind: 'reset-after' }
]

/** The default seed plus one offer per cell (but the one the run creates). */
function seedFile(): string {
  const seed = parse(readFileSync(join(REPO_ROOT, 'examples/emulator-seed.yml'), 'utf8'))
  for (const cell of CELLS.filter(c => !c.created)) {
    seed.offers.push({
      offerId: cell.offerId,
      type: 'AzureApplication',
      name: cell.offerId,
      plans: (cell.plans ?? ['standard', 'premium']).map(planId => ({
        planId,
        name: planId,
        subType: 'solution-template'
      }))
    })
  }
  const file = join(mkdtempSync(join(tmpdir(), 'write-faults-')), 'seed.json')
  writeFileSync(file, JSON.stringify(seed))
  return file
}

/**
 * Every cell's offer as contoso-analytics of the e2e workspace (listing, logo, properties, preview
 * audience), stating the reseller channel too, and hiding its premium plan (the entry ends with
 * that plan) so that both availabilities are written.
 */
function matrixWorkspace(): string {
  const offers = CELLS.map(
    cell =>
      `${offerAs('contoso-analytics', cell.offerId, cell.created ? cell.offerId : undefined)}
        hidden: true
    reseller: Enabled`
  )
  const workspace = createWorkspace([])
  writeFileSync(join(workspace, 'marketplace.yml'), `version: 1\noffers:${offers.join('')}\n`)
  return workspace
}

let session: Session
let workspace: string
let productIds: Map<string, string>
const clean = new Map<string, Shape>()

/** A fresh model from the seed; the listing of the image-replacing cell gets an older logo. */
async function resetModel(): Promise<void> {
  const { offers } = await session.emulator.adminJson<{
    offers: Array<{ offerId: string; productId: string }>
  }>('/reset', { method: 'POST' })
  productIds = new Map(offers.map(o => [o.offerId, o.productId]))
  const call = apiCaller(session.emulator.ready, await v1Token(session.emulator.ready))
  for (const cell of CELLS.filter(c => c.replacesImage)) {
    const productId = productIds.get(cell.offerId)
    const branches = await call(
      'GET',
      `/products/${productId}/branches/getByModule(module=Listing)`
    )
    const draft = (branches.body as { value: Array<Record<string, string>> }).value.find(
      b => b.variantID === undefined
    )!.currentDraftInstanceID
    const listings = await call(
      'GET',
      `/products/${productId}/listings/getByInstanceID(instanceID=${draft})`
    )
    const listingId = (listings.body as { value: Array<{ id: string }> }).value[0].id
    const image = await call('POST', `/products/${productId}/listings/${listingId}/images`, {
      resourceType: 'ListingImage',
      fileName: 'old-large.png',
      type: 'AzureLogoLarge',
      state: 'PendingUpload',
      order: 0
    })
    expect(image.status).toBe(201)
  }
}

function publishAll(): Promise<RunResult> {
  return publishLive(session, workspace, { concurrency: '16', 'timeout-minutes': '5' })
}

function statusOf(run: RunResult, offerId: string): string | undefined {
  const results = JSON.parse(run.outputs.result || '[]') as Array<{
    offerId: string
    status: string
  }>
  return results.find(r => r.offerId === offerId)?.status
}

beforeAll(async () => {
  session = await startSession(['--seed', seedFile()])
  workspace = matrixWorkspace()
  await resetModel()
  const run = await publishAll()
  expect(run.code).toBe(0)
  const state = await session.state()
  for (const cell of CELLS) clean.set(cell.offerId, shapeOf(state, cell.offerId))
}, 120_000)

afterAll(async () => {
  await session?.stop()
})

describe.each(KINDS)('a write that $name', ({ kind }) => {
  let run: RunResult
  let state: Record<string, unknown>
  let fired: Record<string, number>
  const clauseOf = (cell: Cell): string =>
    `${cell.target(productIds.get(cell.offerId) ?? '')} -> ${kind} x1`

  beforeAll(async () => {
    await resetModel()
    await session.setFaults(CELLS.map(clauseOf).join('; '))
    run = await publishAll()
    state = await session.state()
    fired = await firedFaults(session)
  }, 120_000)

  it.each(CELLS)('$route: ends as a clean run does, the fault fired', cell => {
    expect(fired[clauseOf(cell)]).toBe(1)
    expect(statusOf(run, cell.offerId)).toBe('live')
    expect(shapeOf(state, cell.offerId)).toEqual(clean.get(cell.offerId))
  })

  it('leaks no secret', async () => {
    expect(run.code).toBe(0)
    expectNoLeaks([run], await session.secrets())
  })
})
