/**
 * Every seeded offer type published to every target by the bundled action against the emulator:
 * outputs, the emulator's final state and the job summary.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { expectNoLeniency, sessionForFile } from './session.js'
import { offerState } from './state.js'
import { createWorkspace, type SeededOffer } from './workspace.js'

const OFFERS: SeededOffer[] = ['contoso-analytics', 'contoso-managed-ops', 'contoso-bc-connector']
const TARGETS = ['draft', 'preview', 'live'] as const

const session = sessionForFile()
beforeEach(async () => {
  await session.reset()
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
    // Azure Applications configure packages per plan; Business Central on the offer.
    const businessCentral = offerId === 'contoso-bc-connector'
    const configs = state.packageConfigurations.filter(
      c => (c.variantID === undefined) === businessCentral
    )
    expect(configs).toHaveLength(offerId === 'contoso-analytics' ? 2 : 1)
    for (const config of configs) {
      const referenced = state.packages.filter(p => config.packageReferences.includes(p.id))
      expect(referenced.length).toBeGreaterThan(0)
      for (const pkg of referenced)
        expect(pkg).toEqual(expect.objectContaining({ uploaded: true, validationItems: [] }))
      if (!businessCentral) expect(config.version).toBe('1.2.3')
    }
    if (target === 'draft') {
      expect(run.outputs['submission-id']).toBe('')
      expect(state.submissions).toHaveLength(0)
    } else {
      expect(state.submissions).toHaveLength(1)
      expect(state.submissions[0].id).toBe(run.outputs['submission-id'])
      expect(state.submissions[0].promoted).toBe(target === 'live')
      expect(run.outputs['release-number']).toBe(String(state.submissions[0].releaseNumber))
    }

    expect(run.summary).toContain(`### ${offerId}: ${target}`)
    expect(run.summary).toContain('| token | lookup | write | upload | poll |')
    if (target !== 'draft') expect(run.summary).toContain('**Submission timeline**')
    expect(run.stdout).toMatch(new RegExp(`\\[${offerId}\\] \\d\\d:\\d\\d\\.\\d package`))
  })
})

describe('the whole example', () => {
  it('goes live with requests the spec accepts as sent, needing no leniency of the service', async () => {
    const run = await runAction(session.env({ target: 'live' }), {
      workspace: createWorkspace(OFFERS)
    })
    expect(run.code).toBe(0)
    const sent = await session.requests()
    expect(sent.length).toBeGreaterThan(30)
    expect(sent.filter(r => r.leniencies !== undefined)).toEqual([])
    // The check every session makes before a reset and at its end fails on such a request.
    const lenient = { ...sent[0], leniencies: [{ rule: 'null-as-absent', at: 'body /summary' }] }
    expect(() => expectNoLeniency([lenient])).toThrow('null-as-absent at body /summary')
  })
})
