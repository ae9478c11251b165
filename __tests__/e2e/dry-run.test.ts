/** A dry run reads what it needs, prints the plan, and sends no POST, PUT or DELETE to the API. */
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { sessionForFile, writesToApi } from './session.js'
import { createWorkspace } from './workspace.js'

const session = sessionForFile()

it('plans every offer without writing anything', async () => {
  const workspace = createWorkspace([
    'contoso-analytics',
    'contoso-managed-ops',
    'contoso-bc-connector'
  ])
  const run = await runAction(session.env({ 'dry-run': 'true', target: 'live' }), { workspace })

  expect(run.code).toBe(0)
  expect(run.outputs.status).toBe('planned')
  expect(run.outputs['submission-id']).toBe('')
  const requests = await session.requests()
  expect(requests.some(r => r.method === 'GET')).toBe(true)
  expect(writesToApi(requests)).toEqual([])
  expect(run.stdout).toContain('would upload package standard (analytics-standard-1.2.3.zip')
  expect(run.stdout).toContain('would submit submission to preview')
  expect(run.summary).toContain('Marketplace publish plan (dry run, target live)')
  expect(run.summary).toContain('Plan (nothing was written)')
})
