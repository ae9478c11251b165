/**
 * Shared by the reliability suites (`reliability-*.test.ts`): a small workspace, a debug-logging
 * live publish, and the checks that a publish ended exactly as a clean one does.
 */
import { expect } from '@jest/globals'
import { runAction, type RunResult, type SignalAfter } from '../helpers/runner.js'
import type { Session } from './session.js'
import { offerState, type OfferState } from './state.js'
import { createWorkspace } from './workspace.js'

/** One offer with two plans: two packages, one image, a listing and a submission per run. */
export const OFFER = 'contoso-analytics'
export const PLANS = ['standard', 'premium']

export function reliabilityWorkspace(): string {
  return createWorkspace([OFFER])
}

/**
 * A live publish with step debug logging on (for the leak check), with extra inputs, and extra
 * runner variables (`GITHUB_RUN_ATTEMPT: '2'` is what GitHub sets when it re-runs the job).
 */
export function publishLive(
  session: Session,
  workspace: string,
  inputs: Record<string, string> = {},
  options: {
    signalAfter?: SignalAfter
    env?: Record<string, string>
  } = {}
): Promise<RunResult> {
  const { env = {}, ...runOptions } = options
  return runAction(
    { ...session.env({ target: 'live', ...inputs }), ACTIONS_STEP_DEBUG: 'true', ...env },
    { workspace, timeoutMs: 90_000, ...runOptions }
  )
}

/** The product id of the seeded offer, from the emulator's ready line. */
export function productIdOf(session: Session): string {
  const offer = session.emulator.ready.offers.find(o => o.offerId === OFFER)
  if (!offer) throw new Error(`${OFFER} is not seeded`)
  return offer.productId
}

/**
 * The state a successful live publish leaves, for a fresh seed: one promoted submission, one
 * uploaded package per plan, each plan's configuration referencing its own package at the
 * published version, and the listing's summary substituted.
 */
export async function expectPublishedOnce(session: Session, run: RunResult): Promise<OfferState> {
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('live')
  const snapshot = await session.state()
  const state = offerState(snapshot, productIdOf(session))
  expect(state.submissions).toHaveLength(1)
  expect(state.submissions[0]).toEqual(
    expect.objectContaining({ id: run.outputs['submission-id'], promoted: true })
  )
  expect(state.packages).toHaveLength(PLANS.length)
  for (const pkg of state.packages)
    expect(pkg).toEqual(expect.objectContaining({ uploaded: true, validationItems: [] }))
  const configs = state.packageConfigurations.filter(c => c.variantID !== undefined)
  expect(configs).toHaveLength(PLANS.length)
  const referenced = configs.flatMap(c => c.packageReferences).sort()
  expect(referenced).toEqual(state.packages.map(p => p.id).sort())
  for (const config of configs) expect(config.version).toBe('1.2.3')
  expect(JSON.stringify(snapshot)).toContain('Analytics for your Azure subscription, version 1.2.3')
  return state
}

/** Every collection of one offer's product, by size, plus the files its packages were made from. */
export type Shape = Record<string, number | string[]>

export function shapeOf(state: Record<string, unknown>, offerId: string): Shape {
  const product = (state.products as Array<Record<string, unknown>>).find(
    p => p.offerId === offerId
  )
  if (!product) throw new Error(`${offerId} is not in the emulator state`)
  const shape: Shape = {}
  for (const [key, value] of Object.entries(product))
    if (Array.isArray(value)) shape[key] = value.length
  shape.packageFiles = (product.packages as Array<{ body: { fileName: string } }>)
    .map(p => p.body.fileName)
    .sort()
  return shape
}

/** How many times each configured fault clause fired (`GET /_emulator/faults`). */
export async function firedFaults(session: Session): Promise<Record<string, number>> {
  const described = (await session.emulator.adminJson('/faults')) as {
    rules: Array<{ clause: string; fired: number }>
    behaviours: Array<{ clause: string; fired: number }>
    rate: { clause: string; fired: number } | null
  }
  const clauses = [...described.rules, ...described.behaviours]
  if (described.rate) clauses.push(described.rate)
  return Object.fromEntries(clauses.map(c => [c.clause, c.fired]))
}
