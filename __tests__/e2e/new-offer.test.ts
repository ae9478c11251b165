/**
 * Issue 13: a new solution template and a new managed app created from the manifest alone. Without
 * the preview audience, the managed plan's markets and its price, the bundled action fails before
 * its first write, with one error per missing setting at its manifest line; with them, both reach
 * live through the emulator's default (strict) submission checks.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeEach, expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { problems } from './annotations.js'
import { sessionForFile, writesToApi } from './session.js'
import { offerState } from './state.js'
import { createWorkspace, newOffersManifest, PREVIEW_SUBSCRIPTION } from './workspace.js'

const session = sessionForFile()
beforeEach(async () => {
  await session.reset()
})

function workspaceWith(manifest: string): string {
  const workspace = createWorkspace([])
  writeFileSync(join(workspace, 'marketplace.yml'), manifest)
  return workspace
}

it('creates nothing without the preview audience, markets and price, naming each at its line', async () => {
  const manifest = newOffersManifest(false)
  const lineOf = (text: string): string =>
    String(manifest.split('\n').findIndex(line => line.trim() === text) + 1)
  const run = await runAction(session.env({ target: 'live' }), {
    workspace: workspaceWith(manifest)
  })

  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('failed')
  const errors = problems(run.stdout)
  const template = 'contoso-new-template: OFFER_INCOMPLETE'
  const managed = 'contoso-new-managed: OFFER_INCOMPLETE'
  expect(errors.map(e => [e.properties.title, e.properties.file, e.properties.line])).toEqual([
    [template, 'marketplace.yml', lineOf('- id: contoso-new-template')],
    [managed, 'marketplace.yml', lineOf('- id: contoso-new-managed')],
    [managed, 'marketplace.yml', lineOf('- id: managed')],
    [managed, 'marketplace.yml', lineOf('- id: managed')]
  ])
  const fields = [
    'offers[0].previewAudience',
    'offers[1].previewAudience',
    'offers[1].plans[0].markets',
    'offers[1].plans[0].pricing'
  ]
  fields.forEach((field, i) => expect(errors[i].message).toContain(`${field}: `))
  expect(errors[2].message).toContain('Add markets')
  expect(errors[3].message).toContain('Add pricing.monthly')
  for (const error of errors) expect(error.message).toContain('nothing was created')

  const requests = await session.requests()
  expect(requests.some(r => r.method === 'GET' && r.path.endsWith('/products'))).toBe(true)
  expect(writesToApi(requests)).toEqual([])
})

it('reaches live with them, through the submission checks Partner Center makes', async () => {
  const run = await runAction(session.env({ target: 'live' }), {
    workspace: workspaceWith(newOffersManifest(true))
  })

  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  const results = JSON.parse(run.outputs.result) as Array<{
    offerId: string
    status: string
    productId: string
  }>
  expect(results.map(r => [r.offerId, r.status])).toEqual([
    ['contoso-new-template', 'live'],
    ['contoso-new-managed', 'live']
  ])
  const state = await session.state()
  const template = offerState(state, results[0].productId)
  expect(template.availability.previewAudience).toEqual([PREVIEW_SUBSCRIPTION])
  expect(template.submissions.map(s => s.promoted)).toEqual([true])
  const managed = offerState(state, results[1].productId)
  expect(managed.availability.previewAudience).toEqual([PREVIEW_SUBSCRIPTION])
  expect(managed.availability.plans.map(p => [p.markets, p.prices])).toEqual([
    [['US', 'CA'], [49.99]]
  ])
  expect(managed.submissions.map(s => s.promoted)).toEqual([true])
})
