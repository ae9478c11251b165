/**
 * The dry run's plan (its `plan` output) against what the real run that follows it writes, read
 * from the emulator's request log: every write of the real run is in the plan, and the plan holds
 * nothing the real run did not do. For three new offers (solution template, managed application,
 * Business Central) and for an existing offer whose listing changed.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from '@jest/globals'
import type { PlannedRequest } from '../../src/ingestion/dry-run/index.js'
import { runAction, type RunResult } from '../helpers/runner.js'
import { plannedShapes, sentShapes } from '../helpers/write-shapes.js'
import { expectNoLeaks } from './leaks.js'
import { sessionForFile, writesToApi } from './session.js'
import { offerState } from './state.js'
import {
  AZURE_PROPERTIES,
  BC_PROPERTIES,
  CONTACTS,
  createWorkspace,
  LISTING_REST,
  LOGO,
  planListing,
  PREVIEW_SUBSCRIPTION
} from './workspace.js'

const session = sessionForFile()
beforeEach(async () => {
  await session.reset()
})

const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'
const PRINCIPAL = '5f0e6a7b-1c2d-4e3f-8a9b-0c1d2e3f4a5b'
const OWNER_ROLE = '8e3af657-a8ff-443c-a75c-2fe8c4bcb635'
const POLICY =
  '/providers/Microsoft.Authorization/policyDefinitions/0a914e76-4921-4c19-b460-a2d36003525a'

/**
 * Three offers the emulator does not have, each stating what its first submission needs
 * (docs/manifest.md, "What a first submission needs"), so that the real run passes the emulator's
 * strict submission checks; the files are the e2e workspace's.
 */
const NEW_OFFERS = `version: 1
offers:
  - id: fabrikam-templates
    type: azure-solution-template
    name: Fabrikam Templates
    listing:
      title: Fabrikam Templates for Azure
      summary: Templates for Azure, version \${{ version }}${LISTING_REST}${CONTACTS}${LOGO}${AZURE_PROPERTIES}
    reseller: Enabled
    plans:
      - id: basic
        name: Basic${planListing('The basic plan')}
        package: packages/analytics-standard-*.zip
      - id: pro
        name: Pro${planListing('The pro plan')}
        package: packages/analytics-premium-*.zip
  - id: fabrikam-managed
    type: azure-managed-app
    name: Fabrikam Managed
    listing:
      summary: Managed by Fabrikam${LISTING_REST}${CONTACTS}${LOGO}${AZURE_PROPERTIES}
    plans:
      - id: managed
        name: Managed${planListing('Operated by Fabrikam')}
        package: packages/managed-ops-*.zip
        tenantId: ${TENANT}
        authorizations:
          - principalId: ${PRINCIPAL}
            roleDefinitionId: ${OWNER_ROLE}
        jitAccess: true
        customerActions:
          enabled: true
          allowed: [Microsoft.Compute/virtualMachines/restart/action]
        policies:
          - name: audit-vms
            definitionId: ${POLICY}
        markets: [us, ca]
        pricing: { monthly: 49.99 }
  - id: fabrikam-bc
    type: business-central
    name: Fabrikam Connector
    listing:
      summary: Fabrikam data in Business Central${LISTING_REST}${LOGO}${BC_PROPERTIES}
    app: bc/Contoso_Connector_\${{ version }}.0.app
`

interface PlannedOffer {
  offerId: string
  productId: string | null
  status: string
  changes: Array<{ action: string; subject: string; fields?: string[] }>
  requests: PlannedRequest[]
}

function planOf(run: RunResult): PlannedOffer[] {
  expect(run.outputs.plan).not.toBe('')
  return JSON.parse(run.outputs.plan) as PlannedOffer[]
}

/** The dry run, then the real run, of the workspace; the API requests each sent. */
async function dryThenReal(workspace: string) {
  const logged = (await session.requests()).length
  const dry = await runAction(session.env({ 'dry-run': 'true', target: 'live' }), { workspace })
  const dryRequests = (await session.requests()).slice(logged)
  const real = await runAction(session.env({ target: 'live' }), { workspace })
  const realRequests = (await session.requests()).slice(logged + dryRequests.length)
  return { dry, real, dryRequests, realRequests }
}

