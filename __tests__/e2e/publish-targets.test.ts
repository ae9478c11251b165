/**
 * Every seeded offer type published to every target by the bundled action against the emulator:
 * outputs, the emulator's final state and the job summary.
 */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { startSession, type Session } from './session.js'
import { offerState } from './state.js'
import { createWorkspace, type SeededOffer } from './workspace.js'

const OFFERS: SeededOffer[] = ['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector']
const TARGETS = ['draft', 'preview', 'live'] as const

let session: Session
beforeEach(async () => {
  session = await startSession()
})
afterEach(async () => {
  await session.stop()
})

describe.each(OFFERS)('%s', offerId => {
  it.each(TARGETS)('publishes to %s', async target => {
    const workspace = createWorkspace([offerId])
    const run = await runAction(session.env({ target }), { workspace })

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.outputs.status).toBe(target)
    expect(run.outputs['product-id']).not.toBe('')
    expect(run.outputs['partner-center-url']).toBe(
      `https://partner.microsoft.com/dashboard/commercial-marketplace/offers/${run.outputs['product-id']}/overview`
    )
    expect(JSON.parse(run.outputs.result)).toEqual([
      expect.objectContaining({ offerId, status: target, productId: run.outputs['product-id'] })
    ])

    const state = offerState(await session.state(), run.outputs['product-id'])
    const expectedVersion = offerId === 'contoso-bc-connector' ? undefined : '1.2.3'
    for (const config of state.packageConfigurations) {
      const referenced = state.packages.filter(p => config.packageReferences.includes(p.id))
      expect(referenced.map(p => p.state)).toEqual(referenced.map(() => 'Processed'))
      expect(referenced.length).toBeGreaterThan(0)
      if (expectedVersion) expect(config.version).toBe(expectedVersion)
    }
    if (target === 'draft') {
      expect(run.outputs['submission-id']).toBe('')
      expect(state.submissions).toHaveLength(0)
    } else {
      expect(state.submissions).toHaveLength(1)
      expect(state.submissions[0].id).toBe(run.outputs['submission-id'])
      expect(state.submissions[0].substate).toBe(target === 'live' ? 'InStore' : 'ReadyToPublish')
      expect(run.outputs['release-number']).toMatch(/^\d+$/)
    }

    expect(run.summary).toContain(`### ${offerId}: ${target}`)
    expect(run.summary).toContain('| token | lookup | write | upload | poll |')
    if (target !== 'draft') expect(run.summary).toContain('**Submission timeline**')
    expect(run.stdout).toMatch(new RegExp(`\\[${offerId}\\] \\d\\d:\\d\\d\\.\\d package`))
  })
})
