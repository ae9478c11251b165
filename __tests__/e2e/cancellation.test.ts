/**
 * SIGTERM while the run waits for certification: it stops at once, says where it stopped and what
 * re-running does, reports what it got to (the submission id), and exits 1.
 */
import { expect, it } from '@jest/globals'
import { runAction } from '../helpers/runner.js'
import { annotations } from './annotations.js'
import { sessionForFile } from './session.js'
import { createWorkspace } from './workspace.js'

// Certification takes about a minute at this speed: the signal arrives while waiting for it.
const session = sessionForFile(['--speed', '60'])

it('stops on SIGTERM, reports where, and exits non-zero', async () => {
  const started = Date.now()
  const run = await runAction(session.env(), {
    workspace: createWorkspace(['contoso-managed-ops']),
    // A second after the submission is made, while certification is still far off.
    signalAfter: { ms: 1000, afterLine: /submission \d+: InProgress\/Submitted/, signal: 'SIGTERM' }
  })
  expect(Date.now() - started).toBeLessThan(20_000)
  expect(run.code).toBe(1)
  expect(run.outputs.status).toBe('failed')
  expect(run.outputs['submission-id']).not.toBe('')
  const found = annotations(run.stdout)
  expect(found.some(a => a.level === 'error' && a.message.includes('cancelled (SIGTERM)'))).toBe(
    true
  )
  expect(found.some(a => a.level === 'warning' && a.message.includes('Stopped before'))).toBe(true)
  expect(run.summary).toContain('Stopped before')
})