describe('the dry run of new offers', () => {
  it('plans every write the real run then makes, and nothing else', async () => {
    const workspace = createWorkspace([])
    writeFileSync(join(workspace, 'marketplace.yml'), NEW_OFFERS)
    const { dry, real, dryRequests, realRequests } = await dryThenReal(workspace)

    expect(dry.stderr).toBe('')
    expect(dry.code).toBe(0)
    expect(dry.outputs.status).toBe('planned')
    expect(dry.outputs['product-id']).toBe('')
    expect(writesToApi(dryRequests)).toEqual([])
    expect(real.code).toBe(0)
    expect(real.outputs.status).toBe('live')

    const plan = planOf(dry)
    expect(plan.map(o => o.offerId)).toEqual([
      'fabrikam-templates',
      'fabrikam-managed',
      'fabrikam-bc'
    ])
    const planned = plan.flatMap(o => o.requests)
    expect(plannedShapes(planned)).toEqual(sentShapes(realRequests))
    expect(sentShapes(realRequests).length).toBeGreaterThan(25)

    // The availabilities a first submission needs: both Azure offers' preview audience, and the
    // managed plan's markets and price.
    const puts = (collection: string) =>
      planned.filter(r => r.method === 'PUT' && r.path.includes(`/${collection}/`))
    expect(puts('productavailabilities').map(r => r.values)).toEqual([
      { audiences: [{ type: 'PreviewMarketplaceGroup', values: [PREVIEW_SUBSCRIPTION] }] },
      { audiences: [{ type: 'PreviewMarketplaceGroup', values: [PREVIEW_SUBSCRIPTION] }] }
    ])
    expect(puts('featureavailabilities')).toHaveLength(1)
    const [managedPlan] = puts('featureavailabilities').map(r => r.values)
    expect(managedPlan?.marketStates).toEqual([
      { marketCode: 'US', state: 'Enabled' },
      { marketCode: 'CA', state: 'Enabled' }
    ])
    expect(JSON.stringify(managedPlan?.priceSchedules)).toContain('"openPrice":49.99')

    // Each upload of the real run (packages and the logo, seen in the emulator's state) is planned.
    const state = await session.state()
    const result = JSON.parse(real.outputs.result) as Array<{ productId: string }>
    const uploaded = result.flatMap(o => offerState(state, o.productId).packages)
    expect(uploaded.every(p => p.uploaded)).toBe(true)
    const uploads = planned.filter(r => r.service === 'upload').map(r => r.values?.fileName)
    const logos = plan.map(() => 'large.png')
    expect(uploads.sort()).toEqual([...uploaded.map(p => p.fileName), ...logos].sort())
    expectNoLeaks([dry, real], await session.secrets())
  })

  it('shows the offer, its plans and the managed application settings with their values', async () => {
    const workspace = createWorkspace([])
    writeFileSync(join(workspace, 'marketplace.yml'), NEW_OFFERS)
    const dry = await runAction(session.env({ 'dry-run': 'true', target: 'live' }), { workspace })
    const managed = planOf(dry).find(o => o.offerId === 'fabrikam-managed')!

    expect(managed.productId).toBeNull()
    expect(managed.changes.map(c => `${c.action} ${c.subject}`)).toEqual(
      expect.arrayContaining([
        'create offer fabrikam-managed (AzureApplication, "Fabrikam Managed")',
        'create plan managed (managed-application, "Managed")',
        expect.stringMatching(/^promote submission new-submission-\d+ to live$/)
      ])
    )
    const config = managed.requests.find(r => r.path.includes('/packageconfigurations/'))
    expect(config?.values).toEqual(
      expect.objectContaining({
        version: '1.2.3',
        publicAzureTenantID: TENANT,
        publicAzureAuthorizations: [{ principalID: PRINCIPAL, roleDefinitionID: OWNER_ROLE }],
        allowJitAccess: true,
        canEnableCustomerActions: true,
        allowedCustomerActions: ['Microsoft.Compute/virtualMachines/restart/action'],
        policies: [expect.objectContaining({ policyName: 'audit-vms', policyDefinitionID: POLICY })]
      })
    )
    // The summary (and so the pull request comment) shows the same values to the reviewer.
    expect(dry.summary).toContain('Requests it would send')
    expect(dry.summary).toContain(`publicAzureTenantID: ${TENANT}`)
    expect(dry.summary).toContain('allowJitAccess: true')
    expect(dry.stdout).toContain('would create plan managed (managed-application, "Managed")')
  })
})

describe('the dry run of an existing offer with a changed listing', () => {
  it('plans the listing and the submission the real run then writes', async () => {
    const workspace = createWorkspace(['contoso-analytics'])
    const first = await runAction(session.env({ target: 'live' }), { workspace })
    expect(first.outputs.status).toBe('live')
    writeFileSync(
      join(workspace, 'marketplace.yml'),
      `version: 1
offers:
  - id: contoso-analytics
    type: azure-solution-template
    listing:
      title: Contoso Analytics Pro
    plans:
      - id: standard
        name: Standard
        package: packages/analytics-standard-*.zip
      - id: premium
        name: Premium
        package: packages/analytics-premium-*.zip
`
    )
    const { dry, real, dryRequests, realRequests } = await dryThenReal(workspace)

    expect(writesToApi(dryRequests)).toEqual([])
    expect(real.outputs.status).toBe('live')
    const [offer] = planOf(dry)
    expect(offer.productId).toBe(first.outputs['product-id'])
    expect(plannedShapes(offer.requests)).toEqual(sentShapes(realRequests))
    expect(offer.requests.map(r => r.method)).toEqual(['PUT', 'POST', 'POST'])
    expect(offer.requests[0].values).toEqual({ title: 'Contoso Analytics Pro' })
    expectNoLeaks([dry, real], await session.secrets())
  })
})
