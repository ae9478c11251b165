/**
 * Issue 5's "fewest calls": one plan's package update to preview (an Azure solution template
 * whose manifest has one plan with only a package: no listing, images or properties) costs 13
 * requests besides polling and upload blocks, each one listed below, none repeated. It was 12
 * until issue 9: the package list is now read on every run, because a package already uploaded
 * for this file and version leaves no other trace a new run can see (src/publish/look-first.ts).
 */
import { beforeEach, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../helpers/runner.js'
import { sessionForFile, type LoggedRequest } from './session.js'
import { makeZip } from '../emulator/blob-fixtures.js'
import { createWorkspace, standardPlanManifest } from './workspace.js'

const TEMPLATE = [
  {
    name: 'mainTemplate.json',
    data: '{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","resources":[]}'
  },
  {
    name: 'createUiDefinition.json',
    data: '{"handler":"Microsoft.Azure.CreateUIDef","version":"0.1.2-preview","parameters":{"basics":[],"steps":[],"outputs":{}}}'
  }
]

const session = sessionForFile()
beforeEach(async () => {
  await session.reset()
})

/** A GET of one package or submission by id is a poll: the action re-reads it while waiting. */
function isPoll({ method, path }: LoggedRequest): boolean {
  return method === 'GET' && /\/(packages|images|submissions)\/[^/()]+$/i.test(path)
}

it('updates one plan package to preview in 13 requests besides polls and uploads, none repeated', async () => {
  // The offer's first release (both seeded plans, listing, image), then the update under test.
  const workspace = createWorkspace(['contoso-analytics'])
  const first = await runAction(session.env({ target: 'preview' }), { workspace })
  expect(first.code).toBe(0)
  const before = (await session.requests()).length

  writeFileSync(
    join(workspace, 'packages/analytics-standard-1.2.4.zip'),
    makeZip([...TEMPLATE, { name: 'CHANGELOG.md', data: '1.2.4: faster' }])
  )
  writeFileSync(
    join(workspace, 'marketplace.yml'),
    standardPlanManifest('packages/analytics-standard-1.2.4.zip')
  )
  const run = await runAction(session.env({ target: 'preview', version: '1.2.4' }), { workspace })
  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('preview')

  // The log holds the API and Entra ID; uploads go to the blob front, which it does not see.
  const counted = (await session.requests())
    .slice(before)
    .filter(r => !r.path.startsWith('/_emulator') && !isPoll(r))
    .map(r => `${r.method} ${r.path.replace(/[0-9a-f-]{36}|\d{6,}/gi, '{id}')}`)
  // The floor for this scenario (docs/benchmarks.md): the token; the product ($filter); the
  // variants (plan → variant id); the four module branches whose drafts the submission names (the
  // reseller draft is named, not read); the plan's technical configuration (read before the
  // upload, kept for the write); the packages listed (one of this file and version may be there
  // already); the package created and marked uploaded; the configuration written; the submission
  // created (a conflict would show as its 409). Sorted: the branch reads and the token are
  // concurrent with other reads.
  expect([...counted].sort()).toEqual(
    [
      'POST /{id}/oauth2/token',
      'GET /v1.0/ingestion/products',
      'GET /v1.0/ingestion/products/{id}/variants',
      'GET /v1.0/ingestion/products/{id}/branches/getByModule(module=Availability)',
      'GET /v1.0/ingestion/products/{id}/branches/getByModule(module=Listing)',
      'GET /v1.0/ingestion/products/{id}/branches/getByModule(module=Package)',
      'GET /v1.0/ingestion/products/{id}/branches/getByModule(module=Property)',
      'GET /v1.0/ingestion/products/{id}/packageConfigurations/getByInstanceID(instanceID={id})',
      'GET /v1.0/ingestion/products/{id}/packages',
      'POST /v1.0/ingestion/products/{id}/packages',
      'PUT /v1.0/ingestion/products/{id}/packages/{id}',
      'PUT /v1.0/ingestion/products/{id}/packageconfigurations/{id}',
      'POST /v1.0/ingestion/products/{id}/submissions'
    ].sort()
  )
})
