/**
 * Issue 5's "fewest calls": one plan's package update to preview (an Azure solution template
 * whose manifest has one plan with only a package: no listing, images or properties) must cost
 * few requests besides polling and upload blocks (issue 5 asks for at most 12; the test holds the
 * 15 this API allows, see below), and no resource may be read twice.
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

it('updates one plan package to preview in 15 requests besides polls and uploads, none repeated', async () => {
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
  const lines = counted.map(r => `${r.method} ${r.path}`)
  // 15 is the floor this API allows for the scenario: token; product; variants (plan → variant
  // id); the five module branches (the submission names every module's draft); the package list
  // (resume safety), create, mark uploaded; technical configuration read and write; the
  // submission list (another in progress?) and create. Issue 5 asks for 12.
  expect(lines).toHaveLength(Math.min(lines.length, 15))
  const gets = lines.filter(line => line.startsWith('GET '))
  expect(gets).toEqual([...new Set(gets)])
})
