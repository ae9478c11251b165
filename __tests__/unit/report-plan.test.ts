/**
 * A dry run's plan as the reviewer sees it: the job summary, the CLI's text, the pull request
 * comment and the `plan` output, each with every request and the values it would write.
 */
import { describe, expect, it } from '@jest/globals'
import { planComment } from '../../src/github/plan-comment.js'
import type { OfferResult, PlannedRequest } from '../../src/publish/result.js'
import { outputValues } from '../../src/report/outputs.js'
import { renderMarkdown } from '../../src/report/summary-markdown.js'
import type { RunSummary } from '../../src/report/summary-model.js'
import { renderText } from '../../src/report/summary-text.js'
import { result } from './report-fixtures.js'

const API = '/v1.0/ingestion/products'
const TENANT = '8d2c5b1e-3f4a-4c6b-9e7d-1a2b3c4d5e6f'

const requests: PlannedRequest[] = [
  {
    service: 'ingestion',
    method: 'POST',
    path: API,
    what: "create the product 'Fabrikam Managed'",
    values: { resourceType: 'AzureApplication', name: 'Fabrikam Managed' }
  },
  {
    service: 'ingestion',
    method: 'POST',
    path: `${API}/new-offer-1/variants`,
    what: "create plan 'managed' in product new-offer-1",
    values: { friendlyName: 'Managed', externalID: 'managed', subType: 'managed-application' }
  },
  {
    service: 'ingestion',
    method: 'PUT',
    path: `${API}/new-offer-1/listings/new-listing-4`,
    what: 'update listing new-listing-4 (en-us)',
    values: { description: `<p>${'x'.repeat(300)}</p>` }
  },
  {
    service: 'upload',
    method: 'PUT',
    path: '/new-package-5',
    what: 'upload managed-1.2.3.zip',
    values: { fileName: 'managed-1.2.3.zip', size: 2048 }
  },
  {
    service: 'ingestion',
    method: 'PUT',
    path: `${API}/new-offer-1/packageconfigurations/new-configuration-6`,
    what: 'update the technical configuration new-configuration-6',
    values: {
      publicAzureTenantID: TENANT,
      allowJitAccess: true,
      publicAzureAuthorizations: [{ principalID: 'p', roleDefinitionID: 'r' }]
    }
  },
  {
    service: 'ingestion',
    method: 'POST',
    path: `${API}/new-offer-1/submissions/new-submission-7/promote`,
    what: 'promote submission new-submission-7 to live'
  }
]

const planned: OfferResult = result({
  offerId: 'fabrikam-managed',
  productId: undefined,
  submissionId: undefined,
  releaseNumber: undefined,
  partnerCenterUrl: undefined,
  status: 'planned',
  timeline: [],
  packages: [{ label: 'managed', fileName: 'managed-1.2.3.zip', version: '1.2.3' }],
  changes: [
    { action: 'create', subject: 'offer fabrikam-managed (AzureApplication, "Fabrikam Managed")' },
    { action: 'create', subject: 'plan managed (managed-application, "Managed")' }
  ],
  requests
})

function dryRun(overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    mode: 'publish',
    dryRun: true,
    target: 'live',
    status: 'planned',
    offers: [planned],
    runErrors: [],
    counts: { token: 1, lookup: 3, write: 0, upload: 0, poll: 0 },
    workspace: '/work',
    ...overrides
  }
}

describe('the job summary of a dry run', () => {
  const md = renderMarkdown(dryRun())

  it('folds every request it would send into one table, values included', () => {
    expect(md).toContain('<details><summary>Requests it would send (6)</summary>')
    expect(md).toContain('| Method | Path | What | Values |')
    expect(md).toContain(
      `| POST | ${API}/new-offer-1/variants | create plan 'managed' in product new-offer-1 | friendlyName: Managed; externalID: managed; subType: managed-application |`
    )
    expect(md).toContain(
      `| PUT | ${API}/new-offer-1/packageconfigurations/new-configuration-6 | update the technical configuration new-configuration-6 | publicAzureTenantID: ${TENANT}; allowJitAccess: true; publicAzureAuthorizations: [{"principalID":"p","roleDefinitionID":"r"}] |`
    )
    expect(md).toContain(
      '| PUT | upload URL | upload managed-1.2.3.zip | fileName: managed-1.2.3.zip; size: 2048 |'
    )
    expect(md).toContain(
      `| POST | ${API}/new-offer-1/submissions/new-submission-7/promote | promote submission new-submission-7 to live |  |`
    )
    expect(md).toMatch(/\| Method[\s\S]*<\/details>/)
  })

  it('cuts a long value and escapes its HTML', () => {
    expect(md).toContain(`description: &lt;p&gt;${'x'.repeat(197)}…`)
    expect(md).not.toContain('<p>')
  })

  it('keeps the changes table and shows no product for an offer it would create', () => {
    expect(md).toContain('**Plan (nothing was written)**')
    expect(md).toContain('| create | plan managed (managed-application, "Managed") |  |')
    expect(md).not.toContain('| Product |')
  })

  it('shows no requests table outside a dry run', () => {
    const real = renderMarkdown(dryRun({ dryRun: false, offers: [result()] }))
    expect(real).not.toContain('Requests it would send')
  })
})

describe('the CLI text of a dry run', () => {
  it('lists each request with its values', () => {
    const text = renderText(dryRun())
    expect(text).toContain(
      `  → PUT ${API}/new-offer-1/packageconfigurations/new-configuration-6: publicAzureTenantID: ${TENANT}; allowJitAccess: true;`
    )
    expect(text).toContain('  → PUT upload URL: fileName: managed-1.2.3.zip; size: 2048\n')
    expect(text).toContain(`  → POST ${API}/new-offer-1/submissions/new-submission-7/promote\n`)
  })
})

describe('the pull request comment', () => {
  it('is the summary with the requests, for the commit, without request counts', () => {
    const comment = planComment(dryRun(), '0123456789abcdef')
    expect(comment).toContain('## Marketplace publish plan (dry run, target live)')
    expect(comment).toContain('<details><summary>Requests it would send (6)</summary>')
    expect(comment).toContain(`publicAzureTenantID: ${TENANT}`)
    expect(comment).not.toContain('### Requests')
    expect(comment.trimEnd().endsWith('_Plan for 0123456; each push updates it._')).toBe(true)
  })
})

describe('the plan output', () => {
  it('holds every offer with its changes and requests, whole', () => {
    const [offer] = JSON.parse(outputValues([planned], true).plan) as Array<Record<string, unknown>>
    expect(offer).toEqual({
      offerId: 'fabrikam-managed',
      productId: null,
      status: 'planned',
      changes: planned.changes,
      requests,
      comparedWith: null
    })
  })

  it('is empty outside a dry run', () => {
    expect(outputValues([result()]).plan).toBe('')
  })
})
