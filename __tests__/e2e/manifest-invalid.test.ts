/** An invalid manifest fails the step at its line before any request, even for a token. */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runAction } from '../helpers/runner.js'
import { annotations } from './annotations.js'
import { startSession, type Session } from './session.js'
import { createWorkspace } from './workspace.js'

let session: Session
beforeAll(async () => {
  session = await startSession()
})
afterAll(async () => {
  await session.stop()
})

it('annotates the problem at its file and line, exits 1 and sends nothing', async () => {
  const workspace = createWorkspace([])
  writeFileSync(
    join(workspace, 'marketplace.yml'),
    [
      'version: 1',
      'offers:',
      '  - id: contoso-analytics',
      '    type: azure-solution-template',
      '    plans:',
      '      - id: standard',
      '        name: Standard',
      '        package: packages/missing.zip',
      ''
    ].join('\n')
  )
  await session.reset()
  const run = await runAction(session.env(), { workspace })

  expect(run.code).toBe(1)
  const errors = annotations(run.stdout).filter(
    a => a.level === 'error' && !a.message.startsWith('Marketplace publish failed')
  )
  expect(errors).toHaveLength(1)
  expect(errors[0].properties.file).toBe('marketplace.yml')
  expect(errors[0].properties.line).toBe('8')
  expect(run.outputs.status).toBe('failed')
  expect(await session.requests()).toEqual([])
})
